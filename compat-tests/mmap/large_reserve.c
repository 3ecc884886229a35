// mmap/large_reserve.c - a 256 MiB PROT_NONE reservation succeeds without
// committing memory; mprotect makes a 1 MiB slice in its middle readable
// and writable (zero-filled), and the rest stays inaccessible.
#define _GNU_SOURCE
#include <setjmp.h>
#include <signal.h>
#include <sys/mman.h>
#include <unistd.h>
#include "compat.h"

static sigjmp_buf jb;
static void on_segv(int sig) { (void)sig; siglongjmp(jb, 1); }

int main(void)
{
	size_t big = 256UL << 20, slice = 1UL << 20;
	signal(SIGSEGV, on_segv);
	char *p = mmap(NULL, big, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	CHECK(p != MAP_FAILED, "reserve 256 MiB");
	if (p == MAP_FAILED)
		return compat_done();
	char *s = p + 128 * slice;
	CHECK_OK(mprotect(s, slice, PROT_READ | PROT_WRITE));
	long nz = 0;
	for (size_t i = 0; i < slice; i += 512)
		nz += s[i] != 0;
	printf("slice zero: %s\n", nz ? "no" : "yes");
	for (size_t i = 0; i < slice; i += 4096)
		s[i] = (char)(i >> 12);
	long bad = 0;
	for (size_t i = 0; i < slice; i += 4096)
		bad += s[i] != (char)(i >> 12);
	printf("slice written and read back: %s\n", bad ? "no" : "yes");
	volatile char *outside = s + slice;
	if (sigsetjmp(jb, 1) == 0) {
		*outside = 1;
		printf("outside the slice: writable\n");
	} else {
		printf("outside the slice: faults\n");
	}
	CHECK_OK(munmap(p, big));
	return compat_done();
}
