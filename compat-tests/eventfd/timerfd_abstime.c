/*
 * timerfd_abstime.c - TFD_TIMER_ABSTIME: it_value is a time on the
 * timer's clock. A time 100ms ahead expires then (not earlier); a time
 * already past expires at once with count 1 (a blocking read returns
 * without waiting); gettime still reports the time left, relative.
 */
#include <stdint.h>
#include <sys/timerfd.h>
#include <time.h>
#include <unistd.h>
#include "compat.h"

int main(void)
{
	for (int c = 0; c < 2; c++) {
		clockid_t clk = c ? CLOCK_REALTIME : CLOCK_MONOTONIC;
		const char *name = c ? "REALTIME" : "MONOTONIC";
		int t = timerfd_create(clk, 0);
		CHECK_OK(t);
		struct timespec now, after;
		clock_gettime(clk, &now);
		struct itimerspec set = { .it_value = now }, cur;
		set.it_value.tv_nsec += 100 * 1000000;
		if (set.it_value.tv_nsec >= 1000000000) {
			set.it_value.tv_sec++;
			set.it_value.tv_nsec -= 1000000000;
		}
		CHECK_OK(timerfd_settime(t, TFD_TIMER_ABSTIME, &set, NULL));
		CHECK_OK(timerfd_gettime(t, &cur));
		printf("%s: gettime relative (< 1s): %s\n", name,
		       cur.it_value.tv_sec == 0 && cur.it_value.tv_nsec <= 100 * 1000000 ? "yes" : "no");
		uint64_t n = 0;
		ssize_t r = read(t, &n, 8);
		clock_gettime(clk, &after);
		int late = after.tv_sec > set.it_value.tv_sec ||
			   (after.tv_sec == set.it_value.tv_sec && after.tv_nsec >= set.it_value.tv_nsec);
		printf("%s: future: read %zd count %llu, not early: %s\n", name, r, (unsigned long long)n,
		       late ? "yes" : "no");

		/* long past on either clock; the expiry comes from a timer
		 * interrupt (on Linux too), so read blocking, but briefly */
		set.it_value = (struct timespec){ 0, 1 };
		struct timespec m0, m1;
		clock_gettime(CLOCK_MONOTONIC, &m0);
		CHECK_OK(timerfd_settime(t, TFD_TIMER_ABSTIME, &set, NULL));
		n = 0;
		r = read(t, &n, 8);
		clock_gettime(CLOCK_MONOTONIC, &m1);
		printf("%s: past: read %zd count %llu, within 1s: %s\n", name, r, (unsigned long long)n,
		       m1.tv_sec - m0.tv_sec < 1 || (m1.tv_sec - m0.tv_sec == 1 && m1.tv_nsec < m0.tv_nsec) ? "yes" : "no");
		close(t);
	}
	return compat_done();
}
