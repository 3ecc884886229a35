// mmap/file_shared_two.c - two MAP_SHARED mappings of one file (one of
// them through a second open file description, at a page offset) see each
// other's stores at once.
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
	CHECK_OK(ftruncate(fd, 3 * pg));
	int fd2 = open(path, O_RDWR);
	CHECK_OK(fd2);
	char *a = mmap(NULL, 3 * pg, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	char *b = mmap(NULL, pg, PROT_READ | PROT_WRITE, MAP_SHARED, fd2, pg);
	CHECK(a != MAP_FAILED && b != MAP_FAILED, "mmap");
	if (a == MAP_FAILED || b == MAP_FAILED)
		return compat_done();
	a[pg + 7] = 'Q';
	printf("b sees a's store: %c\n", b[7]);
	b[100] = 'R';
	printf("a sees b's store: %c\n", a[pg + 100]);
	printf("page 0 of a untouched: %d\n", a[100]);
	CHECK_OK(munmap(a, 3 * pg));
	CHECK_OK(munmap(b, pg));
	close(fd);
	close(fd2);
	unlink(path);
	rmdir(dir);
	return compat_done();
}
