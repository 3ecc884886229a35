// threads/tsd_many_keys.c - 100 keys can be created and hold independent
// values; a deleted key's slot is reusable; a destructor that sets the
// value again is called again (up to PTHREAD_DESTRUCTOR_ITERATIONS).
#define _GNU_SOURCE
#include <limits.h>
#include <pthread.h>
#include <stdint.h>
#include "compat.h"

static pthread_key_t keys[100], again_key;
static int again_calls;

static void again(void *v)
{
	again_calls++;
	if ((intptr_t)v < 3)
		pthread_setspecific(again_key, (void *)((intptr_t)v + 1));
}

static void *work(void *arg)
{
	(void)arg;
	pthread_setspecific(again_key, (void *)1);
	return NULL;
}

int main(void)
{
	int made = 0;
	for (int i = 0; i < 100; i++)
		made += pthread_key_create(&keys[i], NULL) == 0;
	printf("keys created: %d\n", made);
	for (intptr_t i = 0; i < 100; i++)
		pthread_setspecific(keys[i], (void *)(i + 1));
	int bad = 0;
	for (intptr_t i = 0; i < 100; i++)
		bad += (intptr_t)pthread_getspecific(keys[i]) != i + 1;
	printf("wrong values: %d\n", bad);
	for (int i = 0; i < 100; i++)
		pthread_key_delete(keys[i]);
	pthread_key_t k;
	CHECK(pthread_key_create(&k, NULL) == 0, "recreate");
	printf("fresh key value is NULL: %s\n", pthread_getspecific(k) == NULL ? "yes" : "no");
	printf("PTHREAD_DESTRUCTOR_ITERATIONS >= 4: %s\n", PTHREAD_DESTRUCTOR_ITERATIONS >= 4 ? "yes" : "no");
	pthread_key_create(&again_key, again);
	pthread_t t;
	pthread_create(&t, NULL, work, NULL);
	pthread_join(t, NULL);
	printf("re-arming destructor called: %d times\n", again_calls);
	return compat_done();
}
