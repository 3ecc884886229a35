/*
 * poll_pipe_err.c - when a pipe's last reader closes, poll(2) on the write
 * end reports POLLERR (not asked for) along with POLLOUT, and write()
 * fails with EPIPE (SIGPIPE ignored).
 */
#include <poll.h>
#include <signal.h>
#include <unistd.h>
#include "compat.h"

int main(void)
{
	int p[2];
	signal(SIGPIPE, SIG_IGN);
	CHECK_OK(pipe(p));
	CHECK_OK(close(p[0]));

	struct pollfd pfd = { .fd = p[1], .events = POLLOUT };
	int n = poll(&pfd, 1, 0);
	printf("closed reader: poll %d revents %#x\n", n, pfd.revents);
	CHECK_ERR(write(p[1], "x", 1), EPIPE);
	return compat_done();
}
