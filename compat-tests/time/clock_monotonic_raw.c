// time/clock_monotonic_raw.c - CLOCK_MONOTONIC_RAW never goes backwards and
// measures a 20 ms sleep as at least 19 ms, like CLOCK_MONOTONIC (it is
// not slewed, but the rates differ by far less than 5%).
#define _GNU_SOURCE
#include <time.h>
#include "compat.h"

static long long ns(struct timespec t) { return t.tv_sec * 1000000000LL + t.tv_nsec; }

int main(void)
{
	struct timespec a, b;
	CHECK_OK(clock_gettime(CLOCK_MONOTONIC_RAW, &a));
	long back = 0;
	for (int i = 0; i < 20000; i++) {
		CHECK_OK(clock_gettime(CLOCK_MONOTONIC_RAW, &b));
		back += ns(b) < ns(a);
		a = b;
	}
	printf("backward steps: %ld\n", back);
	struct timespec m1, m2, d = { 0, 20000000 };
	clock_gettime(CLOCK_MONOTONIC, &m1);
	clock_gettime(CLOCK_MONOTONIC_RAW, &a);
	nanosleep(&d, NULL);
	clock_gettime(CLOCK_MONOTONIC_RAW, &b);
	clock_gettime(CLOCK_MONOTONIC, &m2);
	long long raw = ns(b) - ns(a), mono = ns(m2) - ns(m1);
	printf("raw measured >= 19ms: %s\n", raw >= 19000000 ? "yes" : "no");
	printf("raw within 5%% of monotonic: %s\n", raw * 100 >= mono * 95 && raw * 100 <= mono * 105 ? "yes" : "no");
	return compat_done();
}
