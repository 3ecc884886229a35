/* O_DIRECTORY: opens a folder (or a symlink to one), and fails with
 * ENOTDIR on a regular file or a symlink to one. */
#define _GNU_SOURCE
#include "compat.h"
#include "tmpdir.h"
#include <fcntl.h>
#include <sys/stat.h>

int main(void)
{
	compat_tmpdir();
	CHECK_OK(mkdir("d", 0755));
	int fd = open("f", O_CREAT | O_WRONLY, 0644);
	close(fd);
	CHECK_OK(symlink("d", "ld"));
	CHECK_OK(symlink("f", "lf"));
	fd = open("d", O_RDONLY | O_DIRECTORY);
	CHECK(fd >= 0, "O_DIRECTORY on a folder");
	struct stat st;
	CHECK_OK(fstat(fd, &st));
	CHECK(S_ISDIR(st.st_mode), "it is a folder");
	close(fd);
	fd = open("ld", O_RDONLY | O_DIRECTORY);
	CHECK(fd >= 0, "O_DIRECTORY through a symlink to a folder");
	close(fd);
	CHECK_ERR(open("f", O_RDONLY | O_DIRECTORY), ENOTDIR);
	CHECK_ERR(open("lf", O_RDONLY | O_DIRECTORY), ENOTDIR);
	CHECK_ERR(open("missing", O_RDONLY | O_DIRECTORY), ENOENT);
	/* "." and "/" are folders */
	fd = open(".", O_RDONLY | O_DIRECTORY);
	CHECK(fd >= 0, "O_DIRECTORY on .");
	close(fd);
	fd = open("/", O_RDONLY | O_DIRECTORY);
	CHECK(fd >= 0, "O_DIRECTORY on /");
	close(fd);
	printf("O_DIRECTORY: folders open, files give ENOTDIR\n");
	return compat_done();
}
