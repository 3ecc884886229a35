/*
 * timerfd_gettime.c - timerfd_gettime reports the time left (at most what
 * was set, counting down) and the interval exactly as set; settime's
 * old_value returns the previous setting the same way.
 */
#include <sys/timerfd.h>
#include <time.h>
#include <unistd.h>
#include "compat.h"

static long long ns(struct timespec t)
{
	return t.tv_sec * 1000000000LL + t.tv_nsec;
}

int main(void)
{
	int t = timerfd_create(CLOCK_MONOTONIC, 0);
	CHECK_OK(t);
	struct itimerspec set = { .it_interval = { 2, 500 }, .it_value = { 10, 0 } }, cur, old;
	CHECK_OK(timerfd_settime(t, 0, &set, &old));
	printf("old of a new timer: value %lld interval %lld\n", ns(old.it_value), ns(old.it_interval));

	CHECK_OK(timerfd_gettime(t, &cur));
	printf("left in (9s, 10s]: %s\n", ns(cur.it_value) > 9000000000LL && ns(cur.it_value) <= 10000000000LL ? "yes" : "no");
	printf("interval {%ld,%ld}\n", (long)cur.it_interval.tv_sec, cur.it_interval.tv_nsec);

	usleep(20000);
	struct itimerspec later;
	CHECK_OK(timerfd_gettime(t, &later));
	printf("counts down: %s\n", ns(later.it_value) < ns(cur.it_value) ? "yes" : "no");

	struct itimerspec set2 = { .it_value = { 100, 0 } };
	CHECK_OK(timerfd_settime(t, 0, &set2, &old));
	printf("old: left in (9s, 10s]: %s, interval {%ld,%ld}\n",
	       ns(old.it_value) > 9000000000LL && ns(old.it_value) <= 10000000000LL ? "yes" : "no",
	       (long)old.it_interval.tv_sec, old.it_interval.tv_nsec);
	return compat_done();
}
