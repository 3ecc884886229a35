// signals/procmask_pending.c - a blocked signal stays pending: raise does
// not run the handler, sigpending shows it; unblocking it with
// sigprocmask runs the handler before sigprocmask returns, once, and
// clears the pending set. A standard signal raised twice while blocked is
// delivered once.
#define _GNU_SOURCE
#include <signal.h>
#include "compat.h"

static volatile int calls;

static void h(int sig) { (void)sig; calls++; }

int main(void)
{
	signal(SIGUSR1, h);
	sigset_t s, p, old;
	sigemptyset(&s);
	sigaddset(&s, SIGUSR1);
	CHECK_OK(sigprocmask(SIG_BLOCK, &s, &old));
	printf("SIGUSR1 blocked before: %s\n", sigismember(&old, SIGUSR1) ? "yes" : "no");
	raise(SIGUSR1);
	raise(SIGUSR1);
	printf("calls while blocked: %d\n", calls);
	sigpending(&p);
	printf("pending: SIGUSR1 %s, SIGUSR2 %s\n", sigismember(&p, SIGUSR1) ? "yes" : "no",
	       sigismember(&p, SIGUSR2) ? "yes" : "no");
	CHECK_OK(sigprocmask(SIG_UNBLOCK, &s, NULL));
	printf("calls right after unblocking: %d\n", calls);
	sigpending(&p);
	printf("pending after: %s\n", sigismember(&p, SIGUSR1) ? "yes" : "no");
	return compat_done();
}
