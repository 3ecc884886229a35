// threads/cond_signal.c - a producer hands 1000 items one at a time to a
// consumer through a mutex and two condition variables (pthread_cond_signal
// / pthread_cond_wait in a predicate loop); every item arrives in order.
#define _GNU_SOURCE
#include <pthread.h>
#include "compat.h"

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t not_empty = PTHREAD_COND_INITIALIZER, not_full = PTHREAD_COND_INITIALIZER;
static int full, item;

static void *consumer(void *arg)
{
	long out_of_order = 0, sum = 0;
	for (int i = 0; i < 1000; i++) {
		pthread_mutex_lock(&m);
		while (!full)
			pthread_cond_wait(&not_empty, &m);
		out_of_order += item != i;
		sum += item;
		full = 0;
		pthread_cond_signal(&not_full);
		pthread_mutex_unlock(&m);
	}
	((long *)arg)[0] = out_of_order;
	((long *)arg)[1] = sum;
	return NULL;
}

int main(void)
{
	long res[2];
	pthread_t t;
	pthread_create(&t, NULL, consumer, res);
	for (int i = 0; i < 1000; i++) {
		pthread_mutex_lock(&m);
		while (full)
			pthread_cond_wait(&not_full, &m);
		item = i;
		full = 1;
		pthread_cond_signal(&not_empty);
		pthread_mutex_unlock(&m);
	}
	pthread_join(t, NULL);
	printf("out of order: %ld, sum: %ld\n", res[0], res[1]);
	printf("destroy: %s %s\n", errno_name(pthread_cond_destroy(&not_empty)), errno_name(pthread_cond_destroy(&not_full)));
	return compat_done();
}
