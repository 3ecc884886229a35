// mmap/mprotect_errors.c - mprotect on an unmapped range (or one with a
// hole) fails with ENOMEM, an unaligned address or unknown PROT bits with
// EINVAL; length 0 succeeds.
#define _GNU_SOURCE
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "compat.h"

int main(void)
{
	long pg = sysconf(_SC_PAGESIZE);
	char *p = mmap(NULL, 3 * pg, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK(p != MAP_FAILED, "mmap");
	if (p == MAP_FAILED)
		return compat_done();
	CHECK_OK(munmap(p + pg, pg));
	CHECK_ERR(mprotect(p + pg, pg, PROT_READ), ENOMEM);
	CHECK_ERR(mprotect(p, 3 * pg, PROT_READ), ENOMEM);
	/* the system call itself: musl's wrapper rounds the address down */
	CHECK_ERR(syscall(SYS_mprotect, p + 1, pg, PROT_READ), EINVAL);
	CHECK_ERR(mprotect(p, pg, 0x100), EINVAL);
	CHECK_OK(mprotect(p, 0, PROT_READ));
	CHECK_OK(mprotect(p, pg, PROT_READ));
	/* an unaligned length is rounded up to the page */
	CHECK_OK(mprotect(p + 2 * pg, 1, PROT_READ));
	printf("done\n");
	munmap(p, 3 * pg);
	return compat_done();
}
