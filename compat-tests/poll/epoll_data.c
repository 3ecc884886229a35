/*
 * epoll_data.c - epoll_wait returns each registration's epoll_data
 * exactly as given (all 64 bits, or a pointer), and MOD replaces it.
 */
#include <sys/epoll.h>
#include <unistd.h>
#include "compat.h"

int main(void)
{
	int p[2], q[2];
	static int marker;
	CHECK_OK(pipe(p));
	CHECK_OK(pipe(q));
	int ep = epoll_create1(0);
	struct epoll_event ev = { .events = EPOLLOUT, .data.u64 = 0xfedcba9876543210ULL }, out = { 0 };
	CHECK_OK(epoll_ctl(ep, EPOLL_CTL_ADD, p[1], &ev));
	int n = epoll_wait(ep, &out, 1, 0);
	printf("u64: %d %#llx\n", n, (unsigned long long)out.data.u64);

	ev.data.ptr = &marker;
	CHECK_OK(epoll_ctl(ep, EPOLL_CTL_MOD, p[1], &ev));
	out.data.ptr = NULL;
	n = epoll_wait(ep, &out, 1, 0);
	printf("ptr: %d same pointer: %s\n", n, out.data.ptr == &marker ? "yes" : "no");

	ev.data.u64 = 0;
	ev.data.fd = q[1];
	CHECK_OK(epoll_ctl(ep, EPOLL_CTL_MOD, p[1], &ev));
	n = epoll_wait(ep, &out, 1, 0);
	printf("fd: %d is q[1]: %s\n", n, out.data.fd == q[1] ? "yes" : "no");
	return compat_done();
}
