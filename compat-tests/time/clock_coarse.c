// time/clock_coarse.c - the _COARSE clocks never lead their precise clocks
// and lag them by less than a second (on a tickless host the lag can
// exceed one resolution), and their resolution is between 1 ns and 10 ms.
#define _GNU_SOURCE
#include <time.h>
#include "compat.h"

static long long ns(struct timespec t) { return t.tv_sec * 1000000000LL + t.tv_nsec; }

static void one(const char *name, clockid_t coarse, clockid_t fine)
{
	struct timespec res, c, f;
	CHECK_OK(clock_getres(coarse, &res));
	CHECK_OK(clock_gettime(coarse, &c));
	CHECK_OK(clock_gettime(fine, &f));
	long long lag = ns(f) - ns(c);
	printf("%s: resolution in (0, 10ms]: %s, not ahead: %s, lag under a second: %s\n", name,
	       ns(res) > 0 && ns(res) <= 10000000 ? "yes" : "no", lag >= 0 ? "yes" : "no",
	       lag < 1000000000 ? "yes" : "no");
}

int main(void)
{
	one("CLOCK_REALTIME_COARSE", CLOCK_REALTIME_COARSE, CLOCK_REALTIME);
	one("CLOCK_MONOTONIC_COARSE", CLOCK_MONOTONIC_COARSE, CLOCK_MONOTONIC);
	return compat_done();
}
