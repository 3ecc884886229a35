/*
 * dladdr_basic.c - dladdr of a function and of a variable in a dlopened
 * library names the symbol, its exact address and the library's file
 * (as opened); an address inside a function gives that function; an
 * address in no object returns 0.
 */
// compat: dlopen lib/libdlbasic.c
// compat: skip static static-pie dlopen works poorly in glibc
#define _GNU_SOURCE
#include <dlfcn.h>
#include <string.h>
#include "compat.h"

static int ends_with(const char *s, const char *t)
{
	size_t a = s ? strlen(s) : 0, b = strlen(t);
	return s && a >= b && strcmp(s + a - b, t) == 0;
}

int main(void)
{
	void *h = dlopen("compat/lib/libdlbasic.so", RTLD_NOW);
	CHECK(h != NULL, "dlopen");
	if (!h)
		return compat_done();
	void *fn = dlsym(h, "dl_add"), *var = dlsym(h, "dl_counter");
	Dl_info info;
	memset(&info, 0, sizeof info);
	int r = dladdr(fn, &info);
	printf("function: %d name %s exact: %s file ends libdlbasic.so: %s base set: %s\n", r,
	       info.dli_sname ? info.dli_sname : "(null)", info.dli_saddr == fn ? "yes" : "no",
	       ends_with(info.dli_fname, "libdlbasic.so") ? "yes" : "no", info.dli_fbase ? "yes" : "no");
	memset(&info, 0, sizeof info);
	r = dladdr((char *)fn + 1, &info);
	printf("inside the function: %d name %s\n", r, info.dli_sname ? info.dli_sname : "(null)");
	memset(&info, 0, sizeof info);
	r = dladdr(var, &info);
	printf("variable: %d name %s exact: %s\n", r, info.dli_sname ? info.dli_sname : "(null)",
	       info.dli_saddr == var ? "yes" : "no");
	memset(&info, 0, sizeof info);
	printf("address 16: %d\n", dladdr((void *)16, &info));
	return compat_done();
}
