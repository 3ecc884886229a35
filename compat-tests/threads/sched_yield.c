// threads/sched_yield.c - sched_yield returns 0; two threads that take
// turns through a shared flag, yielding while it is not their turn, both
// make progress (1000 turns each) on any number of CPUs.
#define _GNU_SOURCE
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include "compat.h"

static atomic_int turn;
static int yields_failed;

static void *player(void *arg)
{
	int me = (int)(long)arg;
	for (int i = 0; i < 1000; i++) {
		while (atomic_load(&turn) != me)
			if (sched_yield() != 0)
				yields_failed++;
		atomic_store(&turn, 1 - me);
	}
	return NULL;
}

int main(void)
{
	printf("sched_yield: %d\n", sched_yield());
	pthread_t a, b;
	pthread_create(&a, NULL, player, (void *)0);
	pthread_create(&b, NULL, player, (void *)1);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	printf("all turns taken, failed yields: %d\n", yields_failed);
	return compat_done();
}
