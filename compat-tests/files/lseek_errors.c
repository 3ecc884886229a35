/* lseek: a resulting negative offset or an unknown whence is EINVAL and
 * leaves the offset alone; a closed descriptor is EBADF; pipes, FIFOs and
 * sockets are ESPIPE. */
#define _GNU_SOURCE
#include "compat.h"
#include "tmpdir.h"
#include <fcntl.h>
#include <sys/stat.h>

int main(void)
{
	compat_tmpdir();
	int fd = open("f", O_CREAT | O_RDWR, 0644);
	CHECK(write(fd, "0123456789", 10) == 10, "write");
	CHECK(lseek(fd, 5, SEEK_SET) == 5, "seek 5");
	CHECK_ERR(lseek(fd, -1, SEEK_SET), EINVAL);
	CHECK_ERR(lseek(fd, -6, SEEK_CUR), EINVAL);
	CHECK_ERR(lseek(fd, -11, SEEK_END), EINVAL);
	CHECK_ERR(lseek(fd, 0, 77), EINVAL);
	CHECK_ERR(lseek(fd, 0, -1), EINVAL);
	printf("offset after the errors: %lld\n", (long long)lseek(fd, 0, SEEK_CUR));
	close(fd);
	CHECK_ERR(lseek(fd, 0, SEEK_SET), EBADF);
	int p[2];
	CHECK_OK(pipe(p));
	CHECK_ERR(lseek(p[0], 0, SEEK_SET), ESPIPE);
	CHECK_ERR(lseek(p[1], 0, SEEK_CUR), ESPIPE);
	CHECK_OK(mkfifo("fifo", 0644));
	int ff = open("fifo", O_RDONLY | O_NONBLOCK);
	CHECK(ff >= 0, "open a FIFO");
	CHECK_ERR(lseek(ff, 0, SEEK_SET), ESPIPE);
	printf("lseek errors checked\n");
	return compat_done();
}
