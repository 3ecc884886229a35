// mmap/mincore.c - mincore reports touched anonymous pages as resident
// (bit 0 set); an unaligned address gives EINVAL, a range with unmapped
// pages ENOMEM.
#define _GNU_SOURCE
#include <sys/mman.h>
#include <unistd.h>
#include "compat.h"

int main(void)
{
	long pg = sysconf(_SC_PAGESIZE);
	char *p = mmap(NULL, 4 * pg, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK(p != MAP_FAILED, "mmap");
	if (p == MAP_FAILED)
		return compat_done();
	for (int i = 0; i < 4; i++)
		p[i * pg] = 1;
	unsigned char vec[4] = { 0 };
	CHECK_OK(mincore(p, 4 * pg, vec));
	printf("resident:");
	for (int i = 0; i < 4; i++)
		printf(" %d", vec[i] & 1);
	printf("\n");
	/* an unaligned length covers the partial page */
	unsigned char one[2] = { 0, 0x55 };
	CHECK_OK(mincore(p, 1, one));
	printf("one page: %d, next byte untouched: %s\n", one[0] & 1, one[1] == 0x55 ? "yes" : "no");
	CHECK_ERR(mincore(p + 1, pg, vec), EINVAL);
	CHECK_OK(munmap(p + 2 * pg, pg));
	CHECK_ERR(mincore(p, 4 * pg, vec), ENOMEM);
	munmap(p, 4 * pg);
	return compat_done();
}
