// signals/nodefer.c - without SA_NODEFER a signal raised inside its own
// handler waits until the handler returns (depth stays 1, runs twice in
// sequence); with SA_NODEFER it nests at once (depth 2).
#define _GNU_SOURCE
#include <signal.h>
#include "compat.h"

static volatile int depth, max_depth, calls;

static void h(int sig)
{
	depth++;
	if (depth > max_depth)
		max_depth = depth;
	calls++;
	if (calls == 1)
		raise(sig);
	depth--;
}

static void run(const char *name, int flags)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = h;
	sa.sa_flags = flags;
	sigemptyset(&sa.sa_mask);
	CHECK_OK(sigaction(SIGUSR1, &sa, NULL));
	depth = max_depth = calls = 0;
	raise(SIGUSR1);
	printf("%s: calls %d, max depth %d\n", name, calls, max_depth);
}

int main(void)
{
	run("default", 0);
	run("SA_NODEFER", SA_NODEFER);
	return compat_done();
}
