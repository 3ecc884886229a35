/*
 * dl_iterate_phdr.c - dl_iterate_phdr visits every loaded object: the
 * program first (its PT_LOAD segments hold main), and a dlopened library
 * (by its name, its segments hold one of its functions); more objects
 * after dlopen than before; the callback's non-zero return stops the walk.
 */
// compat: dlopen lib/libdlbasic.c
// compat: skip static static-pie dlopen works poorly in glibc
#define _GNU_SOURCE
#include <dlfcn.h>
#include <link.h>
#include <stdint.h>
#include <string.h>
#include "compat.h"

struct walk {
	int count;
	int first_has_main;
	int lib_found, lib_has_fn;
	uintptr_t fn;
	int stop_after;
};

int main(void);

static int contains(struct dl_phdr_info *info, uintptr_t p)
{
	for (int i = 0; i < info->dlpi_phnum; i++) {
		const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
		uintptr_t lo = info->dlpi_addr + ph->p_vaddr;
		if (ph->p_type == PT_LOAD && p >= lo && p < lo + ph->p_memsz)
			return 1;
	}
	return 0;
}

static int cb(struct dl_phdr_info *info, size_t size, void *arg)
{
	struct walk *w = arg;
	(void)size;
	if (w->count == 0)
		w->first_has_main = contains(info, (uintptr_t)(void *)main);
	const char *n = info->dlpi_name;
	size_t l = n ? strlen(n) : 0;
	if (l >= 13 && strcmp(n + l - 13, "libdlbasic.so") == 0) {
		w->lib_found = 1;
		w->lib_has_fn = contains(info, w->fn);
	}
	w->count++;
	return w->stop_after && w->count == w->stop_after;
}

int main(void)
{
	struct walk before = { 0 }, after = { 0 }, stop = { .stop_after = 1 };
	dl_iterate_phdr(cb, &before);
	void *h = dlopen("compat/lib/libdlbasic.so", RTLD_NOW);
	CHECK(h != NULL, "dlopen");
	after.fn = (uintptr_t)(h ? dlsym(h, "dl_add") : NULL);
	dl_iterate_phdr(cb, &after);
	printf("before dlopen: program first: %s, library seen: %s\n", before.first_has_main ? "yes" : "no",
	       before.lib_found ? "yes" : "no");
	printf("after: program first: %s, library seen: %s, holds dl_add: %s\n", after.first_has_main ? "yes" : "no",
	       after.lib_found ? "yes" : "no", after.lib_has_fn ? "yes" : "no");
	printf("one more object: %s\n", after.count == before.count + 1 ? "yes" : "no");
	int r = dl_iterate_phdr(cb, &stop);
	printf("stopped walk: returned %d after %d\n", r, stop.count);
	return compat_done();
}
