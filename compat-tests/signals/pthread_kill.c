// signals/pthread_kill.c - pthread_kill delivers to the given thread (the
// handler runs there); signal 0 checks the thread exists (0); an invalid
// signal returns EINVAL (an error number, errno untouched).
#define _GNU_SOURCE
#include <pthread.h>
#include <semaphore.h>
#include <signal.h>
#include "compat.h"

static pthread_t target;
static volatile int on_target;
static sem_t ready, done;

static void h(int sig)
{
	(void)sig;
	on_target = pthread_equal(pthread_self(), target);
	sem_post(&done);
}

static void *work(void *arg)
{
	(void)arg;
	sem_post(&ready);
	while (sem_wait(&done) != 0)
		;
	return NULL;
}

int main(void)
{
	sem_init(&ready, 0, 0);
	sem_init(&done, 0, 0);
	signal(SIGUSR2, h);
	pthread_create(&target, NULL, work, NULL);
	sem_wait(&ready);
	printf("pthread_kill(t, 0): %s\n", errno_name(pthread_kill(target, 0)));
	errno = 0;
	printf("pthread_kill(t, 999): %s, errno untouched: %s\n", errno_name(pthread_kill(target, 999)),
	       errno == 0 ? "yes" : "no");
	printf("pthread_kill(t, SIGUSR2): %s\n", errno_name(pthread_kill(target, SIGUSR2)));
	pthread_join(target, NULL);
	printf("ran on the target: %s\n", on_target ? "yes" : "no");
	printf("pthread_kill(self, SIGUSR2): %s, handler on main: %s\n", errno_name(pthread_kill(pthread_self(), SIGUSR2)),
	       on_target ? "no" : "yes");
	return compat_done();
}
