// mmap/flags_accepted.c - mmap accepts MAP_NORESERVE, MAP_POPULATE,
// MAP_STACK and MAP_GROWSDOWN on anonymous private memory; each mapping is
// zero-filled and writable at its top byte.
#define _GNU_SOURCE
#include <sys/mman.h>
#include <unistd.h>
#include "compat.h"

int main(void)
{
	long pg = sysconf(_SC_PAGESIZE);
	static const struct {
		const char *name;
		int flag;
	} f[] = {
		{ "MAP_NORESERVE", MAP_NORESERVE },
		{ "MAP_POPULATE", MAP_POPULATE },
		{ "MAP_STACK", MAP_STACK },
		{ "MAP_GROWSDOWN", MAP_GROWSDOWN },
		{ "MAP_NORESERVE|MAP_POPULATE", MAP_NORESERVE | MAP_POPULATE },
	};
	for (unsigned i = 0; i < sizeof f / sizeof f[0]; i++) {
		char *p = mmap(NULL, 4 * pg, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | f[i].flag, -1, 0);
		CHECK(p != MAP_FAILED, "mmap %s", f[i].name);
		if (p == MAP_FAILED)
			continue;
		char before = p[4 * pg - 1];
		p[4 * pg - 1] = 'k';
		printf("%s: zero %s, top byte %c\n", f[i].name, before == 0 ? "yes" : "no", p[4 * pg - 1]);
		CHECK_OK(munmap(p, 4 * pg));
	}
	return compat_done();
}
