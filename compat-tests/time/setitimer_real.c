// time/setitimer_real.c - setitimer(ITIMER_REAL) for 30 ms raises SIGALRM
// (taken here with sigtimedwait) no earlier than 30 ms; getitimer while
// armed shows a remaining time in (0, 30ms], after expiry zero; the old
// value comes back from a second setitimer.
#define _GNU_SOURCE
#include <signal.h>
#include <sys/time.h>
#include <time.h>
#include "compat.h"

static long long ns(struct timespec t) { return t.tv_sec * 1000000000LL + t.tv_nsec; }
static long long us(struct timeval t) { return t.tv_sec * 1000000LL + t.tv_usec; }

int main(void)
{
	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, SIGALRM);
	sigprocmask(SIG_BLOCK, &set, NULL);
	struct itimerval it = { { 0, 0 }, { 0, 30000 } }, cur, old;
	struct timespec a, b, wait = { 5, 0 };
	clock_gettime(CLOCK_MONOTONIC, &a);
	CHECK_OK(setitimer(ITIMER_REAL, &it, NULL));
	CHECK_OK(getitimer(ITIMER_REAL, &cur));
	printf("remaining in (0, 30ms]: %s\n", us(cur.it_value) > 0 && us(cur.it_value) <= 30000 ? "yes" : "no");
	int s = sigtimedwait(&set, NULL, &wait);
	clock_gettime(CLOCK_MONOTONIC, &b);
	printf("got SIGALRM: %s, not early: %s\n", s == SIGALRM ? "yes" : "no", ns(b) - ns(a) >= 30000000 ? "yes" : "no");
	CHECK_OK(getitimer(ITIMER_REAL, &cur));
	printf("after expiry zero: %s\n", us(cur.it_value) == 0 ? "yes" : "no");
	it.it_value.tv_sec = 100;
	CHECK_OK(setitimer(ITIMER_REAL, &it, NULL));
	struct itimerval zero = { { 0, 0 }, { 0, 0 } };
	CHECK_OK(setitimer(ITIMER_REAL, &zero, &old));
	printf("old value about 100s: %s\n", old.it_value.tv_sec >= 99 && old.it_value.tv_sec <= 100 ? "yes" : "no");
	CHECK_ERR(setitimer(99, &zero, NULL), EINVAL);
	return compat_done();
}
