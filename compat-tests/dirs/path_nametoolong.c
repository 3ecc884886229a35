/* ENAMETOOLONG: a component longer than 255 bytes, or a whole path of
 * 4096 bytes or more; a 255-byte name works. */
#define _GNU_SOURCE
#include "compat.h"
#include "tmpdir.h"
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <sys/stat.h>

int main(void)
{
	compat_tmpdir();
	char name[300];
	memset(name, 'n', 255);
	name[255] = 0;
	int fd = open(name, O_CREAT | O_WRONLY, 0644);
	CHECK(fd >= 0, "a 255-byte name");
	close(fd);
	name[255] = 'n';
	name[256] = 0;
	CHECK_ERR(open(name, O_CREAT | O_WRONLY, 0644), ENAMETOOLONG);
	CHECK_ERR(mkdir(name, 0755), ENAMETOOLONG);
	struct stat st;
	CHECK_ERR(stat(name, &st), ENAMETOOLONG);
	char *path = malloc(PATH_MAX + 10);
	/* "./" repeated: every component is short, the whole is too long */
	for (int i = 0; i < PATH_MAX + 8; i += 2)
		memcpy(path + i, "./", 2);
	path[PATH_MAX] = 0;
	CHECK_ERR(stat(path, &st), ENAMETOOLONG);
	CHECK_ERR(open(path, O_RDONLY), ENAMETOOLONG);
	path[PATH_MAX - 1] = 0;
	path[PATH_MAX - 2] = '.';
	printf("a %d-byte path: %s\n", (int)strlen(path), stat(path, &st) == 0 ? "found" : errno_name(errno));
	printf("PATH_MAX %d NAME_MAX %d\n", PATH_MAX, NAME_MAX);
	return compat_done();
}
