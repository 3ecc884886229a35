/*
 * dl_find_object.c - _dl_find_object (glibc 2.35), through which
 * libgcc_s's unwinder finds the exception-handling data of the object a
 * return address lies in, for every frame it unwinds: without it no C++
 * exception can be caught, and libgcc_s.so.1 does not load at all.
 *
 * glibc's contract: for an address inside a loaded object, fill the
 * structure -- the object's mapping [dlfo_map_start, dlfo_map_end), its
 * link_map and its PT_GNU_EH_FRAME segment (the .eh_frame_hdr table) in
 * dlfo_eh_frame, NULL if it has none -- and return 0; otherwise -1. Here
 * the objects are dl_iterate_phdr's (keel's linker, src/ldso/keel_dl.c):
 * the mapping is the span of the object's PT_LOAD segments (the first
 * rounded down to its page). dlfo_link_map is left NULL: keel's linker has
 * link_maps only for dlinfo, and libgcc does not read it. An address in
 * the kernel's libc is in no object: -1, so an unwind through musl stops
 * there (musl is built without unwind tables anyway).
 */
#define _GNU_SOURCE
#include <link.h>
#include <stddef.h>
#include <stdint.h>
#include "glibc.h"

struct dl_find_object {
	unsigned long long dlfo_flags;
	void *dlfo_map_start;
	void *dlfo_map_end;
	struct link_map *dlfo_link_map;
	void *dlfo_eh_frame;
	unsigned long long __dlfo_reserved[7];
};

_Static_assert(offsetof(struct dl_find_object, dlfo_eh_frame) == 32 &&
	       sizeof(struct dl_find_object) == 96, "glibc's x86-64 struct dl_find_object");

struct search {
	uintptr_t addr;
	struct dl_find_object *out;
};

static int find(struct dl_phdr_info *info, size_t size, void *arg)
{
	struct search *s = arg;
	uintptr_t lo = UINTPTR_MAX, hi = 0, eh = 0;
	int inside = 0;
	(void)size;
	for (size_t i = 0; i < info->dlpi_phnum; i++) {
		const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
		uintptr_t start = info->dlpi_addr + ph->p_vaddr, end = start + ph->p_memsz;
		if (ph->p_type == PT_GNU_EH_FRAME)
			eh = start;
		if (ph->p_type != PT_LOAD)
			continue;
		inside |= s->addr >= start && s->addr < end;
		if (start < lo)
			lo = start;
		if (end > hi)
			hi = end;
	}
	if (!inside)
		return 0;
	s->out->dlfo_flags = 0;
	s->out->dlfo_map_start = (void *)(lo & -4096UL);
	s->out->dlfo_map_end = (void *)hi;
	s->out->dlfo_link_map = 0;
	s->out->dlfo_eh_frame = (void *)eh;
	return 1;
}

int _dl_find_object(void *addr, struct dl_find_object *out)
{
	struct search s = { (uintptr_t)addr, out };
	return dl_iterate_phdr(find, &s) ? 0 : -1;
}
