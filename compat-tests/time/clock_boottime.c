// time/clock_boottime.c - CLOCK_BOOTTIME is never behind CLOCK_MONOTONIC
// (it also counts suspend), and both advance together over a 20 ms sleep
// (within 5 ms of each other).
#define _GNU_SOURCE
#include <stdlib.h>
#include <time.h>
#include "compat.h"

static long long ns(struct timespec t) { return t.tv_sec * 1000000000LL + t.tv_nsec; }

int main(void)
{
	struct timespec m1, b1, m2, b2, d = { 0, 20000000 };
	CHECK_OK(clock_gettime(CLOCK_MONOTONIC, &m1));
	CHECK_OK(clock_gettime(CLOCK_BOOTTIME, &b1));
	printf("boottime >= monotonic: %s\n", ns(b1) >= ns(m1) ? "yes" : "no");
	nanosleep(&d, NULL);
	CHECK_OK(clock_gettime(CLOCK_MONOTONIC, &m2));
	CHECK_OK(clock_gettime(CLOCK_BOOTTIME, &b2));
	long long dm = ns(m2) - ns(m1), db = ns(b2) - ns(b1);
	printf("both advanced >= 20ms: %s\n", dm >= 20000000 && db >= 20000000 ? "yes" : "no");
	printf("advances agree within 5ms: %s\n", llabs(dm - db) < 5000000 ? "yes" : "no");
	return compat_done();
}
