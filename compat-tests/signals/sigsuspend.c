// signals/sigsuspend.c - sigsuspend with a mask that unblocks a pending
// signal runs its handler and returns -1 with EINTR; the old mask (signal
// blocked) is back afterwards.
#define _GNU_SOURCE
#include <signal.h>
#include "compat.h"

static volatile int calls;
static void h(int sig) { (void)sig; calls++; }

int main(void)
{
	signal(SIGUSR1, h);
	sigset_t b, empty, cur;
	sigemptyset(&b);
	sigaddset(&b, SIGUSR1);
	sigprocmask(SIG_BLOCK, &b, NULL);
	raise(SIGUSR1);
	sigemptyset(&empty);
	CHECK_ERR(sigsuspend(&empty), EINTR);
	printf("handler calls: %d\n", calls);
	sigprocmask(SIG_BLOCK, NULL, &cur);
	printf("SIGUSR1 blocked again: %s\n", sigismember(&cur, SIGUSR1) ? "yes" : "no");
	return compat_done();
}
