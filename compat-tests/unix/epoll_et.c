/*
 * epoll_et.c - edge-triggered epoll on AF_UNIX sockets: an event for each
 * arrival of data, none while nothing new happens (even with data still
 * queued), EPOLLOUT again when a full stream is drained, EPOLLRDHUP on
 * the peer's SHUT_WR and EPOLLHUP on its close; a listener gets an event
 * per connection; a datagram socket per message.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>
#include "compat.h"

static int ep;

/* What epoll reports now, by the name each descriptor was added with (in that order). */
static const char *names[8];
static int nnames;

static void wait0(const char *what)
{
	struct epoll_event out[8];
	unsigned got[8] = { 0 };
	int n = epoll_wait(ep, out, 8, 0);
	for (int i = 0; i < n; i++)
		got[out[i].data.u32] = out[i].events;
	printf("%-32s %d:", what, n);
	for (int i = 0; i < nnames; i++)
		if (got[i])
			printf(" %s %#x", names[i], got[i]);
	printf("\n");
}

static void add(int fd, unsigned events, const char *name)
{
	struct epoll_event ev = { .events = events | EPOLLET, .data.u32 = (unsigned)nnames };
	names[nnames++] = name;
	CHECK_OK(epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ev));
}

int main(void)
{
	int sv[2] = { -1, -1 }, dv[2] = { -1, -1 };
	static char buf[65536];

	ep = epoll_create1(0);
	CHECK_OK(socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0, sv));
	add(sv[1], EPOLLIN | EPOLLRDHUP, "reader");
	wait0("stream, idle");
	CHECK(write(sv[0], "one", 3) == 3, "write");
	wait0("data arrived");
	wait0("nothing new (data still there)");
	CHECK(write(sv[0], "two", 3) == 3, "write");
	wait0("more data");
	CHECK(read(sv[1], buf, 2) == 2, "read");
	wait0("after a partial read");
	while (read(sv[1], buf, sizeof buf) > 0)
		;
	wait0("after draining");

	add(sv[0], EPOLLOUT, "writer");
	wait0("writer added: writable");
	wait0("writer: nothing new");
	while (write(sv[0], buf, sizeof buf) > 0)
		;
	wait0("filled (reader has data)");
	wait0("filled: nothing new");
	while (read(sv[1], buf, sizeof buf) > 0)
		;
	wait0("drained: writer writable again");
	CHECK_OK(shutdown(sv[0], SHUT_WR));
	wait0("peer SHUT_WR");
	CHECK_OK(close(sv[0]));
	wait0("peer closed");

	struct sockaddr_un a = { .sun_family = AF_UNIX };
	int l = socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0);
	CHECK_OK(bind(l, (struct sockaddr *)&a, sizeof(sa_family_t)));
	CHECK_OK(listen(l, 8));
	socklen_t alen = sizeof a;
	CHECK_OK(getsockname(l, (struct sockaddr *)&a, &alen));
	add(l, EPOLLIN, "listener");
	wait0("listener, idle");
	int c1 = socket(AF_UNIX, SOCK_STREAM, 0), c2 = socket(AF_UNIX, SOCK_STREAM, 0);
	CHECK_OK(connect(c1, (struct sockaddr *)&a, alen));
	wait0("a connection");
	wait0("nothing new");
	CHECK_OK(connect(c2, (struct sockaddr *)&a, alen));
	wait0("another connection");

	CHECK_OK(socketpair(AF_UNIX, SOCK_DGRAM, 0, dv));
	add(dv[1], EPOLLIN, "datagram");
	CHECK(send(dv[0], "d1", 2, 0) == 2, "send");
	wait0("datagram");
	CHECK(send(dv[0], "d2", 2, 0) == 2, "send");
	wait0("second datagram");
	wait0("nothing new");
	return compat_done();
}
