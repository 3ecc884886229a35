/*
 * dlopen_missing.c - dlopen of a file that does not exist returns NULL
 * and dlerror() returns a message naming the file, once: a second
 * dlerror() returns NULL. A file that is not an ELF object fails too.
 */
// compat: skip static static-pie dlopen works poorly in glibc
#include <dlfcn.h>
#include <string.h>
#include "compat.h"

int main(void)
{
	void *h = dlopen("compat/lib/libnope.so", RTLD_NOW);
	const char *e = dlerror();
	printf("missing: %s\n", h ? "loaded" : "NULL");
	printf("dlerror names the file: %s\n", e && strstr(e, "compat/lib/libnope.so") ? "yes" : "no");
	printf("second dlerror: %s\n", dlerror() ? "message" : "NULL");

	h = dlopen("/dev/null", RTLD_NOW);
	printf("/dev/null: %s, dlerror set: %s\n", h ? "loaded" : "NULL", dlerror() ? "yes" : "no");
	h = dlopen("/", RTLD_NOW);
	printf("a directory: %s, dlerror set: %s\n", h ? "loaded" : "NULL", dlerror() ? "yes" : "no");
	printf("no error pending: %s\n", dlerror() ? "no" : "yes");
	return compat_done();
}
