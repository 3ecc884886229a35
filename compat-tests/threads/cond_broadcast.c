// threads/cond_broadcast.c - 8 threads wait on one condition variable;
// once all are waiting (counted under the mutex) a single
// pthread_cond_broadcast wakes every one of them.
#define _GNU_SOURCE
#include <pthread.h>
#include "compat.h"

#define N 8

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t go = PTHREAD_COND_INITIALIZER, arrived = PTHREAD_COND_INITIALIZER;
static int waiting, woken, released;

static void *waiter(void *arg)
{
	(void)arg;
	pthread_mutex_lock(&m);
	waiting++;
	pthread_cond_signal(&arrived);
	while (!released)
		pthread_cond_wait(&go, &m);
	woken++;
	pthread_mutex_unlock(&m);
	return NULL;
}

int main(void)
{
	pthread_t t[N];
	for (int i = 0; i < N; i++)
		pthread_create(&t[i], NULL, waiter, NULL);
	pthread_mutex_lock(&m);
	while (waiting < N)
		pthread_cond_wait(&arrived, &m);
	released = 1;
	printf("broadcast: %s\n", errno_name(pthread_cond_broadcast(&go)));
	pthread_mutex_unlock(&m);
	for (int i = 0; i < N; i++)
		pthread_join(t[i], NULL);
	printf("woken: %d of %d\n", woken, N);
	return compat_done();
}
