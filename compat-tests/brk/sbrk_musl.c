// brk/sbrk_musl.c - musl keeps the break for its allocator: sbrk(0) reports
// the break, but sbrk with a non-zero increment and brk() fail with ENOMEM
// and leave the break alone.
// compat: skip glibc glibc's sbrk and brk move the break (see sbrk_grow_shrink.c)
// compat: skip static the static variant is glibc
#define _GNU_SOURCE
#include <stdint.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "compat.h"

int main(void)
{
	printf("start\n");
	void *a = sbrk(0);
	CHECK(a == (void *)syscall(SYS_brk, 0), "sbrk(0) is the break");
	CHECK_ERR((long)sbrk(4096), ENOMEM);
	CHECK_ERR(brk((char *)a + 4096), ENOMEM);
	printf("break unchanged: %s\n", sbrk(0) == a ? "yes" : "no");
	return compat_done();
}
