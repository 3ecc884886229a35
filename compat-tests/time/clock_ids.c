// time/clock_ids.c - clock_gettime and clock_getres succeed for every
// clock a program may use: REALTIME, MONOTONIC, PROCESS_CPUTIME_ID,
// THREAD_CPUTIME_ID, MONOTONIC_RAW, REALTIME_COARSE, MONOTONIC_COARSE,
// BOOTTIME and TAI; each gives a normalized time.
#define _GNU_SOURCE
#include <time.h>
#include "compat.h"

#ifndef CLOCK_TAI
#define CLOCK_TAI 11
#endif

int main(void)
{
	static const struct {
		const char *name;
		clockid_t id;
	} c[] = {
		{ "CLOCK_REALTIME", CLOCK_REALTIME },
		{ "CLOCK_MONOTONIC", CLOCK_MONOTONIC },
		{ "CLOCK_PROCESS_CPUTIME_ID", CLOCK_PROCESS_CPUTIME_ID },
		{ "CLOCK_THREAD_CPUTIME_ID", CLOCK_THREAD_CPUTIME_ID },
		{ "CLOCK_MONOTONIC_RAW", CLOCK_MONOTONIC_RAW },
		{ "CLOCK_REALTIME_COARSE", CLOCK_REALTIME_COARSE },
		{ "CLOCK_MONOTONIC_COARSE", CLOCK_MONOTONIC_COARSE },
		{ "CLOCK_BOOTTIME", CLOCK_BOOTTIME },
		{ "CLOCK_TAI", CLOCK_TAI },
	};
	for (unsigned i = 0; i < sizeof c / sizeof c[0]; i++) {
		struct timespec t = { -1, -1 }, r = { -1, -1 };
		errno = 0;
		int g = clock_gettime(c[i].id, &t);
		int ge = errno;
		errno = 0;
		int s = clock_getres(c[i].id, &r);
		int se = errno;
		printf("%s: gettime %s, getres %s, normalized %s\n", c[i].name, g == 0 ? "ok" : errno_name(ge),
		       s == 0 ? "ok" : errno_name(se), t.tv_sec >= 0 && t.tv_nsec >= 0 && t.tv_nsec < 1000000000 ? "yes" : "no");
	}
	return compat_done();
}
