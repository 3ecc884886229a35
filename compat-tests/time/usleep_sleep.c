// time/usleep_sleep.c - usleep(15000) and sleep(1) wait at least as long as
// asked; sleep(0) and usleep(0) return 0 at once.
#define _GNU_SOURCE
#include <time.h>
#include <unistd.h>
#include "compat.h"

static long long ns(struct timespec t) { return t.tv_sec * 1000000000LL + t.tv_nsec; }

int main(void)
{
	struct timespec a, b;
	clock_gettime(CLOCK_MONOTONIC, &a);
	CHECK_OK(usleep(15000));
	clock_gettime(CLOCK_MONOTONIC, &b);
	printf("usleep(15000) elapsed >= 15ms: %s\n", ns(b) - ns(a) >= 15000000 ? "yes" : "no");
	clock_gettime(CLOCK_MONOTONIC, &a);
	unsigned left = sleep(1);
	clock_gettime(CLOCK_MONOTONIC, &b);
	printf("sleep(1) returned %u, elapsed >= 1s: %s\n", left, ns(b) - ns(a) >= 1000000000 ? "yes" : "no");
	clock_gettime(CLOCK_MONOTONIC, &a);
	printf("sleep(0) returned %u\n", sleep(0));
	CHECK_OK(usleep(0));
	clock_gettime(CLOCK_MONOTONIC, &b);
	printf("zero sleeps quick (< 20ms): %s\n", ns(b) - ns(a) < 20000000 ? "yes" : "no");
	return compat_done();
}
