/*
 * epoll_hup.c - when a pipe's writer closes, epoll reports EPOLLHUP on the
 * read end (with EPOLLIN while data remains), and EPOLLHUP is reported
 * even for a registration that asked for no events at all. Closing the
 * reader gives the write end EPOLLERR the same way.
 */
#include <sys/epoll.h>
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
	int p[2], q[2];
	char buf[4];
	CHECK_OK(pipe(p));
	CHECK_OK(pipe(q));
	int ep = epoll_create1(0), ep0 = epoll_create1(0), epw = epoll_create1(0);
	struct epoll_event ev = { .events = EPOLLIN | EPOLLRDHUP };
	CHECK_OK(epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &ev));
	ev.events = 0;
	CHECK_OK(epoll_ctl(ep0, EPOLL_CTL_ADD, p[0], &ev));
	CHECK_OK(epoll_ctl(epw, EPOLL_CTL_ADD, q[1], &ev));

	CHECK(write(p[1], "x", 1) == 1, "write");
	wait0(ep, "data, writer open");
	wait0(ep0, "events 0, writer open");
	CHECK_OK(close(p[1]));
	wait0(ep, "data, writer closed");
	CHECK(read(p[0], buf, sizeof buf) == 1, "read");
	wait0(ep, "drained, writer closed");
	wait0(ep0, "events 0, writer closed");

	wait0(epw, "write end, events 0, reader open");
	CHECK_OK(close(q[0]));
	wait0(epw, "write end, events 0, reader closed");
	return compat_done();
}
