// time/gettimeofday.c - gettimeofday, time() and CLOCK_REALTIME tell the
// same time within a second; tv_usec is in [0, 1e6); a NULL timezone is
// allowed and the timezone result (if asked) says minuteswest 0.
#define _GNU_SOURCE
#include <sys/time.h>
#include <time.h>
#include "compat.h"

int main(void)
{
	struct timeval tv;
	struct timespec ts;
	CHECK_OK(gettimeofday(&tv, NULL));
	CHECK_OK(clock_gettime(CLOCK_REALTIME, &ts));
	time_t t = time(NULL);
	printf("tv_usec in range: %s\n", tv.tv_usec >= 0 && tv.tv_usec < 1000000 ? "yes" : "no");
	printf("gettimeofday <= clock_gettime: %s\n",
	       tv.tv_sec < ts.tv_sec || (tv.tv_sec == ts.tv_sec && tv.tv_usec * 1000 <= ts.tv_nsec) ? "yes" : "no");
	printf("all within a second: %s\n", t - tv.tv_sec >= 0 && t - tv.tv_sec <= 1 && ts.tv_sec - tv.tv_sec <= 1 ? "yes" : "no");
	struct timezone tz = { 99, 99 };
	CHECK_OK(gettimeofday(&tv, &tz));
	printf("tz_minuteswest: %d\n", tz.tz_minuteswest);
	return compat_done();
}
