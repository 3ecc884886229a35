/* close: 0 the first time, EBADF the second; close(-1) and close of a
 * never-opened number are EBADF; the number is free again afterwards. */
#define _GNU_SOURCE
#include "compat.h"
#include "tmpdir.h"
#include <fcntl.h>

int main(void)
{
	compat_tmpdir();
	int fd = open("f", O_CREAT | O_RDWR, 0644);
	printf("first close: %d\n", close(fd));
	CHECK_ERR(close(fd), EBADF);
	CHECK_ERR(close(-1), EBADF);
	CHECK_ERR(close(12345), EBADF);
	CHECK_ERR(fcntl(fd, F_GETFD), EBADF);
	int again = open("f", O_RDONLY);
	printf("reused: %s\n", again == fd ? "yes" : "no");
	return compat_done();
}
