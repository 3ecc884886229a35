// threads/many_threads.c - 50 threads started at once each write their own
// slot of a shared array (index and a value computed from it); after all
// are joined every slot holds the right value.
#define _GNU_SOURCE
#include <pthread.h>
#include <stdint.h>
#include "compat.h"

#define N 50

static long slot[N];

static void *work(void *arg)
{
	intptr_t i = (intptr_t)arg;
	long v = 0;
	for (int k = 0; k <= i; k++)
		v += k * k;
	slot[i] = v;
	return NULL;
}

int main(void)
{
	pthread_t t[N];
	int created = 0;
	for (intptr_t i = 0; i < N; i++)
		created += pthread_create(&t[i], NULL, work, (void *)i) == 0;
	printf("created: %d\n", created);
	int joined = 0;
	for (int i = 0; i < N; i++)
		joined += pthread_join(t[i], NULL) == 0;
	printf("joined: %d\n", joined);
	int bad = 0;
	for (long i = 0; i < N; i++)
		bad += slot[i] != i * (i + 1) * (2 * i + 1) / 6;
	printf("wrong slots: %d\n", bad);
	return compat_done();
}
