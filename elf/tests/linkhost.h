/*
 * linkhost.h - a small host-side loader for the linker's unit tests
 * (test_dyn, test_symbols, test_reloc): reads an ELF file, checks it with
 * elf_parse(), and lays its PT_LOADs out in one buffer the way the kernel
 * maps them (file bytes at vaddr - lo, the rest zero), then describes it
 * with elf_dso_init() and elf_dyn_parse().
 *
 * The buffer is malloc'd, so ASan's redzones around it catch any read or
 * write the linker makes past the object; with exec set it is mmap'd
 * read-write-execute instead, for the test objects whose IFUNC resolvers
 * the tests call.
 */
#ifndef KEEL_LINKHOST_H
#define KEEL_LINKHOST_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "elf.h"

struct hobj {
	const char *path;
	unsigned char *file;		/* the whole file */
	size_t file_len;
	struct elf_image img;
	unsigned char *mem;		/* the mapped image: file address v at mem + v - img.lo */
	size_t mem_len;
	bool exec;
	struct elf_dso dso;
	int dyn_err;			/* elf_dyn_parse()'s result */
	struct elf_err err;
};

/* Load and parse @path. Return: 0, or -1 with a message (the file is unusable). */
int hobj_load(struct hobj *o, const char *path, bool exec);
/* Copy the segments in again (undoing relocations and corruption) and re-parse. */
int hobj_reset(struct hobj *o);
void hobj_free(struct hobj *o);

/* A section of the file by name (from the section headers, not PT_DYNAMIC), or NULL. */
const Elf64_Shdr *hobj_section(const struct hobj *o, const char *name);
/* Pointer into the mapped image for file address @vaddr. */
void *hobj_at(const struct hobj *o, uint64_t vaddr);

/*
 * The .dynsym symbols of the file, from its section headers: a second view
 * of the symbols that does not go through the dynamic section.
 */
struct hsym {
	const char *name;
	const Elf64_Sym *sym;
	uint32_t index;
	const char *version;		/* verdef name for definitions, vernaux name for references */
	bool hidden;
};
/* Return: count, *out malloc'd (free it). */
size_t hobj_dynsyms(const struct hobj *o, struct hsym **out);

/* The value of a .symtab symbol (static functions too), or 0. */
uint64_t hobj_symtab(const struct hobj *o, const char *name);

/*
 * The lookup rules restated on the section-header view, for brute-force
 * comparison: a definition that is exported and has @name, and either the
 * default version (@version NULL) or that version (or none, not hidden).
 */
bool hsym_matches(const struct hsym *h, const char *name, const char *version);

/* ---- relocation tests ---- */

/* An object and its .dynsym view. */
struct tobj {
	struct hobj o;
	struct hsym *hs;
	size_t n;
};
int tobj_load(struct tobj *t, const char *path, bool exec);
void tobj_free(struct tobj *t);
/* The first definition hsym_matches() accepts, or NULL. */
const struct hsym *tobj_def(const struct tobj *t, const char *name, const char *version);
/* The mapped bytes at @t's symbol @name (default version). */
void *tobj_addr(const struct tobj *t, const char *name);

/*
 * The IFUNC callback of the tests (struct elf_reloc_ctx.ifunc): for an
 * object mapped with exec it calls the resolver, for any other it answers
 * FAKE_IFUNC(resolver) so a test can tell whose resolver was asked. Counts
 * calls in the struct ifunc_log passed as arg (may be NULL).
 */
#define FAKE_IFUNC(r) ((r) ^ (1ULL << 62))
struct ifunc_log {
	int calls;
	uint64_t last;
};
int test_ifunc(void *arg, const struct elf_dso *d, uint64_t resolver, uint64_t *out);

/*
 * Read back every place @t's relocations patched (its .rela.dyn, .rela.plt
 * and .relr.dyn, found through the section headers) and compare it with
 * the value an independent resolution over @scope[0..n) predicts. Missing
 * non-weak symbols are skipped. Return: mismatches (the first few printed);
 * *checked counts the places compared.
 */
unsigned check_relocs(const struct tobj *t, struct tobj *const *scope, size_t n,
		      unsigned *checked);

#endif
