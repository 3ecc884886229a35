/*
 * dlopen_global.c - a library opened RTLD_GLOBAL provides symbols to
 * libraries opened after it: libdluser.so, which uses libdlbase.so's
 * variable and function without depending on it, loads and works; the
 * symbol is visible through dlsym(RTLD_DEFAULT).
 */
// compat: dlopen lib/libdlbase.c
// compat: dlopen lib/libdluser.c
// compat: skip static static-pie dlopen works poorly in glibc
#define _GNU_SOURCE
#include <dlfcn.h>
#include "compat.h"

int main(void)
{
	void *base = dlopen("compat/lib/libdlbase.so", RTLD_NOW | RTLD_GLOBAL);
	CHECK(base != NULL, "dlopen base: %s", dlerror());
	printf("RTLD_DEFAULT finds base_value: %s\n", dlsym(RTLD_DEFAULT, "base_value") ? "yes" : "no");
	void *user = dlopen("compat/lib/libdluser.so", RTLD_NOW);
	CHECK(user != NULL, "dlopen user: %s", dlerror());
	if (!user)
		return compat_done();
	int (*uv)(void) = (int (*)(void))dlsym(user, "user_value");
	int **up = dlsym(user, "user_ptr");
	printf("user_value() = %d\n", uv ? uv() : -1);
	printf("user_ptr points at base_data: %s\n", up && *up == dlsym(base, "base_data") ? "yes" : "no");
	return compat_done();
}
