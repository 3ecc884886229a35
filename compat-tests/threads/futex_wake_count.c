// threads/futex_wake_count.c - FUTEX_WAKE wakes at most the number of
// waiters asked for and returns how many it woke: with 5 threads waiting,
// wake(1) -> 1, wake(2) -> 2, wake(INT_MAX) -> 2, then wake -> 0; every
// woken FUTEX_WAIT returns 0. (wake(0) is futex_wake_zero.c.)
#define _GNU_SOURCE
#include <limits.h>
#include <pthread.h>
#include <stdatomic.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>
#include "compat.h"

#include "futex_abi.h"

#define N 5

static int word;
static atomic_int ready, woke_ok, woke_bad;

static void *waiter(void *arg)
{
	(void)arg;
	atomic_fetch_add(&ready, 1);
	long r = syscall(SYS_futex, &word, FUTEX_WAIT_PRIVATE, 0, NULL, NULL, 0);
	atomic_fetch_add(r == 0 ? &woke_ok : &woke_bad, 1);
	return NULL;
}

static long wake(int n)
{
	return syscall(SYS_futex, &word, FUTEX_WAKE_PRIVATE, n, NULL, NULL, 0);
}

int main(void)
{
	pthread_t t[N];
	for (int i = 0; i < N; i++)
		pthread_create(&t[i], NULL, waiter, NULL);
	while (atomic_load(&ready) < N)
		nanosleep(&(struct timespec){ 0, 1000000 }, NULL);
	nanosleep(&(struct timespec){ 0, 100000000 }, NULL); /* let them all block */
	printf("wake(1): %ld\n", wake(1));
	printf("wake(2): %ld\n", wake(2));
	printf("wake(INT_MAX): %ld\n", wake(INT_MAX));
	printf("wake again: %ld\n", wake(INT_MAX));
	for (int i = 0; i < N; i++)
		pthread_join(t[i], NULL);
	printf("waits returning 0: %d, other: %d\n", atomic_load(&woke_ok), atomic_load(&woke_bad));
	return compat_done();
}
