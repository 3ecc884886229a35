// brk/brk_invalid.c - the brk system call refuses impossible breaks by
// returning the unchanged current break: below the start of the heap
// (0x1000), beyond the user address space (1 << 47), and over a page
// that is already mapped just above the break.
#define _GNU_SOURCE
#include <stdint.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "compat.h"

#ifndef MAP_FIXED_NOREPLACE
#define MAP_FIXED_NOREPLACE 0x100000
#endif

int main(void)
{
	printf("start\n");
	long pg = sysconf(_SC_PAGESIZE);
	uintptr_t cur = (uintptr_t)syscall(SYS_brk, 0);
	uintptr_t r1 = (uintptr_t)syscall(SYS_brk, 0x1000);
	uintptr_t r2 = (uintptr_t)syscall(SYS_brk, (uintptr_t)1 << 47);
	/* a page mapped 1 MiB above the (aligned) break blocks growing past it */
	uintptr_t blk = ((cur + pg - 1) & ~(uintptr_t)(pg - 1)) + (1 << 20);
	void *m = mmap((void *)blk, pg, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
	CHECK(m == (void *)blk, "mmap above the break");
	uintptr_t r3 = (uintptr_t)syscall(SYS_brk, blk + 2 * pg);
	uintptr_t after = (uintptr_t)syscall(SYS_brk, 0);
	if (m != MAP_FAILED)
		munmap(m, pg);
	printf("below the heap refused: %s\n", r1 == cur ? "yes" : "no");
	printf("beyond the address space refused: %s\n", r2 == cur ? "yes" : "no");
	printf("over a mapped page refused: %s\n", r3 == cur ? "yes" : "no");
	printf("break unchanged: %s\n", after == cur ? "yes" : "no");
	return compat_done();
}
