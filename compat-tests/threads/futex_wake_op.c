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

/* futex(2) ABI constants (musl-gcc has no <linux/futex.h>) */
#define FUTEX_WAIT 0
#define FUTEX_WAKE 1
#define FUTEX_REQUEUE 3
#define FUTEX_CMP_REQUEUE 4
#define FUTEX_WAKE_OP 5
#define FUTEX_WAIT_BITSET 9
#define FUTEX_WAKE_BITSET 10
#define FUTEX_PRIVATE_FLAG 128
#define FUTEX_CLOCK_REALTIME 256
#define FUTEX_WAIT_PRIVATE (FUTEX_WAIT | FUTEX_PRIVATE_FLAG)
#define FUTEX_WAKE_PRIVATE (FUTEX_WAKE | FUTEX_PRIVATE_FLAG)
#define FUTEX_REQUEUE_PRIVATE (FUTEX_REQUEUE | FUTEX_PRIVATE_FLAG)
#define FUTEX_CMP_REQUEUE_PRIVATE (FUTEX_CMP_REQUEUE | FUTEX_PRIVATE_FLAG)
#define FUTEX_WAKE_OP_PRIVATE (FUTEX_WAKE_OP | FUTEX_PRIVATE_FLAG)
#define FUTEX_WAIT_BITSET_PRIVATE (FUTEX_WAIT_BITSET | FUTEX_PRIVATE_FLAG)
#define FUTEX_WAKE_BITSET_PRIVATE (FUTEX_WAKE_BITSET | FUTEX_PRIVATE_FLAG)
#define FUTEX_BITSET_MATCH_ANY 0xffffffff
#define FUTEX_OP_SET 0
#define FUTEX_OP_CMP_EQ 0
#define FUTEX_OP(op, oparg, cmp, cmparg) \
	((((op) & 0xf) << 28) | (((cmp) & 0xf) << 24) | (((oparg) & 0xfff) << 12) | ((cmparg) & 0xfff))

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
