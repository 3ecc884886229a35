/* F_GETFD/F_SETFD read and set FD_CLOEXEC, a flag of the descriptor
 * alone (a dup of it does not see the change); unknown bits are
 * dropped; a bad descriptor is EBADF. */
#define _GNU_SOURCE
#include "compat.h"
#include "tmpdir.h"
#include <fcntl.h>

int main(void)
{
	compat_tmpdir();
	int fd = open("f", O_CREAT | O_RDWR, 0644);
	int d = dup(fd);
	printf("start: %d\n", fcntl(fd, F_GETFD));
	CHECK_OK(fcntl(fd, F_SETFD, FD_CLOEXEC));
	printf("after F_SETFD FD_CLOEXEC: %d, the dup: %d\n", fcntl(fd, F_GETFD), fcntl(d, F_GETFD));
	CHECK_OK(fcntl(fd, F_SETFD, 0));
	printf("after F_SETFD 0: %d\n", fcntl(fd, F_GETFD));
	CHECK_OK(fcntl(fd, F_SETFD, 0xff));
	printf("after F_SETFD 0xff: %d\n", fcntl(fd, F_GETFD));
	CHECK_ERR(fcntl(-1, F_GETFD), EBADF);
	CHECK_ERR(fcntl(50, F_SETFD, FD_CLOEXEC), EBADF);
	CHECK_ERR(fcntl(fd, 9999), EINVAL);
	return compat_done();
}
