// time/timer_create_errors.c - the timer system calls reject bad input:
// timer_create on an unknown clock and with an unknown sigev_notify gives
// EINVAL; timer_settime with tv_nsec out of range EINVAL; timer_gettime,
// timer_settime and timer_delete on an id that was never created (or was
// deleted) EINVAL.
// compat: pending timer_create not implemented
#define _GNU_SOURCE
#include <signal.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>
#include "compat.h"

int main(void)
{
	struct sigevent ev;
	memset(&ev, 0, sizeof ev);
	ev.sigev_notify = SIGEV_SIGNAL;
	ev.sigev_signo = SIGUSR1;
	int id = -1;
	CHECK_ERR(syscall(SYS_timer_create, 100, &ev, &id), EINVAL);
	ev.sigev_notify = 77;
	CHECK_ERR(syscall(SYS_timer_create, CLOCK_MONOTONIC, &ev, &id), EINVAL);
	ev.sigev_notify = SIGEV_SIGNAL;
	ev.sigev_signo = 200;
	CHECK_ERR(syscall(SYS_timer_create, CLOCK_MONOTONIC, &ev, &id), EINVAL);
	ev.sigev_signo = SIGUSR1;
	CHECK_OK(syscall(SYS_timer_create, CLOCK_MONOTONIC, &ev, &id));
	struct itimerspec bad = { { 0, 0 }, { 0, 1000000000 } }, cur;
	CHECK_ERR(syscall(SYS_timer_settime, id, 0, &bad, NULL), EINVAL);
	CHECK_OK(syscall(SYS_timer_delete, id));
	CHECK_ERR(syscall(SYS_timer_delete, id), EINVAL);
	CHECK_ERR(syscall(SYS_timer_gettime, id, &cur), EINVAL);
	CHECK_ERR(syscall(SYS_timer_gettime, 98765, &cur), EINVAL);
	CHECK_ERR(syscall(SYS_timer_settime, 98765, 0, &bad, NULL), EINVAL);
	printf("done\n");
	return compat_done();
}
