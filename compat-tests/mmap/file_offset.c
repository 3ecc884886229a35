// mmap/file_offset.c - a file mapping at a non-zero page offset shows the
// file from that offset; mapping past the whole file (offset beyond EOF)
// still succeeds.
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
	for (int i = 0; i < 4; i++) {
		char c = 'A' + i;
		for (long j = 0; j < pg; j++)
			CHECK(write(fd, &c, 1) == 1, "write");
	}
	char *m = mmap(NULL, 2 * pg, PROT_READ, MAP_PRIVATE, fd, 2 * pg);
	CHECK(m != MAP_FAILED, "mmap at offset");
	if (m != MAP_FAILED) {
		printf("offset 2 pages: %c%c %c%c\n", m[0], m[pg - 1], m[pg], m[2 * pg - 1]);
		munmap(m, 2 * pg);
	}
	m = mmap(NULL, pg, PROT_READ, MAP_SHARED, fd, 3 * pg);
	CHECK(m != MAP_FAILED, "mmap last page");
	if (m != MAP_FAILED) {
		printf("offset 3 pages: %c\n", m[0]);
		munmap(m, pg);
	}
	m = mmap(NULL, pg, PROT_READ, MAP_PRIVATE, fd, 10 * pg);
	printf("offset beyond EOF maps: %s\n", m != MAP_FAILED ? "yes" : "no");
	if (m != MAP_FAILED)
		munmap(m, pg);
	close(fd);
	unlink(path);
	rmdir(dir);
	return compat_done();
}
