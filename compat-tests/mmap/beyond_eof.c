// mmap/beyond_eof.c - in a file mapping, the bytes of the last partial page
// past the end of the file read as zero (MAP_SHARED and MAP_PRIVATE), and
// stores there do not grow the file.
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
	char buf[100];
	memset(buf, 'z', sizeof buf);
	CHECK(write(fd, buf, 100) == 100, "write");
	for (int shared = 0; shared < 2; shared++) {
		char *m = mmap(NULL, pg, PROT_READ | PROT_WRITE, shared ? MAP_SHARED : MAP_PRIVATE, fd, 0);
		CHECK(m != MAP_FAILED, "mmap");
		if (m == MAP_FAILED)
			continue;
		int nonzero = 0;
		for (long i = 100; i < pg; i++)
			nonzero += m[i] != 0;
		printf("%s: last file byte %c, nonzero bytes past EOF: %d\n", shared ? "shared" : "private", m[99], nonzero);
		m[200] = 'w';
		CHECK_OK(munmap(m, pg));
	}
	struct stat st;
	CHECK_OK(fstat(fd, &st));
	printf("file size: %lld\n", (long long)st.st_size);
	close(fd);
	unlink(path);
	rmdir(dir);
	return compat_done();
}
