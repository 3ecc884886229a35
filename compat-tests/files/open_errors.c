/* open's path errors: ENOENT (missing name, empty path, missing folder on
 * the way), ENOTDIR (a file used as a folder), EISDIR (a folder opened for
 * writing), EFAULT (a bad path pointer). */
#define _GNU_SOURCE
#include "compat.h"
#include "tmpdir.h"
#include <fcntl.h>
#include <sys/stat.h>

int main(void)
{
	compat_tmpdir();
	int fd = open("f", O_CREAT | O_WRONLY, 0644);
	close(fd);
	CHECK_OK(mkdir("d", 0755));
	CHECK_ERR(open("missing", O_RDONLY), ENOENT);
	CHECK_ERR(open("", O_RDONLY), ENOENT);
	CHECK_ERR(open("", O_CREAT | O_WRONLY, 0644), ENOENT);
	CHECK_ERR(open("nodir/f", O_RDONLY), ENOENT);
	CHECK_ERR(open("nodir/f", O_CREAT | O_WRONLY, 0644), ENOENT);
	CHECK_ERR(open("f/x", O_RDONLY), ENOTDIR);
	CHECK_ERR(open("f/x", O_CREAT | O_WRONLY, 0644), ENOTDIR);
	CHECK_ERR(open("d", O_WRONLY), EISDIR);
	CHECK_ERR(open("d", O_RDWR), EISDIR);
	CHECK_ERR(open("d", O_CREAT | O_WRONLY, 0644), EISDIR);
	CHECK_ERR(open("d/", O_CREAT | O_RDONLY, 0644), EISDIR);
	CHECK_ERR(open((const char *)1, O_RDONLY), EFAULT);
	CHECK_ERR(openat(AT_FDCWD, (const char *)1, O_RDONLY), EFAULT);
	fd = open("d", O_RDONLY);
	CHECK(fd >= 0, "a folder opens read-only");
	close(fd);
	printf("open errors checked\n");
	return compat_done();
}
