/*
 * mmapshared.c - MAP_SHARED file mappings: a store through the mapping
 * reaches the file (seen by pread, after msync and before it), a pwrite to
 * the file shows in the mapping, two shared mappings of the same file see
 * each other's stores, the file grown with ftruncate becomes visible in a
 * mapping that covers it, and the data survives munmap and close.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include "check.h"

int main(void)
{
	setvbuf(stdout, NULL, _IOLBF, 0);
	char path[64] = "/tmp/compat-mmapshared-XXXXXX";
	int fd = mkstemp(path);
	CHECK(fd >= 0, "mkstemp");
	size_t size = 3 * 4096;
	char *data = malloc(size);
	for (size_t i = 0; i < size; i++)
		data[i] = 'a' + i % 26;
	CHECK(write(fd, data, size) == (ssize_t)size, "write");

	char *p = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	CHECK(p != MAP_FAILED, "mmap MAP_SHARED");
	if (p == MAP_FAILED)
		return check_done();
	char b[8] = { 0 };

	memcpy(p + 5000, "shared!", 7);
	CHECK(pread(fd, b, 7, 5000) == 7, "pread");
	printf("store through the mapping, read(2) before msync: '%s'\n", b);
	CHECK(strcmp(b, "shared!") == 0, "MAP_SHARED store reaches the file");
	CHECK(msync(p, size, MS_SYNC) == 0, "msync");

	CHECK(pwrite(fd, "PWRITE", 6, 9000) == 6, "pwrite");
	printf("pwrite(2), then the mapping reads: '%.6s'\n", p + 9000);
	CHECK(memcmp(p + 9000, "PWRITE", 6) == 0, "file write reaches MAP_SHARED mapping");

	char *q = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 4096);
	CHECK(q != MAP_FAILED, "second mapping");
	if (q != MAP_FAILED) {
		q[10] = '#';
		p[4096 + 20] = '%';
		printf("two mappings see each other: %s %s\n", p[4096 + 10] == '#' ? "yes" : "no",
		       q[20] == '%' ? "yes" : "no");
		CHECK(p[4096 + 10] == '#' && q[20] == '%', "two shared mappings");
		munmap(q, 4096);
	}

	/* grow the file under a mapping that already covers the new part */
	char *r = mmap(NULL, 5 * 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	CHECK(r != MAP_FAILED, "mapping larger than the file");
	if (r != MAP_FAILED) {
		CHECK(ftruncate(fd, 5 * 4096) == 0, "ftruncate grow");
		r[4 * 4096 + 1] = 'G';
		CHECK(pread(fd, b, 1, 4 * 4096 + 1) == 1, "pread grown part");
		printf("store into the grown part reaches the file: %s\n", b[0] == 'G' ? "yes" : "no");
		CHECK(b[0] == 'G', "grown part");
		munmap(r, 5 * 4096);
	}
	munmap(p, size);
	close(fd);

	fd = open(path, O_RDONLY);
	CHECK(fd >= 0, "reopen");
	memset(b, 0, sizeof b);
	CHECK(pread(fd, b, 7, 5000) == 7, "pread after close");
	printf("after munmap and close the file holds: '%s'\n", b);
	CHECK(strcmp(b, "shared!") == 0, "data kept");
	close(fd);
	unlink(path);
	free(data);
	return check_done();
}
