// mmap/file_shared.c - stores into a MAP_SHARED file mapping reach the
// file: read() through the fd sees them (before and after msync), and so
// does fstat's size stay unchanged.
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/stat.h>
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
	CHECK_OK(ftruncate(fd, 2 * pg));
	char *m = mmap(NULL, 2 * pg, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	CHECK(m != MAP_FAILED, "mmap");
	if (m == MAP_FAILED)
		return compat_done();
	memcpy(m, "hello", 5);
	memcpy(m + pg + 10, "world", 5);
	char got[6] = { 0 };
	CHECK(pread(fd, got, 5, 0) == 5, "pread");
	printf("read before msync: %s\n", got);
	CHECK_OK(msync(m, 2 * pg, MS_SYNC));
	CHECK(pread(fd, got, 5, pg + 10) == 5, "pread");
	printf("read after msync: %s\n", got);
	CHECK_OK(munmap(m, 2 * pg));
	/* the data outlives the mapping */
	CHECK(pread(fd, got, 5, 0) == 5, "pread");
	printf("read after munmap: %s\n", got);
	struct stat st;
	CHECK_OK(fstat(fd, &st));
	printf("size unchanged: %s\n", st.st_size == 2 * pg ? "yes" : "no");
	close(fd);
	unlink(path);
	rmdir(dir);
	return compat_done();
}
