// time/clock_cputime.c - CLOCK_PROCESS_CPUTIME_ID and
// CLOCK_THREAD_CPUTIME_ID advance while the program computes (30 ms of
// busy work by the monotonic clock), by at least 10 ms, and never go back;
// a sleep adds (almost) nothing to them.
#define _GNU_SOURCE
#include <time.h>
#include "compat.h"

static long long ns(struct timespec t) { return t.tv_sec * 1000000000LL + t.tv_nsec; }

static long long now(clockid_t c)
{
	struct timespec t;
	CHECK_OK(clock_gettime(c, &t));
	return ns(t);
}

int main(void)
{
	long long p0 = now(CLOCK_PROCESS_CPUTIME_ID), t0 = now(CLOCK_THREAD_CPUTIME_ID);
	long long m0 = now(CLOCK_MONOTONIC);
	volatile unsigned long x = 0;
	while (now(CLOCK_MONOTONIC) - m0 < 30000000)
		for (int i = 0; i < 10000; i++)
			x += i;
	long long p1 = now(CLOCK_PROCESS_CPUTIME_ID), t1 = now(CLOCK_THREAD_CPUTIME_ID);
	printf("process cpu time advanced >= 10ms: %s\n", p1 - p0 >= 10000000 ? "yes" : "no");
	printf("thread cpu time advanced >= 10ms: %s\n", t1 - t0 >= 10000000 ? "yes" : "no");
	struct timespec d = { 0, 50000000 };
	nanosleep(&d, NULL);
	long long p2 = now(CLOCK_PROCESS_CPUTIME_ID), t2 = now(CLOCK_THREAD_CPUTIME_ID);
	printf("not backwards: %s\n", p2 >= p1 && t2 >= t1 ? "yes" : "no");
	printf("a 50ms sleep adds < 25ms: %s\n", p2 - p1 < 25000000 && t2 - t1 < 25000000 ? "yes" : "no");
	return compat_done();
}
