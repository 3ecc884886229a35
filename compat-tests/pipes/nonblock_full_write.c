/* Filling a non-blocking pipe: writes succeed until its capacity
 * (F_GETPIPE_SZ, 64 KiB by default) is used, then EAGAIN; a write of at
 * most PIPE_BUF bytes never goes in partly; reading makes room again. */
#define _GNU_SOURCE
#include "compat.h"
#include <fcntl.h>
#include <limits.h>
#include <unistd.h>

int main(void)
{
	int p[2];
	CHECK_OK(pipe2(p, O_NONBLOCK));
	int cap = fcntl(p[1], F_GETPIPE_SZ);
	printf("capacity %d\n", cap);
	static char buf[1024];
	long total = 0;
	for (;;) {
		ssize_t n = write(p[1], buf, sizeof buf);
		if (n < 0)
			break;
		total += n;
	}
	printf("written before EAGAIN: %ld, errno %s\n", total, errno_name(errno));
	CHECK_ERR(write(p[1], "x", 1), EAGAIN);
	char small[100];
	CHECK(read(p[0], small, sizeof small) == 100, "read 100");
	/* 100 bytes free, but a 101..PIPE_BUF-byte write is all or nothing */
	CHECK_ERR(write(p[1], buf, 200), EAGAIN);
	printf("PIPE_BUF %d\n", PIPE_BUF);
	static char big[8192];
	CHECK(read(p[0], big, 4096) == 4096, "read 4096");
	printf("room for a PIPE_BUF write after reading a page: %zd\n", write(p[1], big, PIPE_BUF));
	return compat_done();
}
