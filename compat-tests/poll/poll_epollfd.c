/*
 * poll_epollfd.c - an epoll descriptor is itself pollable: poll() reports
 * POLLIN on it while its set has a ready descriptor, and nothing
 * otherwise.
 */
#include <poll.h>
#include <sys/epoll.h>
#include <unistd.h>
#include "compat.h"

int main(void)
{
	int p[2];
	char c;
	CHECK_OK(pipe(p));
	int ep = epoll_create1(0);
	struct epoll_event ev = { .events = EPOLLIN };
	CHECK_OK(epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &ev));
	struct pollfd pfd = { .fd = ep, .events = POLLIN };

	int n = poll(&pfd, 1, 0);
	printf("idle set: poll %d revents %#x\n", n, pfd.revents);
	CHECK(write(p[1], "x", 1) == 1, "write");
	n = poll(&pfd, 1, 0);
	printf("ready set: poll %d revents %#x\n", n, pfd.revents);
	CHECK(read(p[0], &c, 1) == 1, "read");
	n = poll(&pfd, 1, 0);
	printf("drained: poll %d revents %#x\n", n, pfd.revents);
	return compat_done();
}
