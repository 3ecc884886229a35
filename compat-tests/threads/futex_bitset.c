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

#include "futex_abi.h"

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
