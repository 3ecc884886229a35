// mmap/msync_flags.c - msync accepts MS_SYNC, MS_ASYNC and MS_INVALIDATE
// on a mapping; MS_SYNC|MS_ASYNC, unknown flags and an unaligned address
// give EINVAL; an unmapped range gives ENOMEM.
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
	CHECK_OK(msync(p, 2 * pg, MS_SYNC));
	CHECK_OK(msync(p, 2 * pg, MS_ASYNC));
	CHECK_OK(msync(p, 2 * pg, MS_INVALIDATE));
	CHECK_OK(msync(p, 2 * pg, MS_SYNC | MS_INVALIDATE));
	CHECK_ERR(msync(p, 2 * pg, MS_SYNC | MS_ASYNC), EINVAL);
	CHECK_ERR(msync(p, 2 * pg, 0x100), EINVAL);
	CHECK_ERR(msync(p + 1, pg, MS_SYNC), EINVAL);
	CHECK_OK(munmap(p + pg, pg));
	CHECK_ERR(msync(p, 2 * pg, MS_SYNC), ENOMEM);
	printf("done\n");
	munmap(p, pg);
	return compat_done();
}
