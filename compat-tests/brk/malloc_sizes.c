// brk/malloc_sizes.c - malloc of sizes from 1 byte to 4 MiB (below and
// above the allocator's mmap threshold, so both the break and mmap are
// used) returns distinct, 16-byte aligned blocks that hold a pattern each;
// calloc memory is zero; everything is freed.
#define _GNU_SOURCE
#include <stdint.h>
#include <stdlib.h>
#include "compat.h"

#define N 23

int main(void)
{
	char *b[N];
	size_t sz[N];
	int misaligned = 0, nulls = 0;
	for (int i = 0; i < N; i++) {
		sz[i] = (size_t)1 << i; /* 1 B .. 4 MiB */
		sz[i] += i % 3;
		b[i] = malloc(sz[i]);
		if (!b[i]) {
			nulls++;
			continue;
		}
		misaligned += ((uintptr_t)b[i] & 15) != 0;
		memset(b[i], 'a' + i, sz[i]);
	}
	printf("NULL results: %d, misaligned: %d\n", nulls, misaligned);
	int bad = 0;
	for (int i = 0; i < N; i++)
		if (b[i])
			for (size_t j = 0; j < sz[i]; j += 1 + j / 16)
				bad += b[i][j] != 'a' + i;
	printf("corrupted blocks: %d\n", bad);
	for (int i = 0; i < N; i += 2)
		free(b[i]);
	int zero_bad = 0;
	for (int i = 0; i < N; i += 2) {
		unsigned char *c = calloc(sz[i], 1);
		CHECK(c != NULL, "calloc %zu", sz[i]);
		if (!c)
			continue;
		for (size_t j = 0; j < sz[i]; j++)
			zero_bad += c[j] != 0;
		free(c);
	}
	printf("calloc nonzero bytes: %d\n", zero_bad);
	for (int i = 1; i < N; i += 2)
		free(b[i]);
	return compat_done();
}
