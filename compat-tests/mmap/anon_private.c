// mmap/anon_private.c - an anonymous private mapping is zero-filled,
// readable and writable on every page, and munmap removes it.
#define _GNU_SOURCE
#include <stdint.h>
#include <sys/mman.h>
#include <unistd.h>
#include "compat.h"

int main(void)
{
	long pg = sysconf(_SC_PAGESIZE);
	size_t len = 16 * pg;
	unsigned char *p = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK(p != MAP_FAILED, "mmap");
	if (p == MAP_FAILED)
		return compat_done();
	printf("page aligned: %s\n", ((uintptr_t)p % pg) == 0 ? "yes" : "no");
	size_t nonzero = 0;
	for (size_t i = 0; i < len; i++)
		nonzero += p[i] != 0;
	printf("nonzero bytes before writing: %zu\n", nonzero);
	for (size_t i = 0; i < len; i++)
		p[i] = (unsigned char)(i * 7 + 3);
	size_t bad = 0;
	for (size_t i = 0; i < len; i++)
		bad += p[i] != (unsigned char)(i * 7 + 3);
	printf("bytes read back wrong: %zu\n", bad);
	CHECK_OK(munmap(p, len));
	return compat_done();
}
