// time/timer_periodic.c - a periodic POSIX timer (10 ms interval) delivers
// its signal again and again: three sigwaitinfo calls each get it, at
// least 30 ms apart in total; timer_gettime shows the interval; disarming
// with a zero it_value stops it.
// compat: pending timer_create not implemented
#define _GNU_SOURCE
#include <signal.h>
#include <time.h>
#include "compat.h"

static long long ns(struct timespec t) { return t.tv_sec * 1000000000LL + t.tv_nsec; }

int main(void)
{
	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, SIGRTMIN);
	sigprocmask(SIG_BLOCK, &set, NULL);
	struct sigevent ev;
	memset(&ev, 0, sizeof ev);
	ev.sigev_notify = SIGEV_SIGNAL;
	ev.sigev_signo = SIGRTMIN;
	timer_t t;
	CHECK_OK(timer_create(CLOCK_MONOTONIC, &ev, &t));
	struct itimerspec its = { { 0, 10000000 }, { 0, 10000000 } };
	struct timespec a, b;
	clock_gettime(CLOCK_MONOTONIC, &a);
	CHECK_OK(timer_settime(t, 0, &its, NULL));
	int got = 0;
	for (int i = 0; i < 3; i++) {
		struct timespec wait = { 5, 0 };
		if (sigtimedwait(&set, NULL, &wait) == SIGRTMIN)
			got++;
	}
	clock_gettime(CLOCK_MONOTONIC, &b);
	printf("expirations received: %d, >= 30ms: %s\n", got, ns(b) - ns(a) >= 30000000 ? "yes" : "no");
	struct itimerspec cur;
	CHECK_OK(timer_gettime(t, &cur));
	printf("interval: %ld ns\n", cur.it_interval.tv_nsec);
	struct itimerspec off = { { 0, 0 }, { 0, 0 } };
	CHECK_OK(timer_settime(t, 0, &off, NULL));
	struct timespec drain = { 0, 0 };
	while (sigtimedwait(&set, NULL, &drain) == SIGRTMIN)
		;
	struct timespec wait = { 0, 50000000 };
	CHECK_ERR(sigtimedwait(&set, NULL, &wait), EAGAIN);
	CHECK_OK(timer_delete(t));
	return compat_done();
}
