/* ioctl(FIONREAD) on a pipe's read end gives the bytes waiting; an
 * unknown ioctl on a pipe is ENOTTY. */
#define _GNU_SOURCE
#include "compat.h"
#include <sys/ioctl.h>
#include <unistd.h>

int main(void)
{
	int p[2];
	CHECK_OK(pipe(p));
	int n = -1;
	CHECK_OK(ioctl(p[0], FIONREAD, &n));
	printf("empty: %d\n", n);
	CHECK(write(p[1], "0123456789", 10) == 10, "write");
	CHECK_OK(ioctl(p[0], FIONREAD, &n));
	printf("after 10: %d\n", n);
	char buf[4];
	CHECK(read(p[0], buf, 4) == 4, "read");
	CHECK_OK(ioctl(p[0], FIONREAD, &n));
	printf("after reading 4: %d\n", n);
	static char big[20000];
	CHECK(write(p[1], big, sizeof big) == (ssize_t)sizeof big, "write more");
	CHECK_OK(ioctl(p[0], FIONREAD, &n));
	printf("after 20000 more: %d\n", n);
	CHECK_OK(ioctl(p[1], FIONREAD, &n));
	printf("on the write end: %d\n", n);
	CHECK_ERR(ioctl(p[0], TCGETS, big), ENOTTY);
	CHECK_ERR(ioctl(p[0], FIONREAD, (int *)1), EFAULT);
	return compat_done();
}
