/*
 * epoll_oneshot.c - an EPOLLONESHOT registration reports once and is then
 * disabled: further waits and new writes report nothing, until
 * EPOLL_CTL_MOD re-arms it (and ADD of it again fails with EEXIST: it is
 * still in the set).
 */
#include <sys/epoll.h>
#include <unistd.h>
#include "compat.h"

static int wait0(int ep, const char *what)
{
	struct epoll_event out = { 0 };
	int n = epoll_wait(ep, &out, 1, 0);
	printf("%s: %d events %#x data %llu\n", what, n, out.events, (unsigned long long)out.data.u64);
	return n;
}

int main(void)
{
	int p[2];
	CHECK_OK(pipe(p));
	int ep = epoll_create1(0);
	CHECK_OK(ep);
	struct epoll_event ev = { .events = EPOLLIN | EPOLLONESHOT, .data.u64 = 1 };
	CHECK_OK(epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &ev));

	CHECK(write(p[1], "a", 1) == 1, "write");
	wait0(ep, "first");
	wait0(ep, "disabled");
	CHECK(write(p[1], "b", 1) == 1, "write");
	wait0(ep, "disabled, new data");
	CHECK_ERR(epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &ev), EEXIST);

	ev.data.u64 = 2;
	CHECK_OK(epoll_ctl(ep, EPOLL_CTL_MOD, p[0], &ev));
	wait0(ep, "re-armed");
	wait0(ep, "disabled again");
	return compat_done();
}
