// threads/futex_wake_op.c - FUTEX_WAKE_OP: atomically applies the
// operation to word 2 (here: set to 1, then compare the old value == 0),
// wakes up to val waiters on word 1 and, because the comparison held, up
// to val2 waiters on word 2; returns the total woken. A second call finds
// the old value 1, so word 2's waiters stay asleep.
#define _GNU_SOURCE
#include <limits.h>
#include <pthread.h>
#include <stdatomic.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>
#include "compat.h"

#include "futex_abi.h"

static int w1, w2;
static atomic_int ready;

static void *wait_on(void *arg)
{
	atomic_fetch_add(&ready, 1);
	syscall(SYS_futex, arg, FUTEX_WAIT_PRIVATE, 0, NULL, NULL, 0);
	return NULL;
}

int main(void)
{
	pthread_t t[4];
	pthread_create(&t[0], NULL, wait_on, &w1);
	pthread_create(&t[1], NULL, wait_on, &w1);
	pthread_create(&t[2], NULL, wait_on, &w2);
	pthread_create(&t[3], NULL, wait_on, &w2);
	while (atomic_load(&ready) < 4)
		nanosleep(&(struct timespec){ 0, 1000000 }, NULL);
	nanosleep(&(struct timespec){ 0, 100000000 }, NULL);
	int op = FUTEX_OP(FUTEX_OP_SET, 1, FUTEX_OP_CMP_EQ, 0);
	long r = syscall(SYS_futex, &w1, FUTEX_WAKE_OP_PRIVATE, 1, (void *)1L, &w2, op);
	printf("first wake_op (old value 0): woke %ld, word 2 now %d\n", r, w2);
	/* w2 is 1 now: the remaining w2 waiter would see a changed value, but it
	 * is already asleep; the comparison fails this time */
	r = syscall(SYS_futex, &w1, FUTEX_WAKE_OP_PRIVATE, 1, (void *)1L, &w2, op);
	printf("second wake_op (old value 1): woke %ld\n", r);
	printf("wake the rest of word 2: %ld\n", syscall(SYS_futex, &w2, FUTEX_WAKE_PRIVATE, INT_MAX, NULL, NULL, 0));
	for (int i = 0; i < 4; i++)
		pthread_join(t[i], NULL);
	return compat_done();
}
