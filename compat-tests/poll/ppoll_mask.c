/*
 * ppoll_mask.c - ppoll(2) installs its signal mask for the wait only:
 * with SIGUSR1 blocked and pending, a wait whose mask still blocks it
 * times out with 0 and runs no handler; a wait whose mask unblocks it
 * fails with EINTR at once, after the handler ran once; afterwards the
 * old mask (SIGUSR1 blocked) is back.
 */
#define _GNU_SOURCE
#include <poll.h>
#include <signal.h>
#include <time.h>
#include <unistd.h>
#include "compat.h"

static volatile sig_atomic_t handled;

static void on_usr1(int sig)
{
	(void)sig;
	handled++;
}

static long long now_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1000LL + t.tv_nsec / 1000000;
}

int main(void)
{
	int p[2];
	CHECK_OK(pipe(p));
	struct pollfd pfd = { .fd = p[0], .events = POLLIN };
	struct sigaction sa = { .sa_handler = on_usr1 };
	sigemptyset(&sa.sa_mask);
	CHECK_OK(sigaction(SIGUSR1, &sa, NULL));
	sigset_t block, mask, now;
	sigemptyset(&block);
	sigaddset(&block, SIGUSR1);
	CHECK_OK(sigprocmask(SIG_BLOCK, &block, NULL));
	CHECK_OK(raise(SIGUSR1));
	printf("pending, blocked: handled %d\n", (int)handled);

	for (int unblock = 0; unblock < 2; unblock++) {
		struct timespec ts = { unblock ? 5 : 0, unblock ? 0 : 50 * 1000000 };
		sigemptyset(&mask);
		if (!unblock)
			sigaddset(&mask, SIGUSR1);
		pfd.revents = 0;
		long long t0 = now_ms();
		errno = 0;
		int n = ppoll(&pfd, 1, &ts, &mask);
		int e = errno;
		long long dt = now_ms() - t0;
		printf("%s: ppoll %d errno %s handled %d before 5s: %s\n",
		       unblock ? "mask unblocks" : "mask blocks", n, errno_name(e), (int)handled,
		       dt < 5000 ? "yes" : "no");
		CHECK_OK(sigprocmask(SIG_BLOCK, NULL, &now));
		printf("  SIGUSR1 blocked after: %d\n", sigismember(&now, SIGUSR1));
	}
	return compat_done();
}
