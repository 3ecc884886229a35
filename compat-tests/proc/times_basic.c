/*
 * times_basic.c - times(2) returns a clock in ticks of sysconf(_SC_CLK_TCK)
 * that advances with real time (by 5 to 100 ticks over a 100ms sleep),
 * and CPU times that grow with work; children's times are 0. A NULL
 * buffer is allowed on Linux.
 */
#include <sys/times.h>
#include <time.h>
#include <unistd.h>
#include "compat.h"

int main(void)
{
	struct tms a, b;
	clock_t t0 = times(&a);
	CHECK(t0 != (clock_t)-1, "times");
	usleep(100000);
	clock_t t1 = times(NULL);
	long d = (long)(t1 - t0);
	printf("ticks over 100ms in [5, 100]: %s\n", d >= 5 && d <= 100 ? "yes" : "no");

	struct timespec s0, s1;
	clock_gettime(CLOCK_MONOTONIC, &s0);
	volatile unsigned long x = 0;
	do {
		for (int i = 0; i < 100000; i++)
			x += i;
		clock_gettime(CLOCK_MONOTONIC, &s1);
	} while ((s1.tv_sec - s0.tv_sec) * 1000 + (s1.tv_nsec - s0.tv_nsec) / 1000000 < 100);
	times(&b);
	printf("CPU ticks grew: %s\n", b.tms_utime + b.tms_stime > a.tms_utime + a.tms_stime ? "yes" : "no");
	printf("children: %ld %ld\n", (long)b.tms_cutime, (long)b.tms_cstime);
	return compat_done();
}
