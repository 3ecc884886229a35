/*
 * dlopen_local.c - a library opened RTLD_LOCAL (the default) does not
 * provide symbols to libraries opened later: libdluser.so fails to load,
 * and dlerror names the missing symbol; dlsym(RTLD_DEFAULT) does not see
 * it. Re-opening it with RTLD_NOLOAD | RTLD_GLOBAL promotes it, and then
 * libdluser.so loads.
 */
// compat: dlopen lib/libdlbase.c
// compat: dlopen lib/libdluser.c
// compat: skip static static-pie dlopen works poorly in glibc
#define _GNU_SOURCE
#include <dlfcn.h>
#include <string.h>
#include "compat.h"

int main(void)
{
	void *base = dlopen("compat/lib/libdlbase.so", RTLD_NOW | RTLD_LOCAL);
	CHECK(base != NULL, "dlopen base: %s", dlerror());
	printf("own handle finds base_value: %s\n", base && dlsym(base, "base_value") ? "yes" : "no");
	printf("RTLD_DEFAULT finds base_value: %s\n", dlsym(RTLD_DEFAULT, "base_value") ? "yes" : "no");
	dlerror();
	void *user = dlopen("compat/lib/libdluser.so", RTLD_NOW);
	const char *e = dlerror();
	printf("user with base local: %s, error names base_data or base_value: %s\n", user ? "loaded" : "NULL",
	       e && (strstr(e, "base_data") || strstr(e, "base_value")) ? "yes" : "no");

	void *again = dlopen("compat/lib/libdlbase.so", RTLD_NOW | RTLD_NOLOAD | RTLD_GLOBAL);
	printf("promoted, same handle: %s\n", again == base ? "yes" : "no");
	user = dlopen("compat/lib/libdluser.so", RTLD_NOW);
	printf("user after promotion: %s\n", user ? "loaded" : "NULL");
	int (*uv)(void) = user ? (int (*)(void))dlsym(user, "user_value") : NULL;
	printf("user_value() = %d\n", uv ? uv() : -1);
	return compat_done();
}
