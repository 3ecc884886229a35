// threads/cancel_cleanup_order.c - cleanup handlers: pthread_cleanup_pop(1)
// runs the handler, pop(0) does not; on cancellation (and on pthread_exit)
// the pushed handlers run in reverse order of pushing.
#define _GNU_SOURCE
#include <pthread.h>
#include <semaphore.h>
#include "compat.h"

static char order[16];
static int n;
static sem_t ready;

static void rec(void *arg)
{
	order[n++] = *(const char *)arg;
}

static void *cancelled(void *arg)
{
	(void)arg;
	pthread_cleanup_push(rec, "a");
	pthread_cleanup_push(rec, "b");
	pthread_cleanup_push(rec, "c");
	sem_post(&ready);
	for (;;)
		pthread_testcancel();
	pthread_cleanup_pop(0);
	pthread_cleanup_pop(0);
	pthread_cleanup_pop(0);
	return NULL;
}

static void *exits(void *arg)
{
	(void)arg;
	pthread_cleanup_push(rec, "x");
	pthread_cleanup_push(rec, "y");
	pthread_exit(NULL);
	pthread_cleanup_pop(0);
	pthread_cleanup_pop(0);
	return NULL;
}

int main(void)
{
	pthread_cleanup_push(rec, "1");
	pthread_cleanup_push(rec, "2");
	pthread_cleanup_pop(1);
	pthread_cleanup_pop(0);
	printf("pop(1) then pop(0): %s\n", order);
	n = 0;
	memset(order, 0, sizeof order);
	sem_init(&ready, 0, 0);
	pthread_t t;
	pthread_create(&t, NULL, cancelled, NULL);
	sem_wait(&ready);
	pthread_cancel(t);
	pthread_join(t, NULL);
	printf("on cancel: %s\n", order);
	n = 0;
	memset(order, 0, sizeof order);
	pthread_create(&t, NULL, exits, NULL);
	pthread_join(t, NULL);
	printf("on pthread_exit: %s\n", order);
	return compat_done();
}
