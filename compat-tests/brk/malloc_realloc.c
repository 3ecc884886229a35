// brk/malloc_realloc.c - realloc keeps a block's contents while it grows
// step by step from 16 bytes past the mmap threshold to 8 MiB and shrinks
// back; realloc(NULL, n) is malloc; realloc to a huge size fails with
// ENOMEM and leaves the block intact.
#define _GNU_SOURCE
#include <stdint.h>
#include <stdlib.h>
#include "compat.h"

/* called through a volatile pointer: gcc cannot see that a failed realloc
 * leaves the block valid, and would warn about the later uses */
static void *(*volatile re)(void *, size_t) = realloc;

int main(void)
{
	unsigned char *p = realloc(NULL, 16);
	CHECK(p != NULL, "realloc(NULL, 16)");
	if (!p)
		return compat_done();
	for (int i = 0; i < 16; i++)
		p[i] = (unsigned char)i;
	size_t size = 16;
	int lost = 0;
	while (size < (8u << 20)) {
		size_t ns = size * 2 + 8;
		unsigned char *q = realloc(p, ns);
		CHECK(q != NULL, "realloc %zu", ns);
		if (!q)
			break;
		p = q;
		for (size_t i = 0; i < size; i++)
			lost += p[i] != (unsigned char)i;
		for (size_t i = size; i < ns; i++)
			p[i] = (unsigned char)i;
		size = ns;
	}
	printf("grown to 8 MiB with contents kept: %s\n", lost ? "no" : "yes");
	errno = 0;
	void *huge = re(p, (size_t)1 << 62);
	int e = errno;
	printf("huge realloc: %s, errno %s\n", huge ? "succeeded" : "NULL", errno_name(e));
	lost = 0;
	for (size_t i = 0; i < size; i += 97)
		lost += p[i] != (unsigned char)i;
	printf("block intact after failed realloc: %s\n", lost ? "no" : "yes");
	p = realloc(p, 100);
	CHECK(p != NULL, "shrink");
	lost = 0;
	for (int i = 0; i < 100; i++)
		lost += p[i] != (unsigned char)i;
	printf("shrunk to 100 with contents kept: %s\n", lost ? "no" : "yes");
	free(p);
	return compat_done();
}
