// mmap/mremap_errors.c - mremap's argument errors: an unaligned old
// address, a new size of 0, MREMAP_FIXED without MREMAP_MAYMOVE and
// unknown flags give EINVAL; an old range that is not mapped gives EFAULT.
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
	CHECK_OK(munmap(p + 2 * pg, 2 * pg));
	CHECK_ERR((long)mremap(p + 1, pg, 2 * pg, MREMAP_MAYMOVE), EINVAL);
	CHECK_ERR((long)mremap(p, pg, 0, MREMAP_MAYMOVE), EINVAL);
	CHECK_ERR((long)mremap(p, pg, pg, MREMAP_FIXED, p + 2 * pg), EINVAL);
	CHECK_ERR((long)mremap(p, pg, pg, 0x100), EINVAL);
	CHECK_ERR((long)mremap(p + 2 * pg, pg, 2 * pg, MREMAP_MAYMOVE), EFAULT);
	printf("mapping intact: %s\n", (p[0] = 1, p[2 * pg - 1] = 1, "yes"));
	CHECK_OK(munmap(p, 2 * pg));
	return compat_done();
}
