// threads/robust_notrecoverable.c - if the thread that got EOWNERDEAD
// unlocks the robust mutex without calling pthread_mutex_consistent, the
// mutex becomes unusable: lock and trylock give ENOTRECOVERABLE.
// A trylock (instead of lock) also reports EOWNERDEAD first.
// compat: timeout 20
#define _GNU_SOURCE
#include <pthread.h>
#include "compat.h"

static pthread_mutex_t m;

static void *die_holding(void *arg)
{
	(void)arg;
	pthread_mutex_lock(&m);
	return NULL;
}

int main(void)
{
	pthread_mutexattr_t a;
	pthread_mutexattr_init(&a);
	pthread_mutexattr_setrobust(&a, PTHREAD_MUTEX_ROBUST);
	pthread_mutex_init(&m, &a);
	pthread_t t;
	pthread_create(&t, NULL, die_holding, NULL);
	pthread_join(t, NULL);
	printf("trylock after the owner died: %s\n", errno_name(pthread_mutex_trylock(&m)));
	printf("unlock without consistent: %s\n", errno_name(pthread_mutex_unlock(&m)));
	printf("lock: %s\n", errno_name(pthread_mutex_lock(&m)));
	printf("trylock: %s\n", errno_name(pthread_mutex_trylock(&m)));
	return compat_done();
}
