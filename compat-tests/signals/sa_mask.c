// signals/sa_mask.c - signals in sa_mask are blocked while the handler
// runs: SIGUSR2 raised inside the SIGUSR1 handler stays pending (seen with
// sigpending) and its handler runs only after the SIGUSR1 handler
// returned; the mask before the handler is restored afterwards.
#define _GNU_SOURCE
#include <signal.h>
#include "compat.h"

static char log_[16];
static int n;
static volatile int pending_inside;

static void h1(int sig)
{
	(void)sig;
	log_[n++] = '1';
	raise(SIGUSR2);
	sigset_t p;
	sigpending(&p);
	pending_inside = sigismember(&p, SIGUSR2);
	log_[n++] = '1';
}

static void h2(int sig)
{
	(void)sig;
	log_[n++] = '2';
}

int main(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = h2;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGUSR2, &sa, NULL);
	sa.sa_handler = h1;
	sigaddset(&sa.sa_mask, SIGUSR2);
	sigaction(SIGUSR1, &sa, NULL);
	raise(SIGUSR1);
	printf("order: %s\n", log_);
	printf("SIGUSR2 pending inside the SIGUSR1 handler: %s\n", pending_inside ? "yes" : "no");
	sigset_t cur;
	sigprocmask(SIG_BLOCK, NULL, &cur);
	printf("SIGUSR2 blocked afterwards: %s\n", sigismember(&cur, SIGUSR2) ? "yes" : "no");
	return compat_done();
}
