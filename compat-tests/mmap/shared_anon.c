// mmap/shared_anon.c - a MAP_SHARED|MAP_ANONYMOUS mapping is zero-filled
// and writable, and the same memory is seen by another thread; mremap
// with MREMAP_MAYMOVE keeps its contents.
#define _GNU_SOURCE
#include <pthread.h>
#include <sys/mman.h>
#include <unistd.h>
#include "compat.h"

static char *shm;

static void *writer(void *arg)
{
	(void)arg;
	strcpy(shm + 100, "from the thread");
	return NULL;
}

int main(void)
{
	long pg = sysconf(_SC_PAGESIZE);
	shm = mmap(NULL, 2 * pg, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	CHECK(shm != MAP_FAILED, "mmap");
	if (shm == MAP_FAILED)
		return compat_done();
	printf("zero: %s\n", shm[0] == 0 && shm[2 * pg - 1] == 0 ? "yes" : "no");
	pthread_t t;
	CHECK(pthread_create(&t, NULL, writer, NULL) == 0, "pthread_create");
	pthread_join(t, NULL);
	printf("main sees: %s\n", shm + 100);
	char *r = mremap(shm, 2 * pg, 8 * pg, MREMAP_MAYMOVE);
	CHECK(r != MAP_FAILED, "mremap");
	if (r != MAP_FAILED) {
		/* only the original size is backed: the grown tail would raise SIGBUS */
		printf("after mremap: %s\n", r + 100);
		CHECK_OK(munmap(r, 8 * pg));
	}
	return compat_done();
}
