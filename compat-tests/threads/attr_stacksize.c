// threads/attr_stacksize.c - pthread_attr_setstacksize: a size below
// PTHREAD_STACK_MIN gives EINVAL; a 1 MiB stack reads back and a thread
// created with it can use 900 KiB of it (a deep local array).
#define _GNU_SOURCE
#include <limits.h>
#include <pthread.h>
#include "compat.h"

static void *use_stack(void *arg)
{
	(void)arg;
	volatile char big[900 * 1024];
	for (size_t i = 0; i < sizeof big; i += 4096)
		big[i] = (char)i;
	long sum = 0;
	for (size_t i = 0; i < sizeof big; i += 4096)
		sum += big[i] == (char)i;
	return (void *)sum;
}

int main(void)
{
	pthread_attr_t a;
	pthread_attr_init(&a);
	printf("below PTHREAD_STACK_MIN: %s\n", errno_name(pthread_attr_setstacksize(&a, PTHREAD_STACK_MIN - 1)));
	printf("1 MiB: %s\n", errno_name(pthread_attr_setstacksize(&a, 1 << 20)));
	size_t sz = 0;
	pthread_attr_getstacksize(&a, &sz);
	printf("reads back: %zu\n", sz);
	pthread_t t;
	void *r = NULL;
	printf("create: %s\n", errno_name(pthread_create(&t, &a, use_stack, NULL)));
	pthread_join(t, &r);
	printf("pages used and read back: %ld\n", (long)r);
	pthread_attr_destroy(&a);
	return compat_done();
}
