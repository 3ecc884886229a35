// threads/mutex_counter.c - 4 threads each add 1 to a shared counter
// 20000 times under a default mutex (yielding now and then inside the
// critical section); the final count is exact.
#define _GNU_SOURCE
#include <pthread.h>
#include <sched.h>
#include "compat.h"

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static volatile long counter;

static void *work(void *arg)
{
	(void)arg;
	for (int i = 0; i < 20000; i++) {
		pthread_mutex_lock(&m);
		long v = counter;
		if (i % 1000 == 0)
			sched_yield();
		counter = v + 1;
		pthread_mutex_unlock(&m);
	}
	return NULL;
}

int main(void)
{
	pthread_t t[4];
	for (int i = 0; i < 4; i++)
		CHECK(pthread_create(&t[i], NULL, work, NULL) == 0, "create");
	for (int i = 0; i < 4; i++)
		pthread_join(t[i], NULL);
	printf("counter: %ld\n", counter);
	printf("destroy: %s\n", errno_name(pthread_mutex_destroy(&m)));
	return compat_done();
}
