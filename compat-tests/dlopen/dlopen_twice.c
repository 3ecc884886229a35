/*
 * dlopen_twice.c - opening the same library twice gives the same handle
 * and the same symbol addresses (one copy, one state); RTLD_NOLOAD
 * returns that handle without loading anything, and NULL for a library
 * that is not loaded (whose constructor does not run).
 */
// compat: dlopen lib/libdlbasic.c
// compat: dlopen lib/libdlctor.c
// compat: skip static static-pie dlopen works poorly in glibc
#include <dlfcn.h>
#include "compat.h"

int main(void)
{
	void *a = dlopen("compat/lib/libdlbasic.so", RTLD_NOW);
	void *b = dlopen("compat/lib/libdlbasic.so", RTLD_LAZY);
	CHECK(a && b, "dlopen");
	printf("same handle: %s\n", a == b ? "yes" : "no");
	int *ca = a ? dlsym(a, "dl_counter") : NULL, *cb = b ? dlsym(b, "dl_counter") : NULL;
	printf("same variable: %s\n", ca && ca == cb ? "yes" : "no");
	printf("RTLD_NOLOAD of it: %s\n", dlopen("compat/lib/libdlbasic.so", RTLD_NOW | RTLD_NOLOAD) == a ? "same handle" : "other");
	printf("RTLD_NOLOAD of an unloaded library: %s\n",
	       dlopen("compat/lib/libdlctor.so", RTLD_NOW | RTLD_NOLOAD) ? "loaded" : "NULL");
	fflush(stdout);
	return compat_done();
}
