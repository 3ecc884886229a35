// threads/mutex_recursive.c - a PTHREAD_MUTEX_RECURSIVE mutex can be locked
// three times by its owner and needs three unlocks; while held (at any
// depth) another thread's trylock gets EBUSY; after the last unlock it
// succeeds; unlocking when not the owner gives EPERM.
#define _GNU_SOURCE
#include <pthread.h>
#include "compat.h"

static pthread_mutex_t m;

static void *try_it(void *arg)
{
	(void)arg;
	int r = pthread_mutex_trylock(&m);
	if (r == 0)
		pthread_mutex_unlock(&m);
	return (void *)(long)r;
}

static int other_trylock(void)
{
	pthread_t t;
	void *r;
	pthread_create(&t, NULL, try_it, NULL);
	pthread_join(t, &r);
	return (int)(long)r;
}

int main(void)
{
	pthread_mutexattr_t a;
	pthread_mutexattr_init(&a);
	CHECK(pthread_mutexattr_settype(&a, PTHREAD_MUTEX_RECURSIVE) == 0, "settype");
	int type = -1;
	pthread_mutexattr_gettype(&a, &type);
	printf("type is recursive: %s\n", type == PTHREAD_MUTEX_RECURSIVE ? "yes" : "no");
	pthread_mutex_init(&m, &a);
	printf("lock 1: %s\n", errno_name(pthread_mutex_lock(&m)));
	printf("lock 2: %s\n", errno_name(pthread_mutex_lock(&m)));
	printf("trylock 3: %s\n", errno_name(pthread_mutex_trylock(&m)));
	printf("other thread trylock at depth 3: %s\n", errno_name(other_trylock()));
	printf("unlock: %s\n", errno_name(pthread_mutex_unlock(&m)));
	printf("unlock: %s\n", errno_name(pthread_mutex_unlock(&m)));
	printf("other thread trylock at depth 1: %s\n", errno_name(other_trylock()));
	printf("unlock: %s\n", errno_name(pthread_mutex_unlock(&m)));
	printf("other thread trylock when free: %s\n", errno_name(other_trylock()));
	printf("unlock when not owner: %s\n", errno_name(pthread_mutex_unlock(&m)));
	pthread_mutex_destroy(&m);
	return compat_done();
}
