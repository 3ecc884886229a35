// time/clock_getres.c - the high-resolution clocks (REALTIME, MONOTONIC,
// MONOTONIC_RAW, BOOTTIME, the CPU-time clocks) report a resolution of
// exactly 1 ns; a NULL result pointer is allowed.
#define _GNU_SOURCE
#include <time.h>
#include "compat.h"

int main(void)
{
	static const struct {
		const char *name;
		clockid_t id;
	} c[] = {
		{ "CLOCK_REALTIME", CLOCK_REALTIME },
		{ "CLOCK_MONOTONIC", CLOCK_MONOTONIC },
		{ "CLOCK_MONOTONIC_RAW", CLOCK_MONOTONIC_RAW },
		{ "CLOCK_BOOTTIME", CLOCK_BOOTTIME },
		{ "CLOCK_PROCESS_CPUTIME_ID", CLOCK_PROCESS_CPUTIME_ID },
		{ "CLOCK_THREAD_CPUTIME_ID", CLOCK_THREAD_CPUTIME_ID },
	};
	for (unsigned i = 0; i < sizeof c / sizeof c[0]; i++) {
		struct timespec r = { -1, -1 };
		CHECK_OK(clock_getres(c[i].id, &r));
		printf("%s: %lld.%09ld s\n", c[i].name, (long long)r.tv_sec, r.tv_nsec);
		CHECK_OK(clock_getres(c[i].id, NULL));
	}
	return compat_done();
}
