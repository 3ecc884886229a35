// mmap/file_private.c - a MAP_PRIVATE file mapping shows the file's bytes;
// stores into it are copy-on-write: visible in the mapping, never in the
// file (read back with pread) nor in a second private mapping.
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
	char buf[8192];
	for (int i = 0; i < 8192; i++)
		buf[i] = 'a' + i % 26;
	CHECK(write(fd, buf, 8192) == 8192, "write");

	char *m = mmap(NULL, 2 * pg, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
	CHECK(m != MAP_FAILED, "mmap");
	if (m == MAP_FAILED)
		return compat_done();
	printf("mapping matches the file: %s\n", memcmp(m, buf, 8192) == 0 ? "yes" : "no");
	m[0] = 'X';
	m[5000] = 'Y';
	printf("mapping after store: %c %c\n", m[0], m[5000]);
	char got[2] = { 0 };
	CHECK(pread(fd, &got[0], 1, 0) == 1, "pread");
	CHECK(pread(fd, &got[1], 1, 5000) == 1, "pread");
	printf("file after store: %c %c\n", got[0], got[1]);
	char *m2 = mmap(NULL, 2 * pg, PROT_READ, MAP_PRIVATE, fd, 0);
	CHECK(m2 != MAP_FAILED, "mmap 2");
	if (m2 != MAP_FAILED) {
		printf("second private mapping: %c %c\n", m2[0], m2[5000]);
		munmap(m2, 2 * pg);
	}
	CHECK_OK(msync(m, 2 * pg, MS_SYNC));
	CHECK(pread(fd, &got[0], 1, 0) == 1, "pread");
	printf("file after msync: %c\n", got[0]);
	CHECK_OK(munmap(m, 2 * pg));
	close(fd);
	unlink(path);
	rmdir(dir);
	return compat_done();
}
