/*
 * timerfd_disarm.c - timerfd_settime with a zero it_value disarms the
 * timer: old_value reports what was left, gettime reports zeros, it never
 * becomes readable; an expiration counted before disarming is dropped
 * too (settime resets the count).
 */
#include <poll.h>
#include <stdint.h>
#include <sys/timerfd.h>
#include <time.h>
#include <unistd.h>
#include "compat.h"

int main(void)
{
	int t = timerfd_create(CLOCK_MONOTONIC, TFD_NONBLOCK);
	CHECK_OK(t);
	struct itimerspec arm = { .it_value = { 0, 50 * 1000000 } }, zero = { 0 }, old, cur;
	CHECK_OK(timerfd_settime(t, 0, &arm, NULL));
	CHECK_OK(timerfd_settime(t, 0, &zero, &old));
	printf("old value left > 0: %s\n", old.it_value.tv_sec || old.it_value.tv_nsec ? "yes" : "no");
	CHECK_OK(timerfd_gettime(t, &cur));
	printf("disarmed: value {%ld,%ld}\n", (long)cur.it_value.tv_sec, cur.it_value.tv_nsec);
	struct pollfd pfd = { .fd = t, .events = POLLIN };
	printf("poll 100ms: %d\n", poll(&pfd, 1, 100));
	uint64_t n;
	CHECK_ERR(read(t, &n, 8), EAGAIN);

	/* an expiration not yet read is forgotten when the timer is set again */
	arm.it_value.tv_nsec = 1000000;
	CHECK_OK(timerfd_settime(t, 0, &arm, NULL));
	usleep(30000);
	printf("expired: poll %d\n", poll(&pfd, 1, 0));
	CHECK_OK(timerfd_settime(t, 0, &zero, NULL));
	printf("disarmed after expiry: poll %d\n", poll(&pfd, 1, 0));
	CHECK_ERR(read(t, &n, 8), EAGAIN);
	return compat_done();
}
