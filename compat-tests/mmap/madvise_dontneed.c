// mmap/madvise_dontneed.c - MADV_DONTNEED on private anonymous memory
// drops the pages: the next read sees zeros, the mapping stays usable,
// and pages outside the advised range keep their contents.
#define _GNU_SOURCE
#include <sys/mman.h>
#include <unistd.h>
#include "compat.h"

int main(void)
{
	long pg = sysconf(_SC_PAGESIZE);
	unsigned char *p = mmap(NULL, 4 * pg, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK(p != MAP_FAILED, "mmap");
	if (p == MAP_FAILED)
		return compat_done();
	memset(p, 0xab, 4 * pg);
	CHECK_OK(madvise(p + pg, 2 * pg, MADV_DONTNEED));
	int nz = 0;
	for (long i = pg; i < 3 * pg; i++)
		nz += p[i] != 0;
	printf("nonzero bytes in the advised pages: %d\n", nz);
	printf("outside kept: %#x %#x\n", p[pg - 1], p[3 * pg]);
	p[pg + 5] = 7;
	printf("writable again: %d\n", p[pg + 5]);
	CHECK_OK(munmap(p, 4 * pg));
	return compat_done();
}
