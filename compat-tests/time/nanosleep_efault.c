// time/nanosleep_efault.c - the nanosleep system call with an unreadable
// request pointer fails with EFAULT (called directly: libc wrappers may
// touch the pointer themselves).
#define _GNU_SOURCE
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>
#include "compat.h"

int main(void)
{
	CHECK_ERR(syscall(SYS_nanosleep, (void *)16, NULL), EFAULT);
	CHECK_ERR(syscall(SYS_clock_nanosleep, CLOCK_MONOTONIC, 0, (void *)16, NULL), EFAULT);
	CHECK_ERR(syscall(SYS_clock_gettime, CLOCK_MONOTONIC, (void *)16), EFAULT);
	printf("done\n");
	return compat_done();
}
