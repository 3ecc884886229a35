/* Writing to a pipe with no reader raises SIGPIPE on the writing thread
 * (a handler runs, once per write) and the write fails with EPIPE. */
#define _GNU_SOURCE
#include "compat.h"
#include <signal.h>
#include <unistd.h>

static volatile sig_atomic_t got;

static void on_pipe(int sig)
{
	if (sig == SIGPIPE)
		got++;
}

int main(void)
{
	struct sigaction sa = {0};
	sa.sa_handler = on_pipe;
	sigemptyset(&sa.sa_mask);
	CHECK_OK(sigaction(SIGPIPE, &sa, NULL));
	int p[2];
	CHECK_OK(pipe(p));
	close(p[0]);
	CHECK_ERR(write(p[1], "x", 1), EPIPE);
	printf("SIGPIPE handled %d time(s)\n", (int)got);
	CHECK_ERR(write(p[1], "x", 1), EPIPE);
	printf("after a second write: %d\n", (int)got);
	/* a blocked SIGPIPE stays pending; the write still fails with EPIPE */
	sigset_t set, pend;
	sigemptyset(&set);
	sigaddset(&set, SIGPIPE);
	CHECK_OK(sigprocmask(SIG_BLOCK, &set, NULL));
	CHECK_ERR(write(p[1], "x", 1), EPIPE);
	CHECK_OK(sigpending(&pend));
	printf("blocked: pending %d, handled %d\n", sigismember(&pend, SIGPIPE), (int)got);
	CHECK_OK(sigprocmask(SIG_UNBLOCK, &set, NULL));
	printf("unblocked: handled %d\n", (int)got);
	return compat_done();
}
