// threads/futex_bitset.c - FUTEX_WAKE_BITSET wakes only waiters whose
// FUTEX_WAIT_BITSET mask shares a bit with its own: a waiter with mask 0x1
// and one with 0x2; waking with 0x4 wakes none, 0x2 wakes one, MATCH_ANY
// the other. A zero bitset gives EINVAL for wait and wake.
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

static int word;
static atomic_int ready, woken_mask;

static void *waiter(void *arg)
{
	int mask = (int)(long)arg;
	atomic_fetch_add(&ready, 1);
	if (syscall(SYS_futex, &word, FUTEX_WAIT_BITSET_PRIVATE, 0, NULL, NULL, mask) == 0)
		atomic_fetch_or(&woken_mask, mask);
	return NULL;
}

static long wake(int mask)
{
	return syscall(SYS_futex, &word, FUTEX_WAKE_BITSET_PRIVATE, INT_MAX, NULL, NULL, mask);
}

int main(void)
{
	CHECK_ERR(syscall(SYS_futex, &word, FUTEX_WAIT_BITSET_PRIVATE, 0, NULL, NULL, 0), EINVAL);
	CHECK_ERR(wake(0), EINVAL);
	pthread_t a, b;
	pthread_create(&a, NULL, waiter, (void *)1L);
	pthread_create(&b, NULL, waiter, (void *)2L);
	while (atomic_load(&ready) < 2)
		nanosleep(&(struct timespec){ 0, 1000000 }, NULL);
	nanosleep(&(struct timespec){ 0, 100000000 }, NULL);
	printf("wake 0x4: %ld\n", wake(0x4));
	printf("wake 0x2: %ld\n", wake(0x2));
	pthread_join(b, NULL);
	printf("woken so far: %#x\n", atomic_load(&woken_mask));
	printf("wake MATCH_ANY: %ld\n", wake(FUTEX_BITSET_MATCH_ANY));
	pthread_join(a, NULL);
	printf("woken: %#x\n", atomic_load(&woken_mask));
	return compat_done();
}
