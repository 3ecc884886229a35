/*
 * dlclose_dtor.c - dlclose of the last reference runs the library's
 * destructor before it returns and unloads it: RTLD_NOLOAD then finds
 * nothing. With two references the first dlclose does neither.
 */
// compat: dlopen lib/libdldtor.c
// compat: skip static static-pie dlopen works poorly in glibc
// compat: skip musl musl never unloads a library: its dlclose does nothing
// compat: skip glibc-linked keel's linker never unloads a library (as musl): dlclose only counts
#include <dlfcn.h>
#include "compat.h"

int main(void)
{
	void *h = dlopen("compat/lib/libdldtor.so", RTLD_NOW);
	void *h2 = dlopen("compat/lib/libdldtor.so", RTLD_NOW);
	CHECK(h && h2, "dlopen");
	printf("first dlclose: %d\n", dlclose(h));
	fflush(stdout);
	printf("still loaded: %s\n", dlopen("compat/lib/libdldtor.so", RTLD_NOW | RTLD_NOLOAD) ? "yes" : "no");
	dlclose(h2); /* the NOLOAD reference */
	printf("last dlclose:\n");
	fflush(stdout);
	printf("  returned %d\n", dlclose(h2));
	printf("still loaded: %s\n", dlopen("compat/lib/libdldtor.so", RTLD_NOW | RTLD_NOLOAD) ? "yes" : "no");
	return compat_done();
}
