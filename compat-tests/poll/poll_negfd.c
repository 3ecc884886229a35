/*
 * poll_negfd.c - poll(2) ignores an entry whose fd is negative: its events
 * are not looked at and its revents is set to 0, while the other entries
 * are reported; an array of only negative fds times out with 0.
 */
#include <poll.h>
#include <unistd.h>
#include "compat.h"

int main(void)
{
	int p[2];
	CHECK_OK(pipe(p));
	CHECK(write(p[1], "x", 1) == 1, "write");

	struct pollfd pfd[3] = {
		{ .fd = -1, .events = POLLIN, .revents = 0x55 },
		{ .fd = p[0], .events = POLLIN, .revents = 0x55 },
		{ .fd = -p[0], .events = POLLIN | POLLOUT, .revents = 0x55 },
	};
	int n = poll(pfd, 3, 0);
	printf("poll %d revents %#x %#x %#x\n", n, pfd[0].revents, pfd[1].revents, pfd[2].revents);

	struct pollfd neg = { .fd = -5, .events = POLLIN, .revents = 0x55 };
	n = poll(&neg, 1, 10);
	printf("only negative: poll %d revents %#x\n", n, neg.revents);
	return compat_done();
}
