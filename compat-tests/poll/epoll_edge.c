/*
 * epoll_edge.c - an edge-triggered (EPOLLET) registration reports a pipe
 * once per new write: a second wait with the data still unread reports
 * nothing, a partial read does not re-arm it, and a further write
 * reports again.
 */
#include <sys/epoll.h>
#include <unistd.h>
#include "compat.h"

static int wait0(int ep, const char *what)
{
	struct epoll_event out = { 0 };
	int n = epoll_wait(ep, &out, 1, 0);
	printf("%s: %d events %#x\n", what, n, out.events);
	return n;
}

int main(void)
{
	int p[2];
	char buf[8];
	CHECK_OK(pipe(p));
	int ep = epoll_create1(0);
	CHECK_OK(ep);
	struct epoll_event ev = { .events = EPOLLIN | EPOLLET, .data.fd = p[0] };
	CHECK_OK(epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &ev));

	wait0(ep, "empty");
	CHECK(write(p[1], "ab", 2) == 2, "write");
	wait0(ep, "first write");
	wait0(ep, "again, data unread");
	CHECK(read(p[0], buf, 1) == 1, "read");
	wait0(ep, "after partial read");
	CHECK(write(p[1], "c", 1) == 1, "write");
	wait0(ep, "second write");
	wait0(ep, "again");
	return compat_done();
}
