// threads/tsd_destructor.c - thread-specific data: each thread sees its own
// value for a key (NULL until set), the key's destructor runs at thread
// exit with that thread's value, not for threads that left it NULL, and
// not for the main thread's value while it keeps running.
#define _GNU_SOURCE
#include <pthread.h>
#include <stdint.h>
#include "compat.h"

static pthread_key_t key;
static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static long destructed_sum;
static int destructed_calls;

static void destroy(void *v)
{
	pthread_mutex_lock(&m);
	destructed_sum += (intptr_t)v;
	destructed_calls++;
	pthread_mutex_unlock(&m);
}

static void *work(void *arg)
{
	intptr_t i = (intptr_t)arg;
	int was_null = pthread_getspecific(key) == NULL;
	if (i != 0) /* thread 0 leaves its value NULL */
		pthread_setspecific(key, (void *)(i * 10));
	int own = (intptr_t)pthread_getspecific(key) == i * 10;
	return (void *)(intptr_t)(was_null && own);
}

int main(void)
{
	CHECK(pthread_key_create(&key, destroy) == 0, "key_create");
	pthread_setspecific(key, (void *)1000);
	pthread_t t[5];
	for (intptr_t i = 0; i < 5; i++)
		pthread_create(&t[i], NULL, work, (void *)i);
	int good = 0;
	for (int i = 0; i < 5; i++) {
		void *r;
		pthread_join(t[i], &r);
		good += (intptr_t)r;
	}
	printf("threads that saw NULL then their own value: %d\n", good);
	printf("destructor calls: %d, sum of values: %ld\n", destructed_calls, destructed_sum);
	printf("main's value kept: %ld\n", (long)(intptr_t)pthread_getspecific(key));
	printf("key_delete: %s\n", errno_name(pthread_key_delete(key)));
	return compat_done();
}
