/*
 * epoll_timerfd.c - a blocking epoll_wait on a set holding an armed
 * one-shot timerfd returns EPOLLIN once the timer expires (not before);
 * reading the timerfd gives 1 expiration and clears the readiness.
 */
#include <stdint.h>
#include <sys/epoll.h>
#include <sys/timerfd.h>
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
	int t = timerfd_create(CLOCK_MONOTONIC, 0);
	CHECK_OK(t);
	int ep = epoll_create1(0);
	struct epoll_event ev = { .events = EPOLLIN, .data.u64 = 9 }, out = { 0 };
	CHECK_OK(epoll_ctl(ep, EPOLL_CTL_ADD, t, &ev));

	printf("disarmed: %d\n", epoll_wait(ep, &out, 1, 0));
	struct itimerspec its = { .it_value = { 0, 100 * 1000000 } };
	long long t0 = now_ms();
	CHECK_OK(timerfd_settime(t, 0, &its, NULL));
	printf("armed, not expired: %d\n", epoll_wait(ep, &out, 1, 0));
	int n = epoll_wait(ep, &out, 1, 5000);
	long long dt = now_ms() - t0;
	printf("blocking wait: %d events %#x data %llu, after >= 100ms: %s\n", n, out.events,
	       (unsigned long long)out.data.u64, dt >= 100 ? "yes" : "no");
	uint64_t count = 0;
	CHECK(read(t, &count, 8) == 8, "read");
	printf("expirations: %llu\n", (unsigned long long)count);
	printf("after read: %d\n", epoll_wait(ep, &out, 1, 0));
	return compat_done();
}
