// threads/sem_threads.c - semaphores between threads: a consumer blocked
// in sem_wait is woken by each sem_post of a producer; 4 producers post
// 500 times each and the consumer gets exactly 2000 wake-ups.
#define _GNU_SOURCE
#include <pthread.h>
#include <semaphore.h>
#include "compat.h"

static sem_t s;

static void *producer(void *arg)
{
	(void)arg;
	for (int i = 0; i < 500; i++)
		sem_post(&s);
	return NULL;
}

int main(void)
{
	sem_init(&s, 0, 0);
	pthread_t t[4];
	for (int i = 0; i < 4; i++)
		pthread_create(&t[i], NULL, producer, NULL);
	int got = 0;
	for (int i = 0; i < 2000; i++)
		got += sem_wait(&s) == 0;
	for (int i = 0; i < 4; i++)
		pthread_join(t[i], NULL);
	int v = -1;
	sem_getvalue(&s, &v);
	printf("wake-ups: %d, left: %d\n", got, v);
	CHECK_ERR(sem_trywait(&s), EAGAIN);
	return compat_done();
}
