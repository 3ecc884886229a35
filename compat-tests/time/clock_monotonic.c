// time/clock_monotonic.c - CLOCK_MONOTONIC never goes backwards over 100000
// reads, advances across a short sleep, and its tv_nsec is normalized.
#define _GNU_SOURCE
#include <time.h>
#include "compat.h"

static long long ns(struct timespec t) { return t.tv_sec * 1000000000LL + t.tv_nsec; }

int main(void)
{
	struct timespec a, b;
	CHECK_OK(clock_gettime(CLOCK_MONOTONIC, &a));
	long back = 0, bad_nsec = 0;
	for (int i = 0; i < 100000; i++) {
		CHECK_OK(clock_gettime(CLOCK_MONOTONIC, &b));
		back += ns(b) < ns(a);
		bad_nsec += b.tv_nsec < 0 || b.tv_nsec >= 1000000000;
		a = b;
	}
	printf("backward steps: %ld, bad tv_nsec: %ld\n", back, bad_nsec);
	struct timespec d = { 0, 5000000 };
	nanosleep(&d, NULL);
	CHECK_OK(clock_gettime(CLOCK_MONOTONIC, &b));
	printf("advanced >= 5ms across a 5ms sleep: %s\n", ns(b) - ns(a) >= 5000000 ? "yes" : "no");
	return compat_done();
}
