/*
 * mmapfile.c - mapping files: a MAP_PRIVATE read-only mapping of a file
 * written under /tmp (three and a half pages of a known pattern), the
 * zero fill after end-of-file in the last page, a mapping at a page
 * offset, a private writable mapping whose writes must not reach the file,
 * and a MAP_PRIVATE mapping of the data file the driver put at
 * data/mmap.txt. Also checks that munmap makes the pages go away (mincore
 * says ENOMEM). MAP_SHARED is mmapshared.c's.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include "check.h"

static unsigned char pattern(size_t i) { return (unsigned char)(i * 7 + i / 4096); }

int main(void)
{
	setvbuf(stdout, NULL, _IOLBF, 0);
	long pg = sysconf(_SC_PAGESIZE);
	printf("page size %ld\n", pg);
	CHECK(pg == 4096, "page size");

	char path[64] = "/tmp/compat-mmap-XXXXXX";
	int fd = mkstemp(path);
	CHECK(fd >= 0, "mkstemp");
	size_t size = 3 * 4096 + 2048;
	unsigned char *data = malloc(size);
	for (size_t i = 0; i < size; i++)
		data[i] = pattern(i);
	CHECK(write(fd, data, size) == (ssize_t)size, "write");

	/* read-only private mapping of the whole file */
	unsigned char *p = mmap(NULL, size, PROT_READ, MAP_PRIVATE, fd, 0);
	CHECK(p != MAP_FAILED, "mmap PROT_READ MAP_PRIVATE");
	if (p != MAP_FAILED) {
		CHECK(((uintptr_t)p & 4095) == 0, "mapping is page aligned");
		size_t bad = 0;
		for (size_t i = 0; i < size; i++)
			bad += p[i] != data[i];
		size_t nonzero = 0;
		for (size_t i = size; i < 4 * 4096; i++)
			nonzero += p[i] != 0;
		printf("private read mapping: %zu bytes differ, %zu bytes after EOF not zero\n", bad,
		       nonzero);
		CHECK(bad == 0 && nonzero == 0, "content");
		CHECK(munmap(p, size) == 0, "munmap");
		unsigned char vec[4];
		errno = 0;
		CHECK(mincore(p, 4096, vec) == -1 && errno == ENOMEM, "mincore after munmap");
	}

	/* a mapping at a file offset */
	p = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE, fd, 2 * 4096);
	CHECK(p != MAP_FAILED, "mmap at offset");
	if (p != MAP_FAILED) {
		printf("offset mapping: first bytes %u %u %u, matches: %s\n", p[0], p[1], p[2],
		       memcmp(p, data + 2 * 4096, 4096) == 0 ? "yes" : "no");
		CHECK(memcmp(p, data + 2 * 4096, 4096) == 0, "offset content");
		munmap(p, 4096);
	}
	errno = 0;
	CHECK(mmap(NULL, 4096, PROT_READ, MAP_PRIVATE, fd, 100) == MAP_FAILED && errno == EINVAL,
	      "unaligned offset is EINVAL");

	/* private writable: copy on write, the file is untouched */
	p = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
	CHECK(p != MAP_FAILED, "mmap private writable");
	if (p != MAP_FAILED) {
		memset(p + 100, 'X', 50);
		unsigned char b[50];
		CHECK(pread(fd, b, 50, 100) == 50, "pread");
		printf("private write: mapping changed %s, file changed %s\n",
		       p[120] == 'X' ? "yes" : "no", memcmp(b, data + 100, 50) ? "yes" : "no");
		CHECK(p[120] == 'X' && memcmp(b, data + 100, 50) == 0, "MAP_PRIVATE copy on write");
		munmap(p, size);
	}

	close(fd);
	unlink(path);

	/* the driver's data file */
	fd = open("data/mmap.txt", O_RDONLY);
	CHECK(fd >= 0, "open data/mmap.txt");
	if (fd >= 0) {
		struct stat st;
		CHECK(fstat(fd, &st) == 0, "fstat");
		char *q = mmap(NULL, st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
		CHECK(q != MAP_FAILED, "mmap data file");
		if (q != MAP_FAILED) {
			long lines = 0, words = 0;
			int inword = 0;
			unsigned long h = 5381;
			for (off_t i = 0; i < st.st_size; i++) {
				char c = q[i];
				h = h * 33 + (unsigned char)c;
				lines += c == '\n';
				if (c == ' ' || c == '\n')
					inword = 0;
				else if (!inword)
					inword = 1, words++;
			}
			printf("data/mmap.txt: %lld bytes, %ld lines, %ld words, hash %lu\n",
			       (long long)st.st_size, lines, words, h);
			printf("data/mmap.txt first line: %.*s\n", (int)(strchr(q, '\n') - q), q);
			munmap(q, st.st_size);
		}
		close(fd);
	}
	free(data);
	return check_done();
}
