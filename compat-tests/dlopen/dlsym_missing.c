/*
 * dlsym_missing.c - dlsym of a symbol the library does not define returns
 * NULL and sets dlerror() (naming the symbol), which the next dlerror()
 * clears; a symbol that exists clears nothing and returns non-NULL.
 */
// compat: dlopen lib/libdlbasic.c
// compat: skip static static-pie dlopen works poorly in glibc
#include <dlfcn.h>
#include <string.h>
#include "compat.h"

int main(void)
{
	void *h = dlopen("compat/lib/libdlbasic.so", RTLD_NOW);
	CHECK(h != NULL, "dlopen");
	if (!h)
		return compat_done();
	dlerror();
	void *s = dlsym(h, "no_such_symbol");
	const char *e = dlerror();
	printf("missing: %s, dlerror names it: %s\n", s ? "found" : "NULL", e && strstr(e, "no_such_symbol") ? "yes" : "no");
	printf("second dlerror: %s\n", dlerror() ? "message" : "NULL");
	s = dlsym(h, "dl_add");
	printf("present: %s, dlerror: %s\n", s ? "found" : "NULL", dlerror() ? "message" : "NULL");
	return compat_done();
}
