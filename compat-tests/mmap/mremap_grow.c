// mmap/mremap_grow.c - mremap grows a mapping: in place when the pages
// after it are free (same address), else with MREMAP_MAYMOVE to a new
// address; the old contents move along and the new tail is zero. Without
// MREMAP_MAYMOVE a grow that cannot happen in place fails with ENOMEM.
#define _GNU_SOURCE
#include <sys/mman.h>
#include <unistd.h>
#include "compat.h"

int main(void)
{
	long pg = sysconf(_SC_PAGESIZE);
	/* reserve 8 pages, keep the first 2: the next 6 are free for sure */
	char *p = mmap(NULL, 8 * pg, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK(p != MAP_FAILED, "mmap");
	if (p == MAP_FAILED)
		return compat_done();
	CHECK_OK(munmap(p + 2 * pg, 6 * pg));
	memset(p, 'g', 2 * pg);
	char *q = mremap(p, 2 * pg, 4 * pg, 0);
	CHECK(q != MAP_FAILED, "mremap in place");
	printf("grown in place: %s\n", q == p ? "yes" : "no");
	printf("old bytes kept: %s, new tail zero: %s\n", q[2 * pg - 1] == 'g' ? "yes" : "no",
	       q[2 * pg] == 0 && q[4 * pg - 1] == 0 ? "yes" : "no");
	q[4 * pg - 1] = 't';

	/* block the next page, then grow again */
	char *blk = mmap(p + 4 * pg, pg, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
	CHECK(blk == p + 4 * pg, "blocker");
	CHECK_ERR((long)mremap(p, 4 * pg, 6 * pg, 0), ENOMEM);
	printf("still usable after failed grow: %c\n", p[0]);
	char *r = mremap(p, 4 * pg, 6 * pg, MREMAP_MAYMOVE);
	CHECK(r != MAP_FAILED, "mremap MAYMOVE");
	if (r != MAP_FAILED) {
		printf("moved: %s\n", r != p ? "yes" : "no");
		printf("contents moved: %c %c, tail zero: %s\n", r[0], r[4 * pg - 1], r[6 * pg - 1] == 0 ? "yes" : "no");
		CHECK_OK(munmap(r, 6 * pg));
	}
	CHECK_OK(munmap(blk, pg));
	return compat_done();
}
