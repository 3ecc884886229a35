// signals/sigaction_query.c - sigaction installs a handler and returns the
// previous action: SIG_DFL at first, then the installed handler with its
// sa_flags (SA_RESTART|SA_SIGINFO) and sa_mask; a NULL act only queries.
#define _GNU_SOURCE
#include <signal.h>
#include "compat.h"

static void h(int sig, siginfo_t *si, void *uc) { (void)sig, (void)si, (void)uc; }

int main(void)
{
	struct sigaction sa, old;
	memset(&old, 0xff, sizeof old);
	CHECK_OK(sigaction(SIGUSR1, NULL, &old));
	printf("initial SIGUSR1 handler is SIG_DFL: %s\n", old.sa_handler == SIG_DFL ? "yes" : "no");
	memset(&sa, 0, sizeof sa);
	sa.sa_sigaction = h;
	sa.sa_flags = SA_SIGINFO | SA_RESTART;
	sigemptyset(&sa.sa_mask);
	sigaddset(&sa.sa_mask, SIGUSR2);
	sigaddset(&sa.sa_mask, SIGTERM);
	CHECK_OK(sigaction(SIGUSR1, &sa, &old));
	printf("old was SIG_DFL: %s\n", old.sa_handler == SIG_DFL ? "yes" : "no");
	CHECK_OK(sigaction(SIGUSR1, NULL, &old));
	printf("handler: %s\n", old.sa_sigaction == h ? "ours" : "other");
	printf("SA_SIGINFO: %s, SA_RESTART: %s, SA_RESETHAND: %s\n", old.sa_flags & SA_SIGINFO ? "yes" : "no",
	       old.sa_flags & SA_RESTART ? "yes" : "no", old.sa_flags & SA_RESETHAND ? "yes" : "no");
	printf("mask has SIGUSR2: %s, SIGTERM: %s, SIGINT: %s\n", sigismember(&old.sa_mask, SIGUSR2) ? "yes" : "no",
	       sigismember(&old.sa_mask, SIGTERM) ? "yes" : "no", sigismember(&old.sa_mask, SIGINT) ? "yes" : "no");
	sa.sa_handler = SIG_IGN;
	sa.sa_flags = 0;
	CHECK_OK(sigaction(SIGUSR1, &sa, &old));
	printf("replaced handler returned: %s\n", old.sa_sigaction == h ? "yes" : "no");
	CHECK_OK(sigaction(SIGUSR1, NULL, &old));
	printf("now SIG_IGN: %s\n", old.sa_handler == SIG_IGN ? "yes" : "no");
	return compat_done();
}
