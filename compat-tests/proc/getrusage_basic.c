/*
 * getrusage_basic.c - getrusage(2): RUSAGE_SELF counts CPU time used (it
 * grows after a busy loop of at least 50ms) and a maximum resident size
 * > 0; RUSAGE_THREAD works; RUSAGE_CHILDREN is all zero with no
 * children; an unknown "who" fails with EINVAL.
 */
#define _GNU_SOURCE
#include <sys/resource.h>
#include <time.h>
#include "compat.h"

static long long us(struct timeval t)
{
	return t.tv_sec * 1000000LL + t.tv_usec;
}

int main(void)
{
	struct rusage a, b, t, c;
	CHECK_OK(getrusage(RUSAGE_SELF, &a));
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	volatile unsigned long x = 0;
	do {
		for (int i = 0; i < 100000; i++)
			x += i;
		clock_gettime(CLOCK_MONOTONIC, &t1);
	} while ((t1.tv_sec - t0.tv_sec) * 1000000000LL + (t1.tv_nsec - t0.tv_nsec) < 50000000LL);
	CHECK_OK(getrusage(RUSAGE_SELF, &b));
	long long before = us(a.ru_utime) + us(a.ru_stime), after = us(b.ru_utime) + us(b.ru_stime);
	printf("CPU time grew: %s\n", after > before ? "yes" : "no");
	printf("user time >= system time after a busy loop: %s\n", us(b.ru_utime) - us(a.ru_utime) >= us(b.ru_stime) - us(a.ru_stime) ? "yes" : "no");
	printf("maxrss > 0: %s\n", b.ru_maxrss > 0 ? "yes" : "no");
	CHECK_OK(getrusage(RUSAGE_THREAD, &t));
	printf("thread CPU time > 0: %s\n", us(t.ru_utime) + us(t.ru_stime) > 0 ? "yes" : "no");
	CHECK_OK(getrusage(RUSAGE_CHILDREN, &c));
	printf("children: utime %lld stime %lld\n", us(c.ru_utime), us(c.ru_stime));
	CHECK_ERR(getrusage(7, &c), EINVAL);
	return compat_done();
}
