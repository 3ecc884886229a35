// brk/sbrk_grow_shrink.c - sbrk(n) returns the old break and moves it by
// n; sbrk(-n) gives the memory back; glibc's brk() sets an absolute break.
// (musl's sbrk and brk refuse any change by design: see sbrk_musl.c.)
// compat: skip musl musl's sbrk(n != 0) and brk() always fail with ENOMEM
// compat: skip glibc-linked its libc is the kernel's musl, whose sbrk(n != 0) and brk() always fail with ENOMEM
#define _GNU_SOURCE
#include <stdint.h>
#include <unistd.h>
#include "compat.h"

int main(void)
{
	printf("start\n");
	char *a = sbrk(0);
	char *old = sbrk(4096);
	char *b = sbrk(0);
	int grow_ok = old == a && b == a + 4096;
	if (grow_ok)
		a[4095] = 'x';
	char *old2 = sbrk(-4096);
	char *c = sbrk(0);
	int brk_ok = brk(a + 8192) == 0;
	char *d = sbrk(0);
	int brk_back = brk(a) == 0;
	char *e = sbrk(0);
	printf("sbrk(4096) returned the old break and moved it: %s\n", grow_ok ? "yes" : "no");
	printf("sbrk(-4096) returned the raised break and moved back: %s\n", old2 == b && c == a ? "yes" : "no");
	printf("brk(a+8192): %s, break there: %s\n", brk_ok ? "ok" : "failed", d == a + 8192 ? "yes" : "no");
	printf("brk(a): %s, break there: %s\n", brk_back ? "ok" : "failed", e == a ? "yes" : "no");
	return compat_done();
}
