// time/clock_nanosleep_errors.c - clock_nanosleep returns (not -1/errno)
// EINVAL for tv_nsec out of range (relative and absolute) and for
// CLOCK_THREAD_CPUTIME_ID (the libc checks that one itself: the system
// call gives -1/EOPNOTSUPP, the thread CPU clock having no sleep).
#define _GNU_SOURCE
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>
#include "compat.h"

int main(void)
{
	struct timespec bad = { 0, 1000000000 }, neg = { 0, -5 }, ok = { 0, 1000 };
	printf("tv_nsec 1e9: %s\n", errno_name(clock_nanosleep(CLOCK_MONOTONIC, 0, &bad, NULL)));
	printf("tv_nsec -5: %s\n", errno_name(clock_nanosleep(CLOCK_MONOTONIC, 0, &neg, NULL)));
	printf("abstime tv_nsec 1e9: %s\n", errno_name(clock_nanosleep(CLOCK_REALTIME, TIMER_ABSTIME, &bad, NULL)));
	printf("thread cpu clock: %s\n", errno_name(clock_nanosleep(CLOCK_THREAD_CPUTIME_ID, 0, &ok, NULL)));
	printf("errno untouched: %s\n", errno == 0 ? "yes" : "no");
	CHECK_ERR(syscall(SYS_clock_nanosleep, CLOCK_MONOTONIC, 0, &bad, NULL), EINVAL);
	CHECK_ERR(syscall(SYS_clock_nanosleep, CLOCK_THREAD_CPUTIME_ID, 0, &ok, NULL), EOPNOTSUPP);
	return compat_done();
}
