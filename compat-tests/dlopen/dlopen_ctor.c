/*
 * dlopen_ctor.c - a library's constructors run inside dlopen, before it
 * returns, in priority order, once: a second dlopen of the same library
 * runs none.
 */
// compat: dlopen lib/libdlctor.c
// compat: skip static static-pie dlopen works poorly in glibc
#include <dlfcn.h>
#include "compat.h"

int main(void)
{
	printf("before dlopen\n");
	fflush(stdout);
	void *h = dlopen("compat/lib/libdlctor.so", RTLD_NOW);
	printf("after dlopen: %s\n", h ? "loaded" : dlerror());
	int *runs = h ? dlsym(h, "ctor_runs") : NULL;
	printf("constructors run: %d\n", runs ? *runs : -1);
	void *h2 = dlopen("compat/lib/libdlctor.so", RTLD_NOW);
	printf("second dlopen, constructors run: %d, same handle: %s\n", runs ? *runs : -1, h2 == h ? "yes" : "no");
	fflush(stdout);
	return compat_done();
}
