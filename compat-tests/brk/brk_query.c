// brk/brk_query.c - the brk system call with 0 returns the current break,
// the same value on every call and the same as sbrk(0).
#define _GNU_SOURCE
#include <stdint.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "compat.h"

int main(void)
{
	printf("start\n"); /* stdio's buffer is allocated before any break is taken */
	uintptr_t a = (uintptr_t)syscall(SYS_brk, 0);
	uintptr_t b = (uintptr_t)syscall(SYS_brk, 0);
	uintptr_t s = (uintptr_t)sbrk(0);
	printf("brk(0) stable: %s\n", a == b ? "yes" : "no");
	printf("sbrk(0) equals brk(0): %s\n", s == a ? "yes" : "no");
	return compat_done();
}
