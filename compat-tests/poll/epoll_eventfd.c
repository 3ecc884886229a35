/*
 * epoll_eventfd.c - epoll over an eventfd: a zero counter is writable but
 * not readable; after a write it is both; after reading it back to 0,
 * writable only again.
 */
#include <stdint.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
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
	int e = eventfd(0, 0);
	CHECK_OK(e);
	int ep = epoll_create1(0);
	struct epoll_event ev = { .events = EPOLLIN | EPOLLOUT };
	CHECK_OK(epoll_ctl(ep, EPOLL_CTL_ADD, e, &ev));

	wait0(ep, "counter 0");
	uint64_t v = 3;
	CHECK(write(e, &v, 8) == 8, "write");
	wait0(ep, "counter 3");
	CHECK(read(e, &v, 8) == 8, "read");
	printf("read %llu\n", (unsigned long long)v);
	wait0(ep, "counter 0 again");
	return compat_done();
}
