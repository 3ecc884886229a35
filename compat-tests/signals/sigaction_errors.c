// signals/sigaction_errors.c - sigaction rejects signal 0 and 65 with
// EINVAL, and any change of SIGKILL or SIGSTOP with EINVAL (querying them
// is fine and says SIG_DFL); the rt_sigaction system call also rejects a
// wrong sigset size with EINVAL.
#define _GNU_SOURCE
#include <signal.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "compat.h"

static void h(int sig) { (void)sig; }

int main(void)
{
	struct sigaction sa, old;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = h;
	CHECK_ERR(sigaction(0, &sa, NULL), EINVAL);
	CHECK_ERR(sigaction(65, &sa, NULL), EINVAL);
	CHECK_ERR(sigaction(-1, &sa, NULL), EINVAL);
	CHECK_ERR(sigaction(SIGKILL, &sa, NULL), EINVAL);
	CHECK_ERR(sigaction(SIGSTOP, &sa, NULL), EINVAL);
	sa.sa_handler = SIG_IGN;
	CHECK_ERR(sigaction(SIGKILL, &sa, NULL), EINVAL);
	CHECK_OK(sigaction(SIGKILL, NULL, &old));
	printf("SIGKILL query: %s\n", old.sa_handler == SIG_DFL ? "SIG_DFL" : "other");
	CHECK_OK(sigaction(SIGSTOP, NULL, &old));
	printf("SIGSTOP query: %s\n", old.sa_handler == SIG_DFL ? "SIG_DFL" : "other");
	/* kernel layout: handler, flags, restorer, mask */
	struct {
		void *handler;
		unsigned long flags;
		void *restorer;
		unsigned long mask;
	} k = { 0 };
	CHECK_ERR(syscall(SYS_rt_sigaction, SIGUSR1, NULL, &k, 4), EINVAL);
	CHECK_OK(syscall(SYS_rt_sigaction, SIGUSR1, NULL, &k, 8));
	CHECK_ERR(syscall(SYS_rt_sigaction, 65, NULL, &k, 8), EINVAL);
	return compat_done();
}
