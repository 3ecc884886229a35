/*
 * timerfd_oneshot.c - a one-shot timerfd: a blocking read returns the
 * 8-byte expiration count 1 no earlier than the timeout; the timer is
 * then disarmed (gettime all zero) and nothing more is counted.
 */
#include <fcntl.h>
#include <stdint.h>
#include <sys/timerfd.h>
#include <time.h>
#include <unistd.h>
#include "compat.h"

static long long now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000LL + ts.tv_nsec / 1000000;
}

int main(void)
{
	int t = timerfd_create(CLOCK_MONOTONIC, 0);
	CHECK_OK(t);
	struct itimerspec set = { .it_value = { 0, 50 * 1000000 } }, cur;
	long long t0 = now_ms();
	CHECK_OK(timerfd_settime(t, 0, &set, NULL));
	uint64_t n = 0;
	ssize_t r = read(t, &n, sizeof n);
	printf("read: %zd count %llu after >= 50ms: %s\n", r, (unsigned long long)n, now_ms() - t0 >= 50 ? "yes" : "no");

	CHECK_OK(timerfd_gettime(t, &cur));
	printf("after expiry: value {%ld,%ld} interval {%ld,%ld}\n", (long)cur.it_value.tv_sec,
	       cur.it_value.tv_nsec, (long)cur.it_interval.tv_sec, cur.it_interval.tv_nsec);
	usleep(60000);
	CHECK_OK(fcntl(t, F_SETFL, O_NONBLOCK));
	CHECK_ERR(read(t, &n, sizeof n), EAGAIN);
	return compat_done();
}
