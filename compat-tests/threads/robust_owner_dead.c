// threads/robust_owner_dead.c - a robust mutex whose owner thread ends
// without unlocking it: the next pthread_mutex_lock gets EOWNERDEAD and
// owns the mutex; after pthread_mutex_consistent and unlock it works
// normally again (lock returns 0).
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
	printf("setrobust: %s\n", errno_name(pthread_mutexattr_setrobust(&a, PTHREAD_MUTEX_ROBUST)));
	int rb = -1;
	pthread_mutexattr_getrobust(&a, &rb);
	printf("reads back robust: %s\n", rb == PTHREAD_MUTEX_ROBUST ? "yes" : "no");
	pthread_mutex_init(&m, &a);
	pthread_t t;
	pthread_create(&t, NULL, die_holding, NULL);
	pthread_join(t, NULL);
	printf("lock after the owner died: %s\n", errno_name(pthread_mutex_lock(&m)));
	printf("consistent: %s\n", errno_name(pthread_mutex_consistent(&m)));
	printf("unlock: %s\n", errno_name(pthread_mutex_unlock(&m)));
	printf("lock again: %s\n", errno_name(pthread_mutex_lock(&m)));
	printf("unlock: %s\n", errno_name(pthread_mutex_unlock(&m)));
	return compat_done();
}
