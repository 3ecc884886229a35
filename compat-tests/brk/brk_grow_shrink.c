// brk/brk_grow_shrink.c - the brk system call moves the break up by 64 KiB
// and down again, returning the new break each time; the grown memory is
// zero-filled and writable on every page.
#define _GNU_SOURCE
#include <stdint.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "compat.h"

int main(void)
{
	printf("start\n");
	/* nothing below may call malloc until the break is back where it was */
	char *base = (char *)syscall(SYS_brk, 0);
	size_t n = 64 * 1024;
	char *top = (char *)syscall(SYS_brk, base + n);
	int grew = top == base + n;
	long nz = 0, bad = 0;
	if (grew) {
		for (size_t i = 0; i < n; i++)
			nz += base[i] != 0;
		for (size_t i = 0; i < n; i++)
			base[i] = (char)(i * 3);
		for (size_t i = 0; i < n; i++)
			bad += base[i] != (char)(i * 3);
	}
	char *down = (char *)syscall(SYS_brk, base);
	char *now = (char *)syscall(SYS_brk, 0);
	printf("grew by 64 KiB: %s\n", grew ? "yes" : "no");
	printf("new memory zero: %s, written back: %s\n", nz ? "no" : "yes", bad ? "no" : "yes");
	printf("shrunk to the old break: %s, brk(0) agrees: %s\n", down == base ? "yes" : "no",
	       now == base ? "yes" : "no");
	return compat_done();
}
