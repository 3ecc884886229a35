// mmap/file_access.c - mmap checks the open mode: a file opened O_WRONLY
// cannot be mapped at all (EACCES); O_RDONLY allows MAP_PRIVATE with
// PROT_WRITE but not MAP_SHARED with PROT_WRITE (EACCES); a directory
// cannot be mapped (ENODEV), nor a pipe (ENODEV; its write end, not
// readable, gives EACCES first).
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
	CHECK_OK(ftruncate(fd, pg));
	close(fd);

	int wr = open(path, O_WRONLY);
	CHECK_OK(wr);
	CHECK_ERR((long)mmap(NULL, pg, PROT_READ, MAP_PRIVATE, wr, 0), EACCES);
	CHECK_ERR((long)mmap(NULL, pg, PROT_WRITE, MAP_SHARED, wr, 0), EACCES);
	close(wr);

	int rd = open(path, O_RDONLY);
	CHECK_OK(rd);
	char *m = mmap(NULL, pg, PROT_READ | PROT_WRITE, MAP_PRIVATE, rd, 0);
	CHECK(m != MAP_FAILED, "private writable mapping of a read-only fd");
	if (m != MAP_FAILED) {
		m[0] = 1;
		munmap(m, pg);
	}
	CHECK_ERR((long)mmap(NULL, pg, PROT_READ | PROT_WRITE, MAP_SHARED, rd, 0), EACCES);
	m = mmap(NULL, pg, PROT_READ, MAP_SHARED, rd, 0);
	CHECK(m != MAP_FAILED, "shared read-only mapping of a read-only fd");
	if (m != MAP_FAILED)
		munmap(m, pg);
	close(rd);

	int d = open(dir, O_RDONLY | O_DIRECTORY);
	CHECK_OK(d);
	CHECK_ERR((long)mmap(NULL, pg, PROT_READ, MAP_PRIVATE, d, 0), ENODEV);
	close(d);
	int pfd[2];
	CHECK_OK(pipe(pfd));
	CHECK_ERR((long)mmap(NULL, pg, PROT_READ, MAP_PRIVATE, pfd[0], 0), ENODEV);
	CHECK_ERR((long)mmap(NULL, pg, PROT_READ, MAP_PRIVATE, pfd[1], 0), EACCES);
	close(pfd[0]);
	close(pfd[1]);
	unlink(path);
	rmdir(dir);
	printf("done\n");
	return compat_done();
}
