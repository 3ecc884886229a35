// threads/tls_initial.c - __thread variables: every new thread starts with
// the initial values (an initialized int, a zero array, a struct), not the
// values another thread stored; each thread's copy has its own address.
#define _GNU_SOURCE
#include <pthread.h>
#include <stdint.h>
#include "compat.h"

static __thread int counter = 42;
static __thread char zeros[256];
static __thread struct {
	long a;
	const char *s;
} st = { 7, "init" };

static void *work(void *arg)
{
	intptr_t i = (intptr_t)arg;
	int nz = 0;
	for (int k = 0; k < 256; k++)
		nz += zeros[k] != 0;
	int ok = counter == 42 && nz == 0 && st.a == 7 && strcmp(st.s, "init") == 0;
	counter = 1000 + i;
	memset(zeros, 0xff, sizeof zeros);
	st.a = i;
	st.s = "changed";
	return (void *)(intptr_t)(ok ? (intptr_t)&counter : 0);
}

int main(void)
{
	counter = -1;
	zeros[0] = 1;
	st.a = -1;
	pthread_t t[6];
	void *addr[6];
	for (intptr_t i = 0; i < 6; i++) {
		/* one after the other: each sees the initial image, not a neighbour's */
		pthread_create(&t[i], NULL, work, (void *)i);
		pthread_join(t[i], &addr[i]);
	}
	int fresh = 0;
	for (int i = 0; i < 6; i++)
		fresh += addr[i] != NULL;
	printf("threads that saw the initial values: %d\n", fresh);
	printf("main's values untouched: %s\n", counter == -1 && zeros[0] == 1 && st.a == -1 ? "yes" : "no");
	printf("thread copy not at main's address: %s\n", addr[0] != (void *)&counter ? "yes" : "no");
	return compat_done();
}
