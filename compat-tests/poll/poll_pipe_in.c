/*
 * poll_pipe_in.c - poll(2) reports POLLIN on a pipe's read end exactly
 * while it holds data: not when empty (timeout 0 returns 0), after a
 * write, and no longer once the data is read. The read end never reports
 * POLLOUT even when asked for it.
 */
#include <poll.h>
#include <unistd.h>
#include "compat.h"

int main(void)
{
	int p[2];
	char c;
	CHECK_OK(pipe(p));

	struct pollfd pfd = { .fd = p[0], .events = POLLIN | POLLOUT, .revents = 0x7f };
	int n = poll(&pfd, 1, 0);
	printf("empty: poll %d revents %#x\n", n, pfd.revents);

	CHECK(write(p[1], "x", 1) == 1, "write");
	n = poll(&pfd, 1, 0);
	printf("after write: poll %d revents %#x\n", n, pfd.revents);

	CHECK(read(p[0], &c, 1) == 1, "read");
	n = poll(&pfd, 1, 0);
	printf("after read: poll %d revents %#x\n", n, pfd.revents);
	return compat_done();
}
