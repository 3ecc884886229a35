/*
 * dlsym_default.c - the global scope: dlopen(NULL) gives a handle for the
 * program and its libraries, where dlsym finds libc's functions (the same
 * addresses the program calls); dlsym(RTLD_DEFAULT) does too;
 * RTLD_NEXT from the program finds libc's malloc.
 */
// compat: skip static static-pie dlopen works poorly in glibc
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdlib.h>
#include <string.h>
#include "compat.h"

int main(void)
{
	void *self = dlopen(NULL, RTLD_NOW);
	CHECK(self != NULL, "dlopen(NULL)");
	printf("self: strlen is the program's: %s\n", self && dlsym(self, "strlen") == (void *)strlen ? "yes" : "no");
	printf("RTLD_DEFAULT: malloc is the program's: %s\n", dlsym(RTLD_DEFAULT, "malloc") == (void *)malloc ? "yes" : "no");
	printf("RTLD_NEXT: malloc found: %s\n", dlsym(RTLD_NEXT, "malloc") ? "yes" : "no");
	dlerror();
	void *missing = dlsym(RTLD_DEFAULT, "no_such_symbol_anywhere");
	const char *e = dlerror();
	printf("RTLD_DEFAULT: missing symbol: %s, dlerror set: %s\n", missing ? "found" : "NULL", e ? "yes" : "no");
	return compat_done();
}
