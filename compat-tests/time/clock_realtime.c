// time/clock_realtime.c - clock_gettime(CLOCK_REALTIME) succeeds with
// tv_nsec in [0, 1e9) and a date after 2020, and agrees with time(NULL)
// within a second.
#define _GNU_SOURCE
#include <time.h>
#include "compat.h"

int main(void)
{
	struct timespec ts;
	CHECK_OK(clock_gettime(CLOCK_REALTIME, &ts));
	time_t t = time(NULL);
	printf("tv_nsec in range: %s\n", ts.tv_nsec >= 0 && ts.tv_nsec < 1000000000 ? "yes" : "no");
	printf("after 2020: %s\n", ts.tv_sec > 1577836800 ? "yes" : "no");
	printf("time() within a second: %s\n", t - ts.tv_sec >= 0 && t - ts.tv_sec <= 1 ? "yes" : "no");
	return compat_done();
}
