/* writev gathers, readv scatters, in order; a short file fills the first
 * buffers and leaves the rest; empty iovecs are skipped; iovcnt 0 gives 0;
 * a negative iovcnt or one above IOV_MAX gives EINVAL. */
#define _GNU_SOURCE
#include "compat.h"
#include "tmpdir.h"
#include <fcntl.h>
#include <limits.h>
#include <sys/uio.h>

int main(void)
{
	compat_tmpdir();
	int fd = open("f", O_CREAT | O_RDWR, 0644);
	struct iovec w[4] = {{"abc", 3}, {NULL, 0}, {"defgh", 5}, {"ij", 2}};
	printf("writev: %zd\n", writev(fd, w, 4));
	CHECK(lseek(fd, 0, SEEK_SET) == 0, "rewind");
	char a[4] = {0}, b[2] = {0}, c[8] = {0};
	struct iovec r[3] = {{a, 3}, {b, 1}, {c, 8}};
	ssize_t n = readv(fd, r, 3);
	printf("readv: %zd a=%s b=%s c=%s\n", n, a, b, c);
	printf("readv at end: %zd\n", readv(fd, r, 3));
	printf("iovcnt 0: %zd %zd\n", readv(fd, r, 0), writev(fd, w, 0));
	CHECK_ERR(readv(fd, r, -1), EINVAL);
	CHECK_ERR(writev(fd, w, -1), EINVAL);
	static struct iovec many[IOV_MAX + 1];
	for (int i = 0; i <= IOV_MAX; i++)
		many[i] = (struct iovec){a, 1};
	CHECK_ERR(writev(fd, many, IOV_MAX + 1), EINVAL);
	printf("IOV_MAX %d: writev of IOV_MAX buffers: %zd\n", IOV_MAX, writev(fd, many, IOV_MAX));
	printf("offset %lld\n", (long long)lseek(fd, 0, SEEK_CUR));
	close(fd);
	return compat_done();
}
