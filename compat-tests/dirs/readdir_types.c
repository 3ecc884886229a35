/* readdir's d_type: DT_REG, DT_DIR, DT_LNK, DT_FIFO (and DT_CHR for
 * /dev/null's folder entry). */
#define _GNU_SOURCE
#include "compat.h"
#include "tmpdir.h"
#include <dirent.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>

static const char *type(int t)
{
	switch (t) {
	case DT_REG: return "DT_REG";
	case DT_DIR: return "DT_DIR";
	case DT_LNK: return "DT_LNK";
	case DT_FIFO: return "DT_FIFO";
	case DT_CHR: return "DT_CHR";
	case DT_BLK: return "DT_BLK";
	case DT_SOCK: return "DT_SOCK";
	case DT_UNKNOWN: return "DT_UNKNOWN";
	default: return "?";
	}
}

int main(void)
{
	compat_tmpdir();
	close(open("file", O_CREAT | O_WRONLY, 0644));
	CHECK_OK(mkdir("dir", 0755));
	CHECK_OK(symlink("file", "link"));
	CHECK_OK(mkfifo("fifo", 0644));
	const char *want[] = {".", "..", "dir", "fifo", "file", "link"};
	char got[6][16] = {{0}};
	DIR *d = opendir(".");
	struct dirent *e;
	while ((e = readdir(d)))
		for (int i = 0; i < 6; i++)
			if (strcmp(e->d_name, want[i]) == 0)
				snprintf(got[i], sizeof got[i], "%s", type(e->d_type));
	closedir(d);
	for (int i = 0; i < 6; i++)
		printf("%-5s %s\n", want[i], got[i]);
	d = opendir("/dev");
	CHECK(d != NULL, "opendir /dev");
	while (d && (e = readdir(d)))
		if (strcmp(e->d_name, "null") == 0)
			printf("/dev/null %s\n", type(e->d_type));
	if (d)
		closedir(d);
	return compat_done();
}
