// brk/malloc_many.c - 20000 small allocations of mixed sizes held at once,
// freed in an interleaved order and allocated again, never overlap (each
// keeps its own tag) and never fail.
#define _GNU_SOURCE
#include <stdint.h>
#include <stdlib.h>
#include "compat.h"

#define N 20000

static uint32_t *blk[N];

static size_t size_of(int i) { return 8 + (size_t)(i * 37 % 500); }

int main(void)
{
	int fails = 0;
	for (int round = 0; round < 2; round++) {
		for (int i = 0; i < N; i++) {
			if (blk[i])
				continue;
			blk[i] = malloc(size_of(i));
			if (!blk[i]) {
				fails++;
				continue;
			}
			for (size_t j = 0; j < size_of(i) / 4; j++)
				blk[i][j] = (uint32_t)i;
		}
		int bad = 0;
		for (int i = 0; i < N; i++)
			for (size_t j = 0; blk[i] && j < size_of(i) / 4; j++)
				bad += blk[i][j] != (uint32_t)i;
		printf("round %d: failures %d, overwritten blocks %d\n", round, fails, bad);
		for (int i = round; i < N; i += 3) {
			free(blk[i]);
			blk[i] = NULL;
		}
	}
	for (int i = 0; i < N; i++)
		free(blk[i]);
	return compat_done();
}
