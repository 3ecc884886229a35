// signals/sigwait_thread.c - a thread that blocks SIGUSR1 everywhere and
// waits for it with sigwaitinfo receives it when the main thread sends it
// with kill() to the process 30 ms later; the handler never runs.
#define _GNU_SOURCE
#include <pthread.h>
#include <signal.h>
#include <time.h>
#include <unistd.h>
#include "compat.h"

static volatile int calls;
static void h(int sig) { (void)sig; calls++; }

static void *waiter(void *arg)
{
	sigset_t *s = arg;
	siginfo_t si;
	int r = sigwaitinfo(s, &si);
	return (void *)(long)(r == SIGUSR1 && si.si_code == SI_USER);
}

int main(void)
{
	signal(SIGUSR1, h);
	static sigset_t s;
	sigemptyset(&s);
	sigaddset(&s, SIGUSR1);
	pthread_sigmask(SIG_BLOCK, &s, NULL); /* inherited by the waiter */
	pthread_t t;
	pthread_create(&t, NULL, waiter, &s);
	nanosleep(&(struct timespec){ 0, 30000000 }, NULL);
	kill(getpid(), SIGUSR1);
	void *r;
	pthread_join(t, &r);
	printf("waiter got SIGUSR1 with SI_USER: %s\n", r ? "yes" : "no");
	printf("handler calls: %d\n", calls);
	return compat_done();
}
