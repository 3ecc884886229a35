/*
 * epoll_nested.c - an epoll instance inside another: the outer set reports
 * EPOLLIN for the inner one while the inner has a ready descriptor, and
 * not once it is drained. Adding the outer to the inner (a cycle) fails
 * with ELOOP.
 */
#include <sys/epoll.h>
#include <unistd.h>
#include "compat.h"

int main(void)
{
	int p[2];
	char c;
	CHECK_OK(pipe(p));
	int inner = epoll_create1(0), outer = epoll_create1(0);
	CHECK_OK(inner); CHECK_OK(outer);
	struct epoll_event ev = { .events = EPOLLIN, .data.u64 = 1 };
	CHECK_OK(epoll_ctl(inner, EPOLL_CTL_ADD, p[0], &ev));
	ev.data.u64 = 2;
	CHECK_OK(epoll_ctl(outer, EPOLL_CTL_ADD, inner, &ev));

	struct epoll_event out = { 0 };
	printf("inner idle: outer %d\n", epoll_wait(outer, &out, 1, 0));
	CHECK(write(p[1], "x", 1) == 1, "write");
	int n = epoll_wait(outer, &out, 1, 0);
	printf("inner ready: outer %d events %#x data %llu\n", n, out.events, (unsigned long long)out.data.u64);
	n = epoll_wait(inner, &out, 1, 0);
	printf("inner itself: %d events %#x data %llu\n", n, out.events, (unsigned long long)out.data.u64);
	CHECK(read(p[0], &c, 1) == 1, "read");
	printf("drained: outer %d\n", epoll_wait(outer, &out, 1, 0));

	ev.data.u64 = 3;
	CHECK_ERR(epoll_ctl(inner, EPOLL_CTL_ADD, outer, &ev), ELOOP);
	return compat_done();
}
