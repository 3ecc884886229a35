/* dup: the copy shares the open file description (offset, status flags)
 * but not the descriptor flags (FD_CLOEXEC is clear on the copy); closing
 * one leaves the other working; dup of a bad descriptor is EBADF. */
#define _GNU_SOURCE
#include "compat.h"
#include "tmpdir.h"
#include <fcntl.h>

int main(void)
{
	compat_tmpdir();
	int fd = open("f", O_CREAT | O_RDWR | O_CLOEXEC, 0644);
	CHECK(write(fd, "abcdef", 6) == 6, "write");
	int d = dup(fd);
	CHECK(d > fd, "dup");
	printf("offset through the copy: %lld\n", (long long)lseek(d, 0, SEEK_CUR));
	CHECK(lseek(d, 2, SEEK_SET) == 2, "seek the copy");
	printf("offset through the original: %lld\n", (long long)lseek(fd, 0, SEEK_CUR));
	printf("FD_CLOEXEC original %d copy %d\n", fcntl(fd, F_GETFD), fcntl(d, F_GETFD));
	CHECK_OK(fcntl(d, F_SETFL, O_APPEND));
	printf("O_APPEND shows on the original: %s\n", (fcntl(fd, F_GETFL) & O_APPEND) ? "yes" : "no");
	close(fd);
	char c[3] = {0};
	CHECK(pread(d, c, 2, 0) == 2, "the copy still works after closing the original");
	printf("read %s\n", c);
	CHECK_ERR(dup(fd), EBADF);
	CHECK_ERR(dup(-1), EBADF);
	close(d);
	return compat_done();
}
