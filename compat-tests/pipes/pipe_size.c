/* F_GETPIPE_SZ/F_SETPIPE_SZ: the default is 65536; a new size is rounded
 * up to a power-of-two number of pages (4096 at least) and returned;
 * shrinking below the bytes in the pipe is EBUSY; the capacity is what a
 * non-blocking writer can fill; on a regular file both are EBADF; a
 * negative size is EINVAL. */
#define _GNU_SOURCE
#include "compat.h"
#include "tmpdir.h"
#include <fcntl.h>
#include <unistd.h>

int main(void)
{
	compat_tmpdir();
	int p[2];
	CHECK_OK(pipe2(p, O_NONBLOCK));
	printf("default %d\n", fcntl(p[0], F_GETPIPE_SZ));
	int sizes[] = {0, 1, 4096, 5000, 12288, 1 << 20};
	for (int i = 0; i < 6; i++) {
		int set = fcntl(p[1], F_SETPIPE_SZ, sizes[i]);
		printf("set %d -> %d, get %d\n", sizes[i], set, fcntl(p[0], F_GETPIPE_SZ));
	}
	CHECK(fcntl(p[1], F_SETPIPE_SZ, 8192) == 8192, "set 8192");
	static char buf[100000];
	long total = 0;
	ssize_t n;
	while ((n = write(p[1], buf, 1000)) > 0)
		total += n;
	printf("filled 8192-byte pipe with %ld bytes\n", total);
	CHECK_ERR(fcntl(p[1], F_SETPIPE_SZ, 4096), EBUSY);
	CHECK(read(p[0], buf, sizeof buf) == total, "drain");
	printf("after draining, shrink to 4096: %d\n", fcntl(p[1], F_SETPIPE_SZ, 4096));
	int fd = open("f", O_CREAT | O_RDWR, 0644);
	CHECK_ERR(fcntl(fd, F_GETPIPE_SZ), EBADF);
	CHECK_ERR(fcntl(fd, F_SETPIPE_SZ, 4096), EBADF);
	CHECK_ERR(fcntl(p[0], F_SETPIPE_SZ, -1), EINVAL);
	return compat_done();
}
