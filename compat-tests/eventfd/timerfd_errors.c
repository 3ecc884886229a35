/*
 * timerfd_errors.c - the timerfd calls' errors: settime with unknown
 * flags, a tv_nsec out of [0, 1e9) or a negative time fails with EINVAL;
 * settime/gettime on a descriptor that is not a timerfd fail with EINVAL,
 * on one not open with EBADF; a bad pointer gives EFAULT; a read of fewer
 * than 8 bytes fails with EINVAL.
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
	int p[2];
	CHECK_OK(pipe(p));
	int closed = dup(p[0]);
	CHECK_OK(close(closed));
	struct itimerspec ok = { .it_value = { 5, 0 } }, cur;

	CHECK_ERR(timerfd_settime(t, 0x10, &ok, NULL), EINVAL);
	struct itimerspec bad = { .it_value = { 0, 1000000000 } };
	CHECK_ERR(timerfd_settime(t, 0, &bad, NULL), EINVAL);
	bad = (struct itimerspec){ .it_value = { 0, -1 } };
	CHECK_ERR(timerfd_settime(t, 0, &bad, NULL), EINVAL);
	bad = (struct itimerspec){ .it_value = { -1, 0 } };
	CHECK_ERR(timerfd_settime(t, 0, &bad, NULL), EINVAL);
	bad = (struct itimerspec){ .it_value = { 1, 0 }, .it_interval = { 0, 1000000000 } };
	CHECK_ERR(timerfd_settime(t, 0, &bad, NULL), EINVAL);

	CHECK_ERR(timerfd_settime(p[0], 0, &ok, NULL), EINVAL);
	CHECK_ERR(timerfd_gettime(p[0], &cur), EINVAL);
	CHECK_ERR(timerfd_settime(closed, 0, &ok, NULL), EBADF);
	CHECK_ERR(timerfd_gettime(closed, &cur), EBADF);

	struct itimerspec *volatile unmapped = (struct itimerspec *)8;
	CHECK_ERR(timerfd_settime(t, 0, unmapped, NULL), EFAULT);
	CHECK_ERR(timerfd_gettime(t, unmapped), EFAULT);

	uint32_t small;
	CHECK_ERR(read(t, &small, 4), EINVAL);
	CHECK_OK(timerfd_gettime(t, &cur));
	printf("still disarmed: %s\n", cur.it_value.tv_sec == 0 && cur.it_value.tv_nsec == 0 ? "yes" : "no");
	return compat_done();
}
