// time/timer_create_signal.c - a POSIX timer (timer_create on
// CLOCK_MONOTONIC with SIGEV_SIGNAL) armed for 20 ms delivers its signal
// once, with si_code SI_TIMER and the sigev_value given; timer_gettime
// then shows it disarmed, and timer_delete succeeds.
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
	sigaddset(&set, SIGUSR1);
	sigprocmask(SIG_BLOCK, &set, NULL);
	struct sigevent ev;
	memset(&ev, 0, sizeof ev);
	ev.sigev_notify = SIGEV_SIGNAL;
	ev.sigev_signo = SIGUSR1;
	ev.sigev_value.sival_int = 4242;
	timer_t t;
	CHECK_OK(timer_create(CLOCK_MONOTONIC, &ev, &t));
	struct itimerspec its = { { 0, 0 }, { 0, 20000000 } };
	struct timespec a, b, wait = { 5, 0 };
	clock_gettime(CLOCK_MONOTONIC, &a);
	CHECK_OK(timer_settime(t, 0, &its, NULL));
	siginfo_t si;
	memset(&si, 0, sizeof si);
	int s = sigtimedwait(&set, &si, &wait);
	clock_gettime(CLOCK_MONOTONIC, &b);
	printf("signal: %s, si_code SI_TIMER: %s, value: %d\n", s == SIGUSR1 ? "SIGUSR1" : "none",
	       si.si_code == SI_TIMER ? "yes" : "no", si.si_value.sival_int);
	printf("not early: %s\n", ns(b) - ns(a) >= 20000000 ? "yes" : "no");
	struct itimerspec cur = { { 1, 1 }, { 1, 1 } };
	CHECK_OK(timer_gettime(t, &cur));
	printf("disarmed after firing: %s\n", ns(cur.it_value) == 0 && ns(cur.it_interval) == 0 ? "yes" : "no");
	wait = (struct timespec){ 0, 50000000 };
	CHECK_ERR(sigtimedwait(&set, &si, &wait), EAGAIN);
	CHECK_OK(timer_delete(t));
	return compat_done();
}
