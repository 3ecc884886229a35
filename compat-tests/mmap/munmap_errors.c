// mmap/munmap_errors.c - munmap with length 0 or an unaligned address
// fails with EINVAL; unmapping a range with nothing mapped succeeds.
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
	CHECK_ERR(munmap(p, 0), EINVAL);
	CHECK_ERR(munmap(p + 1, pg), EINVAL);
	CHECK_ERR(munmap(p + pg / 2, pg), EINVAL);
	/* an unaligned length is rounded up: both pages go */
	CHECK_OK(munmap(p, pg + 1));
	/* nothing mapped there any more: still success */
	CHECK_OK(munmap(p, 2 * pg));
	/* a range beyond the user address space */
	CHECK_ERR(munmap((void *)-4096L, pg), EINVAL);
	printf("done\n");
	return compat_done();
}
