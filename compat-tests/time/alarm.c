// time/alarm.c - alarm(n) returns the seconds left of the previous alarm
// (0 when none), alarm(0) cancels, and an alarm of 1 s raises SIGALRM
// (taken with sigtimedwait) after at least a second.
#define _GNU_SOURCE
#include <signal.h>
#include <time.h>
#include <unistd.h>
#include "compat.h"

static long long ns(struct timespec t) { return t.tv_sec * 1000000000LL + t.tv_nsec; }

int main(void)
{
	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, SIGALRM);
	sigprocmask(SIG_BLOCK, &set, NULL);
	printf("first alarm(10): %u\n", alarm(10));
	printf("alarm(5) after alarm(10): %u\n", alarm(5));
	printf("alarm(0) after alarm(5): %u\n", alarm(0));
	printf("alarm(0) again: %u\n", alarm(0));
	struct timespec a, b, wait = { 5, 0 };
	clock_gettime(CLOCK_MONOTONIC, &a);
	alarm(1);
	int s = sigtimedwait(&set, NULL, &wait);
	clock_gettime(CLOCK_MONOTONIC, &b);
	printf("got SIGALRM: %s, after >= 1s: %s\n", s == SIGALRM ? "yes" : "no", ns(b) - ns(a) >= 1000000000 ? "yes" : "no");
	return compat_done();
}
