/*
 * epoll_wait_timeout.c - epoll_wait on a set with nothing ready: timeout 0
 * returns 0 at once, a positive timeout returns 0 after at least that
 * long, and an empty set with a timeout is a sleep.
 */
#include <sys/epoll.h>
#include <time.h>
#include <unistd.h>
#include "compat.h"

static long long now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000LL + ts.tv_nsec / 1000000;
}

int main(void)
{
	int p[2];
	CHECK_OK(pipe(p));
	int ep = epoll_create1(0), empty = epoll_create1(0);
	struct epoll_event ev = { .events = EPOLLIN }, out;
	CHECK_OK(epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &ev));

	long long t0 = now_ms();
	printf("timeout 0: %d\n", epoll_wait(ep, &out, 1, 0));
	t0 = now_ms();
	int n = epoll_wait(ep, &out, 1, 100);
	printf("timeout 100: %d, waited >= 100ms: %s\n", n, now_ms() - t0 >= 100 ? "yes" : "no");
	t0 = now_ms();
	n = epoll_wait(empty, &out, 1, 50);
	printf("empty set, timeout 50: %d, waited >= 50ms: %s\n", n, now_ms() - t0 >= 50 ? "yes" : "no");
	return compat_done();
}
