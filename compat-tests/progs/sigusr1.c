/*
 * sigusr1.c - delivering signals the program sends itself: raise(SIGUSR1)
 * runs the handler before raise returns; a blocked SIGUSR1 stays pending
 * (sigpending) and runs when unblocked; a signal raised inside its own
 * handler waits until the handler returns unless SA_NODEFER; SIG_IGN drops
 * it; kill(getpid()) and pthread_kill work too; sa_mask blocks SIGUSR2
 * during the SIGUSR1 handler; sigaction reports the installed action.
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "check.h"

static volatile sig_atomic_t usr1_count, usr2_count, nested_depth, max_depth, raise_inside;
static volatile sig_atomic_t usr2_blocked_in_usr1;

static void on_usr1(int sig)
{
	(void)sig;
	usr1_count++;
	nested_depth++;
	if (nested_depth > max_depth)
		max_depth = nested_depth;
	sigset_t cur;
	sigprocmask(SIG_BLOCK, NULL, &cur);
	usr2_blocked_in_usr1 = sigismember(&cur, SIGUSR2);
	if (raise_inside) {
		raise_inside = 0;
		raise(SIGUSR1);
	}
	nested_depth--;
}

static void on_usr2(int sig)
{
	(void)sig;
	usr2_count++;
}

static void install(int sig, void (*h)(int), int flags, int mask_sig)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = h;
	sa.sa_flags = flags;
	sigemptyset(&sa.sa_mask);
	if (mask_sig)
		sigaddset(&sa.sa_mask, mask_sig);
	CHECK(sigaction(sig, &sa, NULL) == 0, "sigaction");
}

static void *thread_fn(void *arg)
{
	(void)arg;
	return NULL;
}

int main(void)
{
	setvbuf(stdout, NULL, _IOLBF, 0);
	install(SIGUSR1, on_usr1, 0, SIGUSR2);
	install(SIGUSR2, on_usr2, 0, 0);

	errno = 0;
	CHECK(raise(SIGUSR1) == 0, "raise");
	printf("raise(SIGUSR1): handler ran %d time(s) before raise returned\n", (int)usr1_count);
	CHECK(usr1_count == 1, "raise");
	printf("SIGUSR2 blocked inside the SIGUSR1 handler (sa_mask): %s\n",
	       usr2_blocked_in_usr1 ? "yes" : "no");
	CHECK(usr2_blocked_in_usr1, "sa_mask");

	/* blocked: pending until unblocked */
	sigset_t set, pend;
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	CHECK(sigprocmask(SIG_BLOCK, &set, NULL) == 0, "block");
	raise(SIGUSR1);
	sigpending(&pend);
	printf("blocked SIGUSR1: handler ran %s, pending %s\n", usr1_count == 2 ? "yes" : "no",
	       sigismember(&pend, SIGUSR1) ? "yes" : "no");
	CHECK(usr1_count == 1 && sigismember(&pend, SIGUSR1), "pending while blocked");
	raise(SIGUSR1);  /* standard signals do not queue: still one */
	CHECK(sigprocmask(SIG_UNBLOCK, &set, NULL) == 0, "unblock");
	sigpending(&pend);
	printf("after unblocking: handler runs %d, still pending %s\n", (int)usr1_count - 1,
	       sigismember(&pend, SIGUSR1) ? "yes" : "no");
	CHECK(usr1_count == 2 && !sigismember(&pend, SIGUSR1), "delivered on unblock");

	/* raised inside its own handler: deferred until the handler returns */
	raise_inside = 1;
	max_depth = 0;
	raise(SIGUSR1);
	printf("raise inside handler: handler ran %d more times, max nesting %d\n",
	       (int)usr1_count - 2, (int)max_depth);
	CHECK(usr1_count == 4 && max_depth == 1, "deferred self-raise");

	install(SIGUSR1, on_usr1, SA_NODEFER, 0);
	raise_inside = 1;
	max_depth = 0;
	raise(SIGUSR1);
	printf("with SA_NODEFER: max nesting %d\n", (int)max_depth);
	CHECK(usr1_count == 6 && max_depth == 2, "SA_NODEFER nesting");

	/* kill to self and pthread_kill to self */
	CHECK(kill(getpid(), SIGUSR2) == 0, "kill");
	CHECK(pthread_kill(pthread_self(), SIGUSR2) == 0, "pthread_kill");
	printf("kill and pthread_kill to self: SIGUSR2 handled %d times\n", (int)usr2_count);
	CHECK(usr2_count == 2, "kill delivery");

	/* SIG_IGN */
	signal(SIGUSR2, SIG_IGN);
	raise(SIGUSR2);
	printf("ignored SIGUSR2: handler count still %d\n", (int)usr2_count);
	CHECK(usr2_count == 2, "SIG_IGN");

	/* old action is reported back */
	struct sigaction old;
	sigaction(SIGUSR1, NULL, &old);
	printf("sigaction reports the installed handler: %s, SA_NODEFER set: %s\n",
	       old.sa_handler == on_usr1 ? "yes" : "no", (old.sa_flags & SA_NODEFER) ? "yes" : "no");
	CHECK(old.sa_handler == on_usr1 && (old.sa_flags & SA_NODEFER), "old action");

	/* a signal handler is process-wide: another thread exists, delivery still works */
	pthread_t t;
	pthread_create(&t, NULL, thread_fn, NULL);
	pthread_join(t, NULL);
	raise(SIGUSR1);
	CHECK(usr1_count == 7, "raise after a thread");

	/* invalid signal numbers */
	errno = 0;
	CHECK(sigaction(SIGKILL, &(struct sigaction){ .sa_handler = on_usr2 }, NULL) == -1 &&
		      errno == EINVAL,
	      "sigaction(SIGKILL) is EINVAL");
	errno = 0;
	CHECK(kill(getpid(), 1000) == -1 && errno == EINVAL, "kill bad signal");
	return check_done();
}
