/* dup2: to the same descriptor returns it and does nothing (even keeps
 * FD_CLOEXEC); to an open descriptor closes that one first; a bad old
 * descriptor is EBADF and leaves newfd open; a negative or too large
 * newfd is EBADF. */
#define _GNU_SOURCE
#include "compat.h"
#include "tmpdir.h"
#include <fcntl.h>

int main(void)
{
	compat_tmpdir();
	int a = open("a", O_CREAT | O_RDWR | O_CLOEXEC, 0644);
	int b = open("b", O_CREAT | O_RDWR, 0644);
	CHECK(write(a, "AAAA", 4) == 4 && write(b, "BB", 2) == 2, "write");
	printf("dup2(a, a): %s\n", dup2(a, a) == a ? "a" : "other");
	printf("FD_CLOEXEC kept: %d\n", fcntl(a, F_GETFD));
	int r = dup2(a, b);
	printf("dup2(a, b) returns b: %s\n", r == b ? "yes" : "no");
	printf("b now at offset %lld (a's file)\n", (long long)lseek(b, 0, SEEK_CUR));
	printf("FD_CLOEXEC on b: %d\n", fcntl(b, F_GETFD));
	int c = open("a", O_RDONLY);
	CHECK_ERR(dup2(99, c), EBADF);
	printf("c still open: %s\n", fcntl(c, F_GETFD) >= 0 ? "yes" : "no");
	CHECK_ERR(dup2(a, -1), EBADF);
	CHECK_ERR(dup2(a, 1 << 30), EBADF);
	CHECK_ERR(dup2(-1, -1), EBADF);
	int high = dup2(a, 100);
	printf("dup2 to 100: %d\n", high);
	close(100);
	CHECK_ERR(dup2(100, 100), EBADF);
	return compat_done();
}
