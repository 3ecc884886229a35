// signals/resethand.c - with SA_RESETHAND the handler runs once and the
// disposition is back to SIG_DFL when it runs (queried inside the
// handler); the signal is still blocked inside it (on Linux SA_RESETHAND
// does not imply SA_NODEFER); the SA_RESETHAND flag itself stays set.
#define _GNU_SOURCE
#include <signal.h>
#include "compat.h"

static volatile int calls, dfl_inside, blocked_inside;

static void h(int sig)
{
	struct sigaction cur;
	sigaction(sig, NULL, &cur);
	dfl_inside = cur.sa_handler == SIG_DFL;
	sigset_t m;
	sigprocmask(SIG_BLOCK, NULL, &m);
	blocked_inside = sigismember(&m, sig);
	calls++;
}

int main(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = h;
	sa.sa_flags = SA_RESETHAND;
	sigemptyset(&sa.sa_mask);
	CHECK_OK(sigaction(SIGUSR2, &sa, NULL));
	raise(SIGUSR2);
	printf("calls: %d\n", calls);
	printf("disposition SIG_DFL inside the handler: %s\n", dfl_inside ? "yes" : "no");
	printf("signal blocked inside the handler: %s\n", blocked_inside ? "yes" : "no");
	struct sigaction cur;
	sigaction(SIGUSR2, NULL, &cur);
	printf("after: SIG_DFL: %s, SA_RESETHAND kept: %s\n", cur.sa_handler == SIG_DFL ? "yes" : "no",
	       cur.sa_flags & SA_RESETHAND ? "yes" : "no");
	return compat_done();
}
