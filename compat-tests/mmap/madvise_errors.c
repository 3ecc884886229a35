// mmap/madvise_errors.c - madvise accepts the common hints (NORMAL,
// RANDOM, SEQUENTIAL, WILLNEED) on mapped memory; an unknown advice value
// or an unaligned address gives EINVAL, an unmapped range ENOMEM.
#define _GNU_SOURCE
#include <sys/mman.h>
#include <unistd.h>
#include "compat.h"

int main(void)
{
	long pg = sysconf(_SC_PAGESIZE);
	char *p = mmap(NULL, 2 * pg, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK(p != MAP_FAILED, "mmap");
	if (p == MAP_FAILED)
		return compat_done();
	CHECK_OK(madvise(p, 2 * pg, MADV_NORMAL));
	CHECK_OK(madvise(p, 2 * pg, MADV_RANDOM));
	CHECK_OK(madvise(p, 2 * pg, MADV_SEQUENTIAL));
	CHECK_OK(madvise(p, 2 * pg, MADV_WILLNEED));
	CHECK_ERR(madvise(p, pg, 12345), EINVAL);
	CHECK_ERR(madvise(p + 1, pg, MADV_NORMAL), EINVAL);
	CHECK_OK(munmap(p + pg, pg));
	CHECK_ERR(madvise(p + pg, pg, MADV_WILLNEED), ENOMEM);
	CHECK_ERR(madvise(p, 2 * pg, MADV_NORMAL), ENOMEM);
	printf("done\n");
	munmap(p, pg);
	return compat_done();
}
