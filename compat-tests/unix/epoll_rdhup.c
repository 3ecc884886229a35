/*
 * epoll_rdhup.c - EPOLLRDHUP on a stream socket: when the peer shuts down
 * its writing side, epoll reports EPOLLIN | EPOLLRDHUP (no EPOLLHUP);
 * when the peer closes, EPOLLHUP is added; poll() reports POLLRDHUP the
 * same way.
 */
#define _GNU_SOURCE
#include <poll.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>
#include "compat.h"

static void wait0(int ep, const char *what)
{
	struct epoll_event out = { 0 };
	int n = epoll_wait(ep, &out, 1, 0);
	printf("%s: %d events %#x\n", what, n, out.events);
}

int main(void)
{
	int sv[2] = { -1, -1 };
	CHECK_OK(socketpair(AF_UNIX, SOCK_STREAM, 0, sv));
	int ep = epoll_create1(0);
	struct epoll_event ev = { .events = EPOLLIN | EPOLLRDHUP };
	CHECK_OK(epoll_ctl(ep, EPOLL_CTL_ADD, sv[1], &ev));
	wait0(ep, "connected, idle");
	CHECK_OK(shutdown(sv[0], SHUT_WR));
	wait0(ep, "peer SHUT_WR");
	struct pollfd pfd = { .fd = sv[1], .events = POLLIN | POLLRDHUP };
	int n = poll(&pfd, 1, 0);
	printf("poll: %d revents %#x\n", n, pfd.revents);
	CHECK_OK(close(sv[0]));
	wait0(ep, "peer closed");
	return compat_done();
}
