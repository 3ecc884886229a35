/* telldir/seekdir: after seekdir to a position taken with telldir,
 * readdir returns the same entry again. */
#define _GNU_SOURCE
#include "compat.h"
#include "tmpdir.h"
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>

int main(void)
{
	compat_tmpdir();
	char name[16];
	for (int i = 0; i < 10; i++) {
		snprintf(name, sizeof name, "f%d", i);
		close(open(name, O_CREAT | O_WRONLY, 0644));
	}
	DIR *d = opendir(".");
	for (int i = 0; i < 4; i++)
		CHECK(readdir(d) != NULL, "readdir");
	long pos = telldir(d);
	struct dirent *e = readdir(d);
	char fifth[256];
	snprintf(fifth, sizeof fifth, "%s", e ? e->d_name : "(none)");
	int rest = 0;
	while (readdir(d))
		rest++;
	printf("entries after the fifth: %d\n", rest);
	seekdir(d, pos);
	e = readdir(d);
	printf("after seekdir the same entry: %s\n", e && strcmp(e->d_name, fifth) == 0 ? "yes" : "no");
	rest = 0;
	while (readdir(d))
		rest++;
	printf("and the same %d after it\n", rest);
	closedir(d);
	return compat_done();
}
