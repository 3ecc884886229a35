/*
 * poll_nval.c - poll(2) on a file descriptor that is not open reports
 * POLLNVAL in revents (whatever events were asked, even none), counts it
 * in the return value, and does not fail the call; an open descriptor in
 * the same array is reported normally.
 */
#include <poll.h>
#include <unistd.h>
#include "compat.h"

int main(void)
{
	int p[2];
	CHECK_OK(pipe(p));
	int bad = dup(p[0]);
	CHECK_OK(bad);
	CHECK_OK(close(bad));

	struct pollfd pfd[2] = {
		{ .fd = bad, .events = POLLIN },
		{ .fd = p[1], .events = POLLOUT },
	};
	int n = poll(pfd, 2, 0);
	printf("closed fd + writable pipe: poll %d revents %#x %#x\n", n, pfd[0].revents, pfd[1].revents);

	pfd[0].events = 0;
	n = poll(pfd, 1, 0);
	printf("closed fd, events 0: poll %d revents %#x\n", n, pfd[0].revents);

	n = poll(pfd, 1, 1000);
	printf("closed fd, timeout 1000: poll %d revents %#x (no wait)\n", n, pfd[0].revents);
	return compat_done();
}
