// threads/barrier.c - a barrier for 5 threads: in each of 3 rounds exactly
// one waiter gets PTHREAD_BARRIER_SERIAL_THREAD and none passes before all
// arrived; a count of 0 gives EINVAL.
#define _GNU_SOURCE
#include <pthread.h>
#include <stdatomic.h>
#include "compat.h"

#define N 5

static pthread_barrier_t b;
static atomic_int arrived[3], serial[3], early;

static void *work(void *arg)
{
	(void)arg;
	for (int r = 0; r < 3; r++) {
		atomic_fetch_add(&arrived[r], 1);
		int s = pthread_barrier_wait(&b);
		if (atomic_load(&arrived[r]) != N)
			atomic_fetch_add(&early, 1);
		if (s == PTHREAD_BARRIER_SERIAL_THREAD)
			atomic_fetch_add(&serial[r], 1);
		else if (s != 0)
			atomic_fetch_add(&early, 100);
	}
	return NULL;
}

int main(void)
{
	pthread_barrier_t z;
	printf("count 0: %s\n", errno_name(pthread_barrier_init(&z, NULL, 0)));
	CHECK(pthread_barrier_init(&b, NULL, N) == 0, "init");
	pthread_t t[N - 1];
	for (int i = 0; i < N - 1; i++)
		pthread_create(&t[i], NULL, work, NULL);
	work(NULL);
	for (int i = 0; i < N - 1; i++)
		pthread_join(t[i], NULL);
	for (int r = 0; r < 3; r++)
		printf("round %d: serial threads %d\n", r, atomic_load(&serial[r]));
	printf("passed early: %d\n", atomic_load(&early));
	printf("destroy: %s\n", errno_name(pthread_barrier_destroy(&b)));
	return compat_done();
}
