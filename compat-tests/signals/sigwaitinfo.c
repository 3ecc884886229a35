// signals/sigwaitinfo.c - sigwaitinfo takes a blocked pending signal
// without running its handler and fills siginfo (si_signo, si_code
// SI_USER and si_pid for a kill to oneself); sigwait returns the number;
// the signal is no longer pending afterwards.
#define _GNU_SOURCE
#include <signal.h>
#include <unistd.h>
#include "compat.h"

static volatile int calls;
static void h(int sig) { (void)sig; calls++; }

int main(void)
{
	signal(SIGUSR1, h);
	signal(SIGUSR2, h);
	sigset_t s;
	sigemptyset(&s);
	sigaddset(&s, SIGUSR1);
	sigaddset(&s, SIGUSR2);
	sigprocmask(SIG_BLOCK, &s, NULL);
	kill(getpid(), SIGUSR1);
	siginfo_t si;
	memset(&si, 0, sizeof si);
	int r = sigwaitinfo(&s, &si);
	printf("sigwaitinfo: %s, si_signo matches: %s, si_code SI_USER: %s, si_pid ours: %s\n",
	       r == SIGUSR1 ? "SIGUSR1" : "other", si.si_signo == r ? "yes" : "no", si.si_code == SI_USER ? "yes" : "no",
	       si.si_pid == getpid() ? "yes" : "no");
	raise(SIGUSR2);
	int sig = 0;
	printf("sigwait: %s, got %s\n", errno_name(sigwait(&s, &sig)), sig == SIGUSR2 ? "SIGUSR2" : "other");
	sigset_t p;
	sigpending(&p);
	printf("still pending: %s\n", sigismember(&p, SIGUSR1) || sigismember(&p, SIGUSR2) ? "yes" : "no");
	printf("handler calls: %d\n", calls);
	return compat_done();
}
