// threads/spinlock.c - pthread spinlocks: 4 threads incrementing a counter
// under one lose nothing; pthread_spin_trylock on a held lock gives EBUSY
// and on a free one 0.
#define _GNU_SOURCE
#include <pthread.h>
#include "compat.h"

static pthread_spinlock_t sl;
static long counter;

static void *work(void *arg)
{
	(void)arg;
	for (int i = 0; i < 20000; i++) {
		pthread_spin_lock(&sl);
		counter++;
		pthread_spin_unlock(&sl);
	}
	return NULL;
}

int main(void)
{
	printf("init: %s\n", errno_name(pthread_spin_init(&sl, PTHREAD_PROCESS_PRIVATE)));
	pthread_t t[4];
	for (int i = 0; i < 4; i++)
		pthread_create(&t[i], NULL, work, NULL);
	for (int i = 0; i < 4; i++)
		pthread_join(t[i], NULL);
	printf("counter: %ld\n", counter);
	printf("lock: %s\n", errno_name(pthread_spin_lock(&sl)));
	printf("trylock while held: %s\n", errno_name(pthread_spin_trylock(&sl)));
	printf("unlock: %s\n", errno_name(pthread_spin_unlock(&sl)));
	printf("trylock when free: %s\n", errno_name(pthread_spin_trylock(&sl)));
	pthread_spin_unlock(&sl);
	printf("destroy: %s\n", errno_name(pthread_spin_destroy(&sl)));
	return compat_done();
}
