// brk/brk_shrink_regrow.c - memory given back by lowering the break is
// gone: growing the break again over the same pages yields zeros, not the
// old contents.
#define _GNU_SOURCE
#include <stdint.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "compat.h"

int main(void)
{
	printf("start\n");
	long pg = sysconf(_SC_PAGESIZE);
	/* start from a page-aligned break so that whole pages are released */
	char *base = (char *)syscall(SYS_brk, 0);
	char *al = (char *)(((uintptr_t)base + pg - 1) & ~(uintptr_t)(pg - 1));
	size_t n = 8 * pg;
	char *top = (char *)syscall(SYS_brk, al + n);
	int ok1 = top == al + n;
	if (ok1)
		memset(al, 0x5a, n);
	char *down = (char *)syscall(SYS_brk, al);
	char *up = (char *)syscall(SYS_brk, al + n);
	long nz = 0;
	if (up == al + n)
		for (size_t i = 0; i < n; i++)
			nz += al[i] != 0;
	char *restored = (char *)syscall(SYS_brk, base);
	printf("grow: %s, shrink: %s, regrow: %s\n", ok1 ? "yes" : "no", down == al ? "yes" : "no",
	       up == al + n ? "yes" : "no");
	printf("nonzero bytes after regrow: %ld\n", nz);
	printf("restored: %s\n", restored == base ? "yes" : "no");
	return compat_done();
}
