// signals/procmask_errors.c - sigprocmask with an invalid how gives EINVAL
// and changes nothing; SIGKILL and SIGSTOP cannot be blocked (silently
// left out); SIG_SETMASK replaces the mask, SIG_UNBLOCK removes; the
// rt_sigprocmask system call rejects a wrong sigset size with EINVAL.
#define _GNU_SOURCE
#include <signal.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "compat.h"

int main(void)
{
	sigset_t s, cur;
	sigemptyset(&s);
	sigaddset(&s, SIGUSR1);
	CHECK_ERR(sigprocmask(12345, &s, NULL), EINVAL);
	sigprocmask(SIG_BLOCK, NULL, &cur);
	printf("unchanged after EINVAL: %s\n", sigismember(&cur, SIGUSR1) ? "no" : "yes");
	sigfillset(&s);
	CHECK_OK(sigprocmask(SIG_SETMASK, &s, NULL));
	sigprocmask(SIG_BLOCK, NULL, &cur);
	printf("after blocking all: SIGKILL %s, SIGSTOP %s, SIGUSR1 %s, SIGTERM %s\n",
	       sigismember(&cur, SIGKILL) ? "blocked" : "not blocked", sigismember(&cur, SIGSTOP) ? "blocked" : "not blocked",
	       sigismember(&cur, SIGUSR1) ? "blocked" : "not blocked", sigismember(&cur, SIGTERM) ? "blocked" : "not blocked");
	sigemptyset(&s);
	sigaddset(&s, SIGTERM);
	CHECK_OK(sigprocmask(SIG_UNBLOCK, &s, NULL));
	sigprocmask(SIG_BLOCK, NULL, &cur);
	printf("after unblocking SIGTERM: SIGTERM %s, SIGUSR1 %s\n", sigismember(&cur, SIGTERM) ? "blocked" : "not blocked",
	       sigismember(&cur, SIGUSR1) ? "blocked" : "not blocked");
	sigemptyset(&s);
	CHECK_OK(sigprocmask(SIG_SETMASK, &s, NULL));
	unsigned long k = 0;
	CHECK_ERR(syscall(SYS_rt_sigprocmask, SIG_BLOCK, NULL, &k, 4), EINVAL);
	CHECK_OK(syscall(SYS_rt_sigprocmask, SIG_BLOCK, NULL, &k, 8));
	printf("kernel mask empty: %s\n", k == 0 ? "yes" : "no");
	return compat_done();
}
