// time/nanosleep_min.c - nanosleep sleeps at least as long as asked
// (20 ms and 1.05 s, measured with CLOCK_MONOTONIC) and returns 0 without
// touching rem.
#define _GNU_SOURCE
#include <time.h>
#include "compat.h"

static long long ns(struct timespec t) { return t.tv_sec * 1000000000LL + t.tv_nsec; }

static void one(const char *what, struct timespec req)
{
	struct timespec a, b, rem = { 77, 77 };
	clock_gettime(CLOCK_MONOTONIC, &a);
	CHECK_OK(nanosleep(&req, &rem));
	clock_gettime(CLOCK_MONOTONIC, &b);
	printf("%s: elapsed >= requested: %s, rem untouched: %s\n", what, ns(b) - ns(a) >= ns(req) ? "yes" : "no",
	       rem.tv_sec == 77 && rem.tv_nsec == 77 ? "yes" : "no");
}

int main(void)
{
	one("20ms", (struct timespec){ 0, 20000000 });
	one("1.05s", (struct timespec){ 1, 50000000 });
	return compat_done();
}
