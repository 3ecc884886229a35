/* Entries created or removed while a folder is open show up, or are gone,
 * after rewinddir. */
#define _GNU_SOURCE
#include "compat.h"
#include "tmpdir.h"
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>

static void list(DIR *d, const char *when)
{
	int has_a = 0, has_b = 0, n = 0;
	struct dirent *e;
	rewinddir(d);
	while ((e = readdir(d))) {
		n++;
		has_a |= strcmp(e->d_name, "a") == 0;
		has_b |= strcmp(e->d_name, "b") == 0;
	}
	printf("%s: %d entries, a %s, b %s\n", when, n, has_a ? "yes" : "no", has_b ? "yes" : "no");
}

int main(void)
{
	compat_tmpdir();
	close(open("a", O_CREAT | O_WRONLY, 0644));
	DIR *d = opendir(".");
	list(d, "start");
	close(open("b", O_CREAT | O_WRONLY, 0644));
	list(d, "after creating b");
	CHECK_OK(unlink("a"));
	list(d, "after removing a");
	CHECK_OK(rename("b", "a"));
	list(d, "after renaming b to a");
	closedir(d);
	return compat_done();
}
