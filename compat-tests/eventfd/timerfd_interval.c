/*
 * timerfd_interval.c - a periodic timerfd counts every expiration: after
 * sleeping through several periods one read returns them all (at least
 * as many as whole periods passed), the count restarts after the read,
 * and gettime shows a value within one period.
 */
#include <stdint.h>
#include <sys/timerfd.h>
#include <time.h>
#include <unistd.h>
#include "compat.h"

int main(void)
{
	int t = timerfd_create(CLOCK_MONOTONIC, 0);
	CHECK_OK(t);
	struct itimerspec set = { .it_interval = { 0, 20 * 1000000 }, .it_value = { 0, 20 * 1000000 } }, cur;
	CHECK_OK(timerfd_settime(t, 0, &set, NULL));
	usleep(110000);
	uint64_t n = 0;
	ssize_t r = read(t, &n, sizeof n);
	printf("read: %zd count >= 5: %s\n", r, n >= 5 ? "yes" : "no");

	n = 0;
	r = read(t, &n, sizeof n); /* blocks for the next period */
	printf("next read: %zd count >= 1: %s\n", r, n >= 1 ? "yes" : "no");

	CHECK_OK(timerfd_gettime(t, &cur));
	printf("value within a period: %s, interval {%ld,%ld}\n",
	       cur.it_value.tv_sec == 0 && cur.it_value.tv_nsec > 0 && cur.it_value.tv_nsec <= 20 * 1000000 ? "yes" : "no",
	       (long)cur.it_interval.tv_sec, cur.it_interval.tv_nsec);
	return compat_done();
}
