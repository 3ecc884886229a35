/*
 * poll_pipe_out.c - poll(2) reports POLLOUT on a pipe's write end while
 * there is room: at first, not once the pipe is filled (non-blocking
 * writes until EAGAIN), and again after the reader drains it.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <poll.h>
#include <unistd.h>
#include "compat.h"

int main(void)
{
	int p[2];
	static char buf[4096];
	CHECK_OK(pipe2(p, O_NONBLOCK));

	struct pollfd pfd = { .fd = p[1], .events = POLLOUT };
	int n = poll(&pfd, 1, 0);
	printf("empty pipe: poll %d revents %#x\n", n, pfd.revents);

	long total = 0, w;
	while ((w = write(p[1], buf, sizeof buf)) > 0)
		total += w;
	printf("filled: last write errno %s, wrote > 0: %s\n", errno_name(errno), total > 0 ? "yes" : "no");

	n = poll(&pfd, 1, 0);
	printf("full pipe: poll %d revents %#x\n", n, pfd.revents);

	long got = 0, r;
	while ((r = read(p[0], buf, sizeof buf)) > 0)
		got += r;
	printf("drained: read all back: %s\n", got == total ? "yes" : "no");

	n = poll(&pfd, 1, 0);
	printf("drained pipe: poll %d revents %#x\n", n, pfd.revents);
	return compat_done();
}
