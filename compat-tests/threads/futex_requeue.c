// threads/futex_requeue.c - FUTEX_CMP_REQUEUE with 4 waiters on word A:
// a wrong expected value gives EAGAIN and moves nobody; with the right
// value, waking 1 and requeueing up to 2 returns 3 (woken + moved); a wake
// on A then finds 1, a wake on B the 2 moved; FUTEX_REQUEUE does the same
// without the compare.
#define _GNU_SOURCE
#include <limits.h>
#include <pthread.h>
#include <stdatomic.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>
#include "compat.h"

#include "futex_abi.h"

#define N 4

static int A, B;
static atomic_int ready;

static void *waiter(void *arg)
{
	(void)arg;
	atomic_fetch_add(&ready, 1);
	syscall(SYS_futex, &A, FUTEX_WAIT_PRIVATE, 0, NULL, NULL, 0);
	return NULL;
}

static long fx(int *u, int op, long val, long val2, int *u2, int val3)
{
	return syscall(SYS_futex, u, op, val, (void *)val2, u2, val3);
}

static void start(pthread_t *t)
{
	atomic_store(&ready, 0);
	for (int i = 0; i < N; i++)
		pthread_create(&t[i], NULL, waiter, NULL);
	while (atomic_load(&ready) < N)
		nanosleep(&(struct timespec){ 0, 1000000 }, NULL);
	nanosleep(&(struct timespec){ 0, 100000000 }, NULL);
}

int main(void)
{
	pthread_t t[N];
	start(t);
	CHECK_ERR(fx(&A, FUTEX_CMP_REQUEUE_PRIVATE, 1, 2, &B, 99), EAGAIN);
	printf("cmp_requeue(wake 1, move 2): %ld\n", fx(&A, FUTEX_CMP_REQUEUE_PRIVATE, 1, 2, &B, 0));
	printf("wake A: %ld\n", fx(&A, FUTEX_WAKE_PRIVATE, INT_MAX, 0, NULL, 0));
	printf("wake B: %ld\n", fx(&B, FUTEX_WAKE_PRIVATE, INT_MAX, 0, NULL, 0));
	for (int i = 0; i < N; i++)
		pthread_join(t[i], NULL);

	start(t);
	printf("requeue(wake 0, move all): %ld\n", fx(&A, FUTEX_REQUEUE_PRIVATE, 0, INT_MAX, &B, 0));
	printf("wake A: %ld\n", fx(&A, FUTEX_WAKE_PRIVATE, INT_MAX, 0, NULL, 0));
	printf("wake B: %ld\n", fx(&B, FUTEX_WAKE_PRIVATE, INT_MAX, 0, NULL, 0));
	for (int i = 0; i < N; i++)
		pthread_join(t[i], NULL);
	return compat_done();
}
