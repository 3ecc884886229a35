// time/times.c - times() returns a clock-tick count that does not go back
// and advances by about 5 ticks (at 100 per second) over 50 ms; the
// user+system time of the process grows with 100 ms of busy work, and a
// process that never waited for children has zero children's times.
#define _GNU_SOURCE
#include <sys/times.h>
#include <time.h>
#include <unistd.h>
#include "compat.h"

static long long ns(struct timespec t) { return t.tv_sec * 1000000000LL + t.tv_nsec; }

int main(void)
{
	long hz = sysconf(_SC_CLK_TCK);
	printf("_SC_CLK_TCK: %ld\n", hz);
	struct tms a, b;
	clock_t c0 = times(&a);
	CHECK(c0 != (clock_t)-1, "times");
	struct timespec d = { 0, 50000000 };
	nanosleep(&d, NULL);
	clock_t c1 = times(&b);
	printf("ticks advanced 4..20 over 50ms: %s\n", c1 - c0 >= 4 && c1 - c0 <= 20 ? "yes" : "no");
	struct timespec m0, m;
	clock_gettime(CLOCK_MONOTONIC, &m0);
	volatile unsigned long x = 0;
	do {
		for (int i = 0; i < 10000; i++)
			x += i;
		clock_gettime(CLOCK_MONOTONIC, &m);
	} while (ns(m) - ns(m0) < 100000000);
	times(&b);
	long used = (long)(b.tms_utime + b.tms_stime) - (long)(a.tms_utime + a.tms_stime);
	printf("user+system grew by >= 3 ticks: %s\n", used >= 3 ? "yes" : "no");
	printf("children's times zero: %s\n", b.tms_cutime == 0 && b.tms_cstime == 0 ? "yes" : "no");
	CHECK(times(NULL) != (clock_t)-1, "times(NULL)");
	return compat_done();
}
