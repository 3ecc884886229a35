/* tee copies data from one pipe to another without consuming it: both
 * pipes then hold the bytes. The pipes are non-blocking, so that a tee
 * that copies nothing makes the reads fail instead of hanging. */
#define _GNU_SOURCE
#include "compat.h"
#include <fcntl.h>
#include <unistd.h>

int main(void)
{
	int a[2], b[2];
	CHECK_OK(pipe2(a, O_NONBLOCK));
	CHECK_OK(pipe2(b, O_NONBLOCK));
	CHECK(write(a[1], "shared", 6) == 6, "write");
	ssize_t n = tee(a[0], b[1], 100, 0);
	printf("tee: %zd\n", n);
	char x[8] = {0}, y[8] = {0};
	printf("a: %zd %s\n", read(a[0], x, sizeof x), x);
	printf("b: %zd %s\n", read(b[0], y, sizeof y), y);
	int fd = open("/dev/null", O_WRONLY);
	CHECK_ERR(tee(a[0], fd, 1, 0), EINVAL);
	return compat_done();
}
