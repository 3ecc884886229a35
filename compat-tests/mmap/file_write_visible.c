// mmap/file_write_visible.c - a write() to a file after it was mapped
// MAP_SHARED shows in the mapping (one page cache, no copy).
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>
#include "compat.h"

int main(void)
{
	long pg = sysconf(_SC_PAGESIZE);
	char dir[] = "/tmp/compat-XXXXXX", path[64];
	CHECK(mkdtemp(dir) != NULL, "mkdtemp");
	snprintf(path, sizeof path, "%s/f", dir);
	int fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0600);
	CHECK_OK(fd);
	CHECK(write(fd, "old old old", 11) == 11, "write");
	char *m = mmap(NULL, pg, PROT_READ, MAP_SHARED, fd, 0);
	CHECK(m != MAP_FAILED, "mmap");
	if (m == MAP_FAILED)
		return compat_done();
	printf("before: %.11s\n", m);
	CHECK(pwrite(fd, "new", 3, 4) == 3, "pwrite");
	printf("after pwrite: %.11s\n", m);
	CHECK_OK(munmap(m, pg));
	close(fd);
	unlink(path);
	rmdir(dir);
	return compat_done();
}
