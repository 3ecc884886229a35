// threads/attr_setstack.c - a thread created with pthread_attr_setstack
// runs on the caller's buffer: a local variable of the thread lies inside
// it; pthread_getattr_np in the thread reports that stack.
#define _GNU_SOURCE
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include "compat.h"

#define SZ (256 * 1024)
static char *stack;

static void *where(void *arg)
{
	(void)arg;
	int local = 0;
	pthread_attr_t a;
	void *base = NULL;
	size_t size = 0;
	int inside_attr = 0;
	if (pthread_getattr_np(pthread_self(), &a) == 0) {
		pthread_attr_getstack(&a, &base, &size);
		inside_attr = (char *)&local >= (char *)base && (char *)&local < (char *)base + size;
		pthread_attr_destroy(&a);
	}
	int inside = (char *)&local >= stack && (char *)&local < stack + SZ;
	return (void *)(intptr_t)(inside * 2 + inside_attr);
}

int main(void)
{
	stack = aligned_alloc(4096, SZ);
	pthread_attr_t a;
	pthread_attr_init(&a);
	printf("setstack: %s\n", errno_name(pthread_attr_setstack(&a, stack, SZ)));
	void *b;
	size_t s;
	pthread_attr_getstack(&a, &b, &s);
	printf("reads back: %s\n", b == stack && s == SZ ? "yes" : "no");
	pthread_t t;
	void *r;
	pthread_create(&t, &a, where, NULL);
	pthread_join(t, &r);
	printf("local inside the buffer: %s\n", (intptr_t)r & 2 ? "yes" : "no");
	printf("local inside getattr_np's stack: %s\n", (intptr_t)r & 1 ? "yes" : "no");
	pthread_attr_destroy(&a);
	free(stack);
	return compat_done();
}
