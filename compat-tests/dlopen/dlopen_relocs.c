/*
 * dlopen_relocs.c - a dlopened library's load-time relocations: its
 * tables of pointers to its own strings, functions and variables, and a
 * pointer to libc's strlen, all point where they should.
 */
// compat: dlopen lib/libdlreloc.c
// compat: skip static static-pie dlopen works poorly in glibc
#include <dlfcn.h>
#include <string.h>
#include "compat.h"

struct entry {
	const char *name;
	int (*fn)(int);
};

int main(void)
{
	void *h = dlopen("compat/lib/libdlreloc.so", RTLD_NOW);
	CHECK(h != NULL, "dlopen: %s", dlerror());
	if (!h)
		return compat_done();
	const char **names = dlsym(h, "reloc_names");
	int (**ops)(int) = dlsym(h, "reloc_ops");
	int **ptr = dlsym(h, "reloc_ptr");
	size_t (**sl)(const char *) = dlsym(h, "reloc_strlen");
	struct entry *table = dlsym(h, "reloc_table");
	CHECK(names && ops && ptr && sl && table, "dlsym");
	if (!(names && ops && ptr && sl && table))
		return compat_done();
	printf("names: %s %s %s\n", names[0], names[1], names[2]);
	printf("ops: %d %d\n", ops[0](10), ops[1](10));
	printf("ptr -> reloc_value: %s, value %d\n", *ptr == dlsym(h, "reloc_value") ? "yes" : "no", **ptr);
	printf("strlen is libc's: %s, strlen(\"abcd\") %zu\n", *sl == strlen ? "yes" : "no", (*sl)("abcd"));
	for (struct entry *e = table; e->name; e++)
		printf("table: %s(5) = %d\n", e->name, e->fn(5));
	return compat_done();
}
