// threads/futex_wait_timeout.c - FUTEX_WAIT with a relative 30 ms timeout
// and nobody waking fails with ETIMEDOUT no earlier than 30 ms;
// FUTEX_WAIT_BITSET takes an absolute CLOCK_MONOTONIC deadline (or
// CLOCK_REALTIME with FUTEX_CLOCK_REALTIME); a timeout with tv_nsec out of
// range gives EINVAL.
#define _GNU_SOURCE
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>
#include "compat.h"

#include "futex_abi.h"

static int word;

static long long ns(struct timespec t) { return t.tv_sec * 1000000000LL + t.tv_nsec; }

static struct timespec in_ms(clockid_t c, int ms)
{
	struct timespec t;
	clock_gettime(c, &t);
	t.tv_nsec += ms * 1000000L;
	if (t.tv_nsec >= 1000000000) {
		t.tv_nsec -= 1000000000;
		t.tv_sec++;
	}
	return t;
}

int main(void)
{
	struct timespec rel = { 0, 30000000 }, a, b;
	clock_gettime(CLOCK_MONOTONIC, &a);
	CHECK_ERR(syscall(SYS_futex, &word, FUTEX_WAIT_PRIVATE, 0, &rel, NULL, 0), ETIMEDOUT);
	clock_gettime(CLOCK_MONOTONIC, &b);
	printf("relative: not early: %s\n", ns(b) - ns(a) >= 30000000 ? "yes" : "no");

	struct timespec dl = in_ms(CLOCK_MONOTONIC, 30);
	CHECK_ERR(syscall(SYS_futex, &word, FUTEX_WAIT_BITSET_PRIVATE, 0, &dl, NULL, FUTEX_BITSET_MATCH_ANY), ETIMEDOUT);
	clock_gettime(CLOCK_MONOTONIC, &b);
	printf("absolute monotonic: not early: %s\n", ns(b) >= ns(dl) ? "yes" : "no");

	dl = in_ms(CLOCK_REALTIME, 30);
	CHECK_ERR(syscall(SYS_futex, &word, FUTEX_WAIT_BITSET_PRIVATE | FUTEX_CLOCK_REALTIME, 0, &dl, NULL,
			  FUTEX_BITSET_MATCH_ANY), ETIMEDOUT);
	clock_gettime(CLOCK_REALTIME, &b);
	printf("absolute realtime: not early: %s\n", ns(b) >= ns(dl) ? "yes" : "no");

	struct timespec bad = { 0, 1000000000 };
	CHECK_ERR(syscall(SYS_futex, &word, FUTEX_WAIT_PRIVATE, 0, &bad, NULL, 0), EINVAL);
	struct timespec neg = { -1, 0 };
	CHECK_ERR(syscall(SYS_futex, &word, FUTEX_WAIT_PRIVATE, 0, &neg, NULL, 0), EINVAL);
	return compat_done();
}
