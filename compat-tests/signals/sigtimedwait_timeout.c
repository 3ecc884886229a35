// signals/sigtimedwait_timeout.c - sigtimedwait with nothing pending fails
// with EAGAIN after no less than the timeout (30 ms); a zero timeout polls
// (EAGAIN at once); tv_nsec out of range gives EINVAL; with a signal
// pending it returns it at once.
#define _GNU_SOURCE
#include <signal.h>
#include <time.h>
#include "compat.h"

static long long ns(struct timespec t) { return t.tv_sec * 1000000000LL + t.tv_nsec; }

int main(void)
{
	sigset_t s;
	sigemptyset(&s);
	sigaddset(&s, SIGUSR1);
	sigprocmask(SIG_BLOCK, &s, NULL);
	struct timespec to = { 0, 30000000 }, a, b;
	clock_gettime(CLOCK_MONOTONIC, &a);
	CHECK_ERR(sigtimedwait(&s, NULL, &to), EAGAIN);
	clock_gettime(CLOCK_MONOTONIC, &b);
	printf("timed out no earlier than 30ms: %s\n", ns(b) - ns(a) >= 30000000 ? "yes" : "no");
	struct timespec zero = { 0, 0 };
	CHECK_ERR(sigtimedwait(&s, NULL, &zero), EAGAIN);
	struct timespec bad = { 0, 1000000000 };
	CHECK_ERR(sigtimedwait(&s, NULL, &bad), EINVAL);
	raise(SIGUSR1);
	printf("pending signal: %s\n", sigtimedwait(&s, NULL, &to) == SIGUSR1 ? "SIGUSR1" : "other");
	return compat_done();
}
