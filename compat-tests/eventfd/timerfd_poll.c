/*
 * timerfd_poll.c - poll(2) on a timerfd: no POLLIN while armed and not
 * expired, POLLIN once it expires (a poll with a timeout is woken by the
 * expiry), and none after the count is read. A timerfd is never
 * writable.
 */
#include <poll.h>
#include <stdint.h>
#include <sys/timerfd.h>
#include <time.h>
#include <unistd.h>
#include "compat.h"

int main(void)
{
	int t = timerfd_create(CLOCK_MONOTONIC, 0);
	CHECK_OK(t);
	struct pollfd pfd = { .fd = t, .events = POLLIN | POLLOUT };
	struct itimerspec set = { .it_value = { 0, 50 * 1000000 } };
	CHECK_OK(timerfd_settime(t, 0, &set, NULL));
	int n = poll(&pfd, 1, 0);
	printf("armed: poll %d revents %#x\n", n, pfd.revents);
	n = poll(&pfd, 1, 5000);
	printf("waited: poll %d revents %#x\n", n, pfd.revents);
	uint64_t c;
	CHECK(read(t, &c, 8) == 8, "read");
	n = poll(&pfd, 1, 0);
	printf("read: poll %d revents %#x\n", n, pfd.revents);
	return compat_done();
}
