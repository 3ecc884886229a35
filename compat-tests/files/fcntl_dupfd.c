/* F_DUPFD returns the lowest free descriptor >= arg; F_DUPFD_CLOEXEC too,
 * with FD_CLOEXEC set; a negative arg or one at or above RLIMIT_NOFILE is
 * EINVAL. */
#define _GNU_SOURCE
#include "compat.h"
#include "tmpdir.h"
#include <fcntl.h>
#include <sys/resource.h>

int main(void)
{
	compat_tmpdir();
	int fd = open("f", O_CREAT | O_RDWR | O_CLOEXEC, 0644);
	int a = fcntl(fd, F_DUPFD, 10);
	int b = fcntl(fd, F_DUPFD, 10);
	int c = fcntl(fd, F_DUPFD, 0);
	printf("F_DUPFD 10, 10, 0: %d %d %d\n", a, b, c);
	printf("FD_CLOEXEC of the copies: %d %d\n", fcntl(a, F_GETFD), fcntl(c, F_GETFD));
	int d = fcntl(fd, F_DUPFD_CLOEXEC, 30);
	printf("F_DUPFD_CLOEXEC 30: %d, FD_CLOEXEC %d\n", d, fcntl(d, F_GETFD));
	close(a);
	printf("after closing 10, F_DUPFD 5: %d\n", fcntl(fd, F_DUPFD, 5));
	CHECK_ERR(fcntl(fd, F_DUPFD, -1), EINVAL);
	CHECK_ERR(fcntl(fd, F_DUPFD_CLOEXEC, -1), EINVAL);
	struct rlimit rl;
	CHECK_OK(getrlimit(RLIMIT_NOFILE, &rl));
	CHECK_ERR(fcntl(fd, F_DUPFD, (int)rl.rlim_cur), EINVAL);
	CHECK_ERR(fcntl(99, F_DUPFD, 0), EBADF);
	return compat_done();
}
