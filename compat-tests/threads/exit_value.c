// threads/exit_value.c - pthread_exit from a function nested inside the
// thread ends the thread at once with the given value (code after it never
// runs); pthread_join receives that value.
#define _GNU_SOURCE
#include <pthread.h>
#include <stdint.h>
#include "compat.h"

static int after_exit;

static __attribute__((noinline)) void level1(void)
{
	pthread_exit((void *)(intptr_t)0x5eed);
}

static __attribute__((noinline)) void level2(void)
{
	level1();
	after_exit = 1;
}

static __attribute__((noinline)) void level3(void)
{
	level2();
	after_exit = 1;
}

static void *work(void *arg)
{
	(void)arg;
	level3();
	after_exit = 2;
	return (void *)1;
}

int main(void)
{
	pthread_t t;
	void *r = NULL;
	pthread_create(&t, NULL, work, NULL);
	pthread_join(t, &r);
	printf("joined value: %#lx\n", (long)(intptr_t)r);
	printf("code after pthread_exit ran: %s\n", after_exit ? "yes" : "no");
	return compat_done();
}
