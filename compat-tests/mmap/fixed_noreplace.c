// mmap/fixed_noreplace.c - MAP_FIXED_NOREPLACE fails with EEXIST when any
// page of the range is mapped (the old mapping stays intact), and maps
// at exactly the requested address when the range is free.
#define _GNU_SOURCE
#include <sys/mman.h>
#include <unistd.h>
#include "compat.h"

#ifndef MAP_FIXED_NOREPLACE
#define MAP_FIXED_NOREPLACE 0x100000
#endif

int main(void)
{
	long pg = sysconf(_SC_PAGESIZE);
	/* reserve 4 pages, keep page 0..1 mapped, free pages 2..3 */
	char *p = mmap(NULL, 4 * pg, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK(p != MAP_FAILED, "mmap");
	if (p == MAP_FAILED)
		return compat_done();
	p[0] = 'x';
	CHECK_OK(munmap(p + 2 * pg, 2 * pg));

	CHECK_ERR((long)mmap(p, pg, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0), EEXIST);
	/* partly overlapping: page 1 mapped, page 2 free */
	CHECK_ERR((long)mmap(p + pg, 2 * pg, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0), EEXIST);
	printf("old mapping intact: %s\n", p[0] == 'x' ? "yes" : "no");

	char *q = mmap(p + 2 * pg, 2 * pg, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
	CHECK(q != MAP_FAILED, "mmap NOREPLACE on a free range");
	printf("free range mapped at the requested address: %s\n", q == p + 2 * pg ? "yes" : "no");
	if (q != MAP_FAILED) {
		q[0] = 'y';
		printf("new page: %c, zero after: %d\n", q[0], q[1]);
	}
	CHECK_OK(munmap(p, 4 * pg));
	return compat_done();
}
