/* opendir/readdir list every entry exactly once, "." and ".." included;
 * the order is the file system's, so the names are printed sorted. */
#define _GNU_SOURCE
#include "compat.h"
#include "tmpdir.h"
#include <dirent.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>

static int cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int main(void)
{
	compat_tmpdir();
	char name[64];
	for (int i = 0; i < 40; i++) {
		snprintf(name, sizeof name, "file-%02d-%s", i, i % 3 ? "x" : "a-longer-name-here");
		close(open(name, O_CREAT | O_WRONLY, 0644));
	}
	CHECK_OK(mkdir("zdir", 0755));
	CHECK_OK(symlink("file-00", "link"));
	DIR *d = opendir(".");
	CHECK(d != NULL, "opendir");
	char *names[64];
	int n = 0;
	struct dirent *e;
	while ((e = readdir(d)) && n < 64)
		names[n++] = strdup(e->d_name);
	CHECK(closedir(d) == 0, "closedir");
	qsort(names, n, sizeof names[0], cmp);
	printf("%d entries:\n", n);
	for (int i = 0; i < n; i++)
		printf("  %s\n", names[i]);
	return compat_done();
}
