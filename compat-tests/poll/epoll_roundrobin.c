/*
 * epoll_roundrobin.c - with more ready descriptors than maxevents,
 * successive level-triggered epoll_wait calls go round the ready set
 * (epoll(7), "starvation"): three calls with maxevents 1 over three
 * readable pipes report each pipe once.
 */
#include <sys/epoll.h>
#include <unistd.h>
#include "compat.h"

int main(void)
{
	int ep = epoll_create1(0);
	for (int i = 0; i < 3; i++) {
		int p[2];
		CHECK_OK(pipe(p));
		CHECK(write(p[1], "x", 1) == 1, "write");
		struct epoll_event ev = { .events = EPOLLIN, .data.u64 = i };
		CHECK_OK(epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &ev));
	}
	struct epoll_event out[3];
	printf("maxevents 3: %d\n", epoll_wait(ep, out, 3, 0));
	printf("maxevents 2: %d\n", epoll_wait(ep, out, 2, 0));
	int seen[3] = { 0 };
	for (int i = 0; i < 3; i++) {
		int n = epoll_wait(ep, out, 1, 0);
		CHECK(n == 1, "wait %d gave %d", i, n);
		if (n == 1 && out[0].data.u64 < 3)
			seen[out[0].data.u64]++;
	}
	printf("seen once each: %d %d %d\n", seen[0], seen[1], seen[2]);
	return compat_done();
}
