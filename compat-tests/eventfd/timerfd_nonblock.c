/*
 * timerfd_nonblock.c - reading a non-blocking timerfd that has not
 * expired (armed or not) fails with EAGAIN; once it expires the read
 * returns the count.
 */
#include <stdint.h>
#include <sys/timerfd.h>
#include <time.h>
#include <unistd.h>
#include "compat.h"

int main(void)
{
	int t = timerfd_create(CLOCK_MONOTONIC, TFD_NONBLOCK);
	CHECK_OK(t);
	uint64_t n;
	CHECK_ERR(read(t, &n, 8), EAGAIN);
	struct itimerspec set = { .it_value = { 0, 30 * 1000000 } };
	CHECK_OK(timerfd_settime(t, 0, &set, NULL));
	CHECK_ERR(read(t, &n, 8), EAGAIN);
	usleep(60000);
	n = 0;
	ssize_t r = read(t, &n, 8);
	printf("after expiry: read %zd count %llu\n", r, (unsigned long long)n);
	CHECK_ERR(read(t, &n, 8), EAGAIN);
	return compat_done();
}
