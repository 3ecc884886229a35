/*
 * timerfd_create.c - timerfd_create accepts CLOCK_REALTIME,
 * CLOCK_MONOTONIC and CLOCK_BOOTTIME; an unknown or unsupported clock
 * (a CPU-time clock) and unknown flag bits fail with EINVAL; TFD_CLOEXEC
 * and TFD_NONBLOCK show in F_GETFD and F_GETFL. A new timer is disarmed.
 */
#include <fcntl.h>
#include <sys/timerfd.h>
#include <time.h>
#include <unistd.h>
#include "compat.h"

int main(void)
{
	CHECK_ERR(timerfd_create(99, 0), EINVAL);
	CHECK_ERR(timerfd_create(-1, 0), EINVAL);
	CHECK_ERR(timerfd_create(CLOCK_PROCESS_CPUTIME_ID, 0), EINVAL);
	CHECK_ERR(timerfd_create(CLOCK_THREAD_CPUTIME_ID, 0), EINVAL);
	CHECK_ERR(timerfd_create(CLOCK_MONOTONIC, 0x1), EINVAL);

	int r = timerfd_create(CLOCK_REALTIME, 0);
	int m = timerfd_create(CLOCK_MONOTONIC, TFD_CLOEXEC);
	int b = timerfd_create(CLOCK_BOOTTIME, TFD_NONBLOCK);
	CHECK_OK(r); CHECK_OK(m); CHECK_OK(b);
	printf("flags 0: cloexec %d nonblock %d\n", fcntl(r, F_GETFD) & FD_CLOEXEC,
	       !!(fcntl(r, F_GETFL) & O_NONBLOCK));
	printf("TFD_CLOEXEC: cloexec %d nonblock %d\n", fcntl(m, F_GETFD) & FD_CLOEXEC,
	       !!(fcntl(m, F_GETFL) & O_NONBLOCK));
	printf("TFD_NONBLOCK: cloexec %d nonblock %d\n", fcntl(b, F_GETFD) & FD_CLOEXEC,
	       !!(fcntl(b, F_GETFL) & O_NONBLOCK));

	struct itimerspec cur = { { 1, 1 }, { 1, 1 } };
	CHECK_OK(timerfd_gettime(m, &cur));
	printf("new timer: value {%ld,%ld} interval {%ld,%ld}\n", (long)cur.it_value.tv_sec,
	       cur.it_value.tv_nsec, (long)cur.it_interval.tv_sec, cur.it_interval.tv_nsec);
	return compat_done();
}
