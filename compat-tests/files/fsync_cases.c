/* fsync, fdatasync, syncfs and sync succeed on files and folders; fsync
 * on a pipe is EINVAL; on a closed descriptor EBADF. */
#define _GNU_SOURCE
#include "compat.h"
#include "tmpdir.h"
#include <fcntl.h>

int main(void)
{
	compat_tmpdir();
	int fd = open("f", O_CREAT | O_RDWR, 0644);
	CHECK(write(fd, "data", 4) == 4, "write");
	CHECK_OK(fsync(fd));
	CHECK_OK(fdatasync(fd));
	CHECK_OK(syncfs(fd));
	sync();
	int ro = open("f", O_RDONLY);
	CHECK_OK(fsync(ro));
	int d = open(".", O_RDONLY | O_DIRECTORY);
	CHECK_OK(fsync(d));
	CHECK_OK(sync_file_range(fd, 0, 4, SYNC_FILE_RANGE_WRITE));
	int p[2];
	CHECK_OK(pipe(p));
	CHECK_ERR(fsync(p[1]), EINVAL);
	CHECK_ERR(fdatasync(p[0]), EINVAL);
	close(fd);
	CHECK_ERR(fsync(fd), EBADF);
	printf("sync calls accepted\n");
	return compat_done();
}
