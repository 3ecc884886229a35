/*
 * dlopen_lazy.c - a library with a call to a function nobody defines:
 * dlopen(RTLD_NOW) fails (NULL, dlerror names the missing symbol),
 * dlopen(RTLD_LAZY) succeeds, and its other functions work.
 */
// compat: dlopen lib/libdllazy.c
// compat: skip static static-pie dlopen works poorly in glibc
#include <dlfcn.h>
#include <string.h>
#include "compat.h"

int main(void)
{
	void *h = dlopen("compat/lib/libdllazy.so", RTLD_NOW);
	const char *e = dlerror();
	printf("RTLD_NOW: %s, error names the symbol: %s\n", h ? "loaded" : "NULL",
	       e && strstr(e, "dl_no_such_function") ? "yes" : "no");
	h = dlopen("compat/lib/libdllazy.so", RTLD_LAZY);
	CHECK(h != NULL, "RTLD_LAZY: %s", dlerror());
	if (!h)
		return compat_done();
	int (*ok)(void) = (int (*)(void))dlsym(h, "lazy_ok");
	printf("RTLD_LAZY: loaded, lazy_ok() = %d\n", ok ? ok() : -1);
	printf("lazy_bad found (not called): %s\n", dlsym(h, "lazy_bad") ? "yes" : "no");
	return compat_done();
}
