// mmap/mremap_fixed.c - MREMAP_MAYMOVE|MREMAP_FIXED moves a mapping to
// exactly the given address, replacing what was mapped there; the old
// range is unmapped afterwards (a new MAP_FIXED_NOREPLACE there succeeds).
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
	char *src = mmap(NULL, 2 * pg, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	char *dst = mmap(NULL, 3 * pg, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK(src != MAP_FAILED && dst != MAP_FAILED, "mmap");
	if (src == MAP_FAILED || dst == MAP_FAILED)
		return compat_done();
	memset(src, 'm', 2 * pg);
	memset(dst, 'd', 3 * pg);
	char *r = mremap(src, 2 * pg, 2 * pg, MREMAP_MAYMOVE | MREMAP_FIXED, dst + pg);
	printf("moved to the requested address: %s\n", r == dst + pg ? "yes" : "no");
	printf("dst pages: %c %c %c\n", dst[0], dst[pg], dst[2 * pg + pg - 1]);
	char *again = mmap(src, 2 * pg, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
	printf("old range free: %s\n", again == src ? "yes" : "no");
	if (again != MAP_FAILED)
		munmap(again, 2 * pg);
	CHECK_OK(munmap(dst, 3 * pg));
	return compat_done();
}
