// threads/create_join.c - pthread_create returns 0 and runs the start
// routine with its argument; pthread_join returns 0 and hands back the
// routine's return value (a NULL retval pointer is allowed).
#define _GNU_SOURCE
#include <pthread.h>
#include <stdint.h>
#include "compat.h"

static void *twice(void *arg)
{
	return (void *)(2 * (intptr_t)arg);
}

int main(void)
{
	pthread_t t;
	int r = pthread_create(&t, NULL, twice, (void *)21);
	printf("pthread_create: %s\n", errno_name(r));
	void *ret = NULL;
	r = pthread_join(t, &ret);
	printf("pthread_join: %s, value %ld\n", errno_name(r), (long)(intptr_t)ret);
	/* a NULL retval pointer is allowed */
	CHECK(pthread_create(&t, NULL, twice, (void *)1) == 0, "create");
	printf("join with NULL: %s\n", errno_name(pthread_join(t, NULL)));
	return compat_done();
}
