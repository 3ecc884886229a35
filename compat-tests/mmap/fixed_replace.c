// mmap/fixed_replace.c - MAP_FIXED over the middle of an existing mapping
// replaces exactly those pages (new contents: zero) and leaves the pages
// around them with their old contents.
#define _GNU_SOURCE
#include <sys/mman.h>
#include <unistd.h>
#include "compat.h"

int main(void)
{
	long pg = sysconf(_SC_PAGESIZE);
	char *p = mmap(NULL, 5 * pg, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK(p != MAP_FAILED, "mmap");
	if (p == MAP_FAILED)
		return compat_done();
	memset(p, 'A', 5 * pg);
	char *q = mmap(p + pg, 2 * pg, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
	printf("MAP_FIXED returned the requested address: %s\n", q == p + pg ? "yes" : "no");
	for (int i = 0; i < 5; i++)
		printf("page %d: first %d last %d\n", i, p[i * pg], p[i * pg + pg - 1]);
	/* the replaced pages are writable and independent */
	p[pg] = 'B';
	printf("page 1 after write: %c, page 0 still: %c\n", p[pg], p[0]);
	CHECK_OK(munmap(p, 5 * pg));
	return compat_done();
}
