/* preadv/pwritev: vectored I/O at an offset, leaving the file offset
 * alone; preadv2/pwritev2 with offset -1 use and move the file offset. */
#define _GNU_SOURCE
#include "compat.h"
#include "tmpdir.h"
#include <fcntl.h>
#include <sys/syscall.h>
#include <sys/uio.h>

int main(void)
{
	compat_tmpdir();
	int fd = open("f", O_CREAT | O_RDWR, 0644);
	CHECK(write(fd, "..........", 10) == 10, "write");
	struct iovec w[2] = {{"AB", 2}, {"CDE", 3}};
	printf("pwritev at 3: %zd\n", pwritev(fd, w, 2, 3));
	printf("offset %lld\n", (long long)lseek(fd, 0, SEEK_CUR));
	char a[3] = {0}, b[6] = {0};
	struct iovec r[2] = {{a, 2}, {b, 5}};
	printf("preadv at 2: %zd a=%s b=%s\n", preadv(fd, r, 2, 2), a, b);
	printf("preadv at 9: %zd\n", preadv(fd, r, 2, 9));
	printf("preadv at 100: %zd\n", preadv(fd, r, 2, 100));
	CHECK_ERR(preadv(fd, r, 2, -1), EINVAL);
	CHECK(lseek(fd, 1, SEEK_SET) == 1, "seek 1");
	struct iovec one = {"x", 1};
	/* the raw system call: offset -1 means the current file offset */
	long n = syscall(SYS_pwritev2, fd, &one, 1, -1L, 0L, 0);
	printf("pwritev2 offset -1: %ld, offset now %lld\n", n, (long long)lseek(fd, 0, SEEK_CUR));
	memset(a, 0, sizeof a);
	struct iovec ra = {a, 2};
	n = syscall(SYS_preadv2, fd, &ra, 1, -1L, 0L, 0);
	printf("preadv2 offset -1: %ld \"%s\", offset now %lld\n", n, a,
	       (long long)lseek(fd, 0, SEEK_CUR));
	CHECK(pread(fd, b, 5, 0) == 5, "pread");
	printf("start of file: %s\n", b);
	close(fd);
	return compat_done();
}
