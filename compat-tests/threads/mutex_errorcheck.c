// threads/mutex_errorcheck.c - a PTHREAD_MUTEX_ERRORCHECK mutex reports
// misuse: relocking by the owner gives EDEADLK, unlocking by a thread that
// does not own it gives EPERM (and the owner still holds it), unlocking
// an unlocked mutex gives EPERM.
#define _GNU_SOURCE
#include <pthread.h>
#include "compat.h"

static pthread_mutex_t m;

static void *unlock_it(void *arg)
{
	(void)arg;
	return (void *)(long)pthread_mutex_unlock(&m);
}

int main(void)
{
	pthread_mutexattr_t a;
	pthread_mutexattr_init(&a);
	pthread_mutexattr_settype(&a, PTHREAD_MUTEX_ERRORCHECK);
	pthread_mutex_init(&m, &a);
	printf("lock: %s\n", errno_name(pthread_mutex_lock(&m)));
	printf("relock: %s\n", errno_name(pthread_mutex_lock(&m)));
	printf("trylock by owner: %s\n", errno_name(pthread_mutex_trylock(&m)));
	pthread_t t;
	void *r;
	pthread_create(&t, NULL, unlock_it, NULL);
	pthread_join(t, &r);
	printf("unlock by another thread: %s\n", errno_name((int)(long)r));
	printf("unlock by owner: %s\n", errno_name(pthread_mutex_unlock(&m)));
	printf("unlock when unlocked: %s\n", errno_name(pthread_mutex_unlock(&m)));
	pthread_mutex_destroy(&m);
	return compat_done();
}
