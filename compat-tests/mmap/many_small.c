// mmap/many_small.c - 1000 separate one-page mappings, each written with
// its own index, read back correctly, then all are unmapped; every
// mmap and munmap succeeds.
#define _GNU_SOURCE
#include <sys/mman.h>
#include <unistd.h>
#include "compat.h"

#define N 1000

static int *maps[N];

int main(void)
{
	long pg = sysconf(_SC_PAGESIZE);
	int failed = 0, distinct_prot = 0;
	for (int i = 0; i < N; i++) {
		/* alternate protections so the kernel cannot merge them into one */
		int prot = i % 2 ? PROT_READ | PROT_WRITE : PROT_READ | PROT_WRITE | PROT_EXEC;
		maps[i] = mmap(NULL, pg, prot, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		if (maps[i] == MAP_FAILED) {
			failed++;
			maps[i] = NULL;
			continue;
		}
		distinct_prot += i % 2;
		maps[i][0] = i;
		maps[i][pg / sizeof(int) - 1] = -i;
	}
	printf("mmap failures: %d\n", failed);
	int bad = 0;
	for (int i = 0; i < N; i++)
		if (maps[i] && (maps[i][0] != i || maps[i][pg / sizeof(int) - 1] != -i))
			bad++;
	printf("pages with wrong contents: %d\n", bad);
	int unmap_failed = 0;
	for (int i = 0; i < N; i++)
		if (maps[i] && munmap(maps[i], pg) != 0)
			unmap_failed++;
	printf("munmap failures: %d\n", unmap_failed);
	(void)distinct_prot;
	return compat_done();
}
