// signals/sigsuspend_thread.c - the main thread sleeps in sigsuspend (the
// signal blocked otherwise) until another thread sends it SIGUSR1 with
// pthread_kill 50 ms later; it wakes with EINTR after its handler ran.
#define _GNU_SOURCE
#include <pthread.h>
#include <signal.h>
#include <time.h>
#include "compat.h"

static volatile int calls;
static pthread_t main_thread;
static void h(int sig) { (void)sig; calls++; }

static void *sender(void *arg)
{
	(void)arg;
	nanosleep(&(struct timespec){ 0, 50000000 }, NULL);
	pthread_kill(main_thread, SIGUSR1);
	return NULL;
}

int main(void)
{
	signal(SIGUSR1, h);
	main_thread = pthread_self();
	sigset_t b, empty;
	sigemptyset(&b);
	sigaddset(&b, SIGUSR1);
	pthread_sigmask(SIG_BLOCK, &b, NULL);
	pthread_t t;
	pthread_create(&t, NULL, sender, NULL);
	sigemptyset(&empty);
	CHECK_ERR(sigsuspend(&empty), EINTR);
	printf("handler calls: %d\n", calls);
	pthread_join(t, NULL);
	return compat_done();
}
