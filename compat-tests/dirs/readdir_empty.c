/* A new folder lists only "." and ".."; readdir then returns NULL without
 * changing errno; after rewinddir the two come back. */
#define _GNU_SOURCE
#include "compat.h"
#include "tmpdir.h"
#include <dirent.h>
#include <sys/stat.h>

int main(void)
{
	compat_tmpdir();
	CHECK_OK(mkdir("d", 0755));
	DIR *d = opendir("d");
	CHECK(d != NULL, "opendir");
	int n = 0, dot = 0, dotdot = 0;
	struct dirent *e;
	errno = 0;
	while ((e = readdir(d))) {
		n++;
		dot += strcmp(e->d_name, ".") == 0;
		dotdot += strcmp(e->d_name, "..") == 0;
	}
	printf("entries %d, '.' %d, '..' %d, errno at the end %s\n", n, dot, dotdot, errno_name(errno));
	CHECK(readdir(d) == NULL, "still at the end");
	rewinddir(d);
	n = 0;
	while (readdir(d))
		n++;
	printf("after rewinddir: %d\n", n);
	closedir(d);
	return compat_done();
}
