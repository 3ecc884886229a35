/*
 * epoll_level.c - a level-triggered epoll registration reports EPOLLIN on
 * every epoll_wait while the pipe holds data, even after a partial read,
 * and stops once the data is all read.
 */
#include <sys/epoll.h>
#include <unistd.h>
#include "compat.h"

int main(void)
{
	int p[2];
	char buf[8];
	CHECK_OK(pipe(p));
	int ep = epoll_create1(0);
	CHECK_OK(ep);
	struct epoll_event ev = { .events = EPOLLIN, .data.u64 = 7 };
	CHECK_OK(epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &ev));

	struct epoll_event out = { 0 };
	printf("empty: %d\n", epoll_wait(ep, &out, 1, 0));

	CHECK(write(p[1], "abc", 3) == 3, "write");
	for (int i = 0; i < 2; i++) {
		out = (struct epoll_event){ 0 };
		int n = epoll_wait(ep, &out, 1, 0);
		printf("data, wait %d: %d events %#x data %llu\n", i, n, out.events,
		       (unsigned long long)out.data.u64);
	}
	CHECK(read(p[0], buf, 1) == 1, "read 1");
	out = (struct epoll_event){ 0 };
	int n = epoll_wait(ep, &out, 1, 0);
	printf("after partial read: %d events %#x\n", n, out.events);
	CHECK(read(p[0], buf, sizeof buf) == 2, "read rest");
	printf("drained: %d\n", epoll_wait(ep, &out, 1, 0));
	return compat_done();
}
