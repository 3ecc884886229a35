// threads/rwlock_readers.c - read locks are shared: 4 threads all hold the
// read lock at the same moment (each waits, holding it, until all 4 are
// inside); the same thread may take the read lock twice.
#define _GNU_SOURCE
#include <pthread.h>
#include <stdatomic.h>
#include <time.h>
#include "compat.h"

#define N 4

static pthread_rwlock_t rw = PTHREAD_RWLOCK_INITIALIZER;
static atomic_int inside, max_inside;

static void *reader(void *arg)
{
	(void)arg;
	pthread_rwlock_rdlock(&rw);
	int n = atomic_fetch_add(&inside, 1) + 1;
	int m = atomic_load(&max_inside);
	while (n > m && !atomic_compare_exchange_weak(&max_inside, &m, n))
		;
	/* wait (bounded) until everyone is inside */
	struct timespec d = { 0, 1000000 };
	for (int i = 0; i < 5000 && atomic_load(&max_inside) < N; i++)
		nanosleep(&d, NULL);
	atomic_fetch_sub(&inside, 1);
	pthread_rwlock_unlock(&rw);
	return NULL;
}

int main(void)
{
	pthread_t t[N];
	for (int i = 0; i < N; i++)
		pthread_create(&t[i], NULL, reader, NULL);
	for (int i = 0; i < N; i++)
		pthread_join(t[i], NULL);
	printf("readers inside at once: %d\n", atomic_load(&max_inside));
	printf("rdlock: %s\n", errno_name(pthread_rwlock_rdlock(&rw)));
	printf("rdlock again: %s\n", errno_name(pthread_rwlock_rdlock(&rw)));
	printf("unlock: %s\n", errno_name(pthread_rwlock_unlock(&rw)));
	printf("unlock: %s\n", errno_name(pthread_rwlock_unlock(&rw)));
	printf("destroy: %s\n", errno_name(pthread_rwlock_destroy(&rw)));
	return compat_done();
}
