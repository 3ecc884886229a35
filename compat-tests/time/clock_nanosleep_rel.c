// time/clock_nanosleep_rel.c - a relative clock_nanosleep (flags 0) sleeps
// at least the requested 25 ms on MONOTONIC, REALTIME and BOOTTIME, and
// returns 0 (it returns an error number, never -1).
#define _GNU_SOURCE
#include <time.h>
#include "compat.h"

static long long ns(struct timespec t) { return t.tv_sec * 1000000000LL + t.tv_nsec; }

int main(void)
{
	static const struct {
		const char *name;
		clockid_t id;
	} c[] = { { "MONOTONIC", CLOCK_MONOTONIC }, { "REALTIME", CLOCK_REALTIME }, { "BOOTTIME", CLOCK_BOOTTIME } };
	for (unsigned i = 0; i < 3; i++) {
		struct timespec a, b, req = { 0, 25000000 };
		clock_gettime(CLOCK_MONOTONIC, &a);
		int r = clock_nanosleep(c[i].id, 0, &req, NULL);
		clock_gettime(CLOCK_MONOTONIC, &b);
		printf("%s: returns %s, elapsed >= 25ms: %s\n", c[i].name, errno_name(r),
		       ns(b) - ns(a) >= 25000000 ? "yes" : "no");
	}
	return compat_done();
}
