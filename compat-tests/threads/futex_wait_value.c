// threads/futex_wait_value.c - FUTEX_WAIT (and its private form) returns
// EAGAIN at once when the futex word does not hold the expected value.
#define _GNU_SOURCE
#include <sys/syscall.h>
#include <unistd.h>
#include "compat.h"

#include "futex_abi.h"

static int word = 5;

int main(void)
{
	CHECK_ERR(syscall(SYS_futex, &word, FUTEX_WAIT, 4, NULL, NULL, 0), EAGAIN);
	CHECK_ERR(syscall(SYS_futex, &word, FUTEX_WAIT_PRIVATE, 6, NULL, NULL, 0), EAGAIN);
	CHECK_ERR(syscall(SYS_futex, &word, FUTEX_WAIT_BITSET_PRIVATE, 0, NULL, NULL, FUTEX_BITSET_MATCH_ANY), EAGAIN);
	printf("word unchanged: %d\n", word);
	return compat_done();
}
