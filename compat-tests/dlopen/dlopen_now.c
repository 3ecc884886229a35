/*
 * dlopen_now.c - dlopen(RTLD_NOW) of a library by a relative path, dlsym
 * of a function (called) and of a variable (read and written through,
 * as the library itself sees it); dlclose returns 0.
 */
// compat: dlopen lib/libdlbasic.c
// compat: skip static static-pie dlopen works poorly in glibc
#include <dlfcn.h>
#include "compat.h"

int main(void)
{
	void *h = dlopen("compat/lib/libdlbasic.so", RTLD_NOW);
	CHECK(h != NULL, "dlopen: %s", dlerror());
	if (!h)
		return compat_done();
	int (*add)(int, int) = (int (*)(int, int))dlsym(h, "dl_add");
	int (*get)(void) = (int (*)(void))dlsym(h, "dl_get_counter");
	int *counter = dlsym(h, "dl_counter");
	CHECK(add && get && counter, "dlsym");
	if (add && get && counter) {
		printf("dl_add(2, 3) = %d\n", add(2, 3));
		printf("dl_counter = %d\n", *counter);
		*counter = 99;
		printf("after writing 99, the library reads %d\n", get());
	}
	printf("dlclose: %d\n", dlclose(h));
	return compat_done();
}
