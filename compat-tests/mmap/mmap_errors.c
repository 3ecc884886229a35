// mmap/mmap_errors.c - the argument checks of mmap: length 0, neither
// MAP_PRIVATE nor MAP_SHARED, MAP_SHARED_VALIDATE (both bits) for an
// anonymous mapping, an unaligned offset, MAP_FIXED at an unaligned address
// give EINVAL; a bad fd for a file mapping gives EBADF; a length that
// cannot fit gives ENOMEM.
#define _GNU_SOURCE
#include <sys/mman.h>
#include <fcntl.h>
#include <unistd.h>
#include "compat.h"

int main(void)
{
	long pg = sysconf(_SC_PAGESIZE);
	CHECK_ERR((long)mmap(NULL, 0, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0), EINVAL);
	CHECK_ERR((long)mmap(NULL, pg, PROT_READ, MAP_ANONYMOUS, -1, 0), EINVAL);
	CHECK_ERR((long)mmap(NULL, pg, PROT_READ, MAP_PRIVATE | MAP_SHARED | MAP_ANONYMOUS, -1, 0), EINVAL);
	char *p = mmap(NULL, 2 * pg, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK(p != MAP_FAILED, "mmap");
	CHECK_ERR((long)mmap(p + 1, pg, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0), EINVAL);
	CHECK_ERR((long)mmap(NULL, pg, PROT_READ, MAP_PRIVATE, 999, 0), EBADF);
	CHECK_ERR((long)mmap(NULL, pg, PROT_READ, MAP_SHARED, -1, 0), EBADF);
	int fd = open("/dev/zero", O_RDONLY);
	CHECK_OK(fd);
	CHECK_ERR((long)mmap(NULL, pg, PROT_READ, MAP_PRIVATE, fd, 1), EINVAL);
	CHECK_ERR((long)mmap(NULL, pg, PROT_READ, MAP_PRIVATE, fd, pg / 2), EINVAL);
	close(fd);
	/* a length so big it cannot fit in the address space */
	CHECK_ERR((long)mmap(NULL, (size_t)-pg, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0), ENOMEM);
	CHECK_OK(munmap(p, 2 * pg));
	printf("done\n");
	return compat_done();
}
