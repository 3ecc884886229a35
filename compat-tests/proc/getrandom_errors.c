/*
 * getrandom_errors.c - getrandom(2)'s errors, through the raw system call:
 * unknown flag bits and GRND_RANDOM together with GRND_INSECURE fail
 * with EINVAL; a buffer outside the address space fails with EFAULT.
 */
#include <sys/random.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "compat.h"

#ifndef GRND_INSECURE
#define GRND_INSECURE 0x0004
#endif

int main(void)
{
	unsigned char buf[16];
	CHECK_ERR(syscall(SYS_getrandom, buf, sizeof buf, 0x100), EINVAL);
	CHECK_ERR(syscall(SYS_getrandom, buf, sizeof buf, -1), EINVAL);
	CHECK_ERR(syscall(SYS_getrandom, buf, sizeof buf, GRND_RANDOM | GRND_INSECURE), EINVAL);
	CHECK_ERR(syscall(SYS_getrandom, (void *)8, sizeof buf, 0), EFAULT);
	printf("GRND_INSECURE alone: %ld\n", syscall(SYS_getrandom, buf, sizeof buf, GRND_INSECURE));
	return compat_done();
}
