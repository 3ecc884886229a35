/*
 * test_glibc.c - host unit tests that relocate the host's own glibc
 * libraries with keel's linker (elf/reloc.c, elf/tls.c, elf/symbols.c).
 *
 *  1. libc.so.6 with ld-linux-x86-64.so.2, and libstdc++.so.6 with libm,
 *     libc, libgcc_s and ld.so: TLS laid out, every object relocated
 *     dependencies first, nothing missing, and every place their
 *     .rela.dyn, .rela.plt and .relr.dyn name read back and compared with
 *     an independent resolution (linkhost.c). IFUNC resolvers are not run
 *     (the objects are not really started); the callback answers a marked
 *     value, so the check also proves which resolver each slot asked.
 *  2. libc.so.6 alone: everything it imports from ld.so is reported
 *     missing, each (name, version) once, with the version's file.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "linkhost.h"
#include "tests/hosttest.h"

#define LIBC "/lib/x86_64-linux-gnu/libc.so.6"
#define LIBM "/lib/x86_64-linux-gnu/libm.so.6"
#define LDSO "/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2"
#define LIBGCC "/lib/x86_64-linux-gnu/libgcc_s.so.1"
#define LIBSTDCXX "/usr/lib/x86_64-linux-gnu/libstdc++.so.6"
#define MAXOBJ 8

/* Load @paths (search order), lay out TLS, relocate in reverse order; 0 or -1. */
static int link_all(const char *const *paths, size_t n, struct tobj *t, struct ifunc_log *log)
{
	struct elf_dso *ds[MAXOBJ];
	struct elf_missing_sym mv[16];
	struct elf_missing m = { mv, 16, 0 };
	struct elf_tls_layout tl;
	struct elf_err err;
	char buf[256];

	for (size_t k = 0; k < n; k++) {
		if (tobj_load(&t[k], paths[k], false))
			return -1;
		ds[k] = &t[k].o.dso;
	}
	CHECK(elf_tls_layout(ds, n, &tl, &err) == 0 && tl.nmod > 0);
	struct elf_reloc_ctx ctx = { ds, n, test_ifunc, log, &m, 0 };
	for (size_t k = n; k-- > 0;) {
		int r = elf_relocate(ds[k], &ctx, &err);
		if (r)
			fprintf(stderr, "  %s: %d %s %s\n", paths[k], r, err.why, err.sym ? err.sym : "");
		CHECK(r == 0);
	}
	for (size_t i = 0; i < m.n && i < m.cap; i++) {
		elf_missing_format(&mv[i], buf, sizeof(buf));
		fprintf(stderr, "  missing: %s\n", buf);
	}
	CHECK(m.n == 0);
	return 0;
}

static void check_all(struct tobj *t, size_t n)
{
	struct tobj *scope[MAXOBJ];
	for (size_t k = 0; k < n; k++)
		scope[k] = &t[k];
	for (size_t k = 0; k < n; k++) {
		unsigned checked, bad = check_relocs(&t[k], scope, n, &checked);
		printf("  %s: %u places read back, %u wrong\n", t[k].o.path, checked, bad);
		CHECK(bad == 0);
		CHECK(checked >= t[k].o.dso.dyn.nrela / 2);
	}
}

static void test_libc(void)
{
	static const char *const paths[] = { LIBC, LDSO };
	struct tobj t[2];
	struct ifunc_log log = { 0 };

	if (link_all(paths, 2, t, &log)) {
		CHECK(!"libc and ld.so load");
		return;
	}
	CHECK(log.calls > 20);		/* libc's string functions are IFUNCs */
	CHECK(t[0].o.dso.tls_modid == 1 && t[0].o.dso.tls_static && t[1].o.dso.tls_modid == 0);
	CHECK(t[0].o.dso.dyn.nrelr > 0);
	check_all(t, 2);

	/* A slot by name: libc's own call of memcpy goes through its resolver. */
	struct elf_symreq r;
	struct elf_symdef def;
	struct elf_dso *ds[] = { &t[0].o.dso, &t[1].o.dso };
	elf_symreq_init(&r, "memcpy", NULL);
	CHECK(elf_sym_lookup(ds, 2, &r, NULL, &def) && def.ifunc && def.dso == ds[0]);
	printf("  libc: %d IFUNC resolvers asked\n", log.calls);
	tobj_free(&t[0]);
	tobj_free(&t[1]);
}

static void test_libstdcxx(void)
{
	static const char *const paths[] = { LIBSTDCXX, LIBM, LIBC, LIBGCC, LDSO };
	struct tobj t[5];

	if (link_all(paths, 5, t, NULL)) {
		CHECK(!"libstdc++ and its dependencies load");
		return;
	}
	check_all(t, 5);
	for (int k = 0; k < 5; k++)
		tobj_free(&t[k]);
}

/* ---- 2. libc without ld.so ------------------------------------------------ */

struct want {
	char text[256];
	bool seen;
};

/* The distinct non-weak imports of @t that are used by relocations, from the file. */
static size_t imports(const struct tobj *t, struct want *w, size_t cap)
{
	static const char *const secs[] = { ".rela.dyn", ".rela.plt" };
	size_t n = 0;

	for (int k = 0; k < 2; k++) {
		const Elf64_Shdr *s = hobj_section(&t->o, secs[k]);
		for (uint64_t i = 0; s && i < s->sh_size / sizeof(Elf64_Rela); i++) {
			const Elf64_Rela *r = (const Elf64_Rela *)(t->o.file + s->sh_offset) + i;
			const struct hsym *h = &t->hs[ELF64_R_SYM(r->r_info)];
			if (!ELF64_R_SYM(r->r_info) || h->sym->st_shndx != SHN_UNDEF ||
			    ELF64_ST_BIND(h->sym->st_info) == STB_WEAK)
				continue;
			char text[256];
			snprintf(text, sizeof(text), "%s%s%s (needed by %s)", h->name, h->version ? "@" : "",
				 h->version ? h->version : "", t->o.path);
			size_t j;
			for (j = 0; j < n && strcmp(w[j].text, text); j++)
				;
			if (j == n && n < cap)
				strcpy(w[n++].text, text);
		}
	}
	return n;
}

static void test_libc_alone(void)
{
	struct tobj libc;
	struct elf_missing_sym mv[64];
	struct elf_missing m = { mv, 64, 0 };
	struct elf_tls_layout tl;
	struct elf_err err;
	struct want w[64];
	char buf[256];

	if (tobj_load(&libc, LIBC, false)) {
		CHECK(!"libc loads");
		return;
	}
	struct elf_dso *ds[] = { &libc.o.dso };
	size_t nw = imports(&libc, w, 64);
	CHECK(elf_tls_layout(ds, 1, &tl, &err) == 0);
	struct elf_reloc_ctx ctx = { ds, 1, test_ifunc, NULL, &m, 0 };
	CHECK(elf_relocate(&libc.o.dso, &ctx, &err) == -ENOENT && err.sym);
	CHECK(m.n == nw && nw > 3 && m.n <= m.cap);
	unsigned unknown = 0, versioned = 0;
	for (size_t i = 0; i < m.n && i < m.cap; i++) {
		elf_missing_format(&mv[i], buf, sizeof(buf));
		size_t j;
		for (j = 0; j < nw && strcmp(w[j].text, buf); j++)
			;
		if (j < nw)
			w[j].seen = true;
		else if (unknown++ < 3)
			fprintf(stderr, "  unexpected: %s\n", buf);
		versioned += mv[i].version && strcmp(mv[i].file, "ld-linux-x86-64.so.2") == 0;
	}
	unsigned unseen = 0;
	for (size_t j = 0; j < nw; j++)
		unseen += !w[j].seen;
	printf("  libc alone: %zu missing, e.g. %s\n", m.n, nw ? w[0].text : "");
	CHECK(unknown == 0 && unseen == 0 && versioned == m.n);
	tobj_free(&libc);
}

int main(void)
{
	test_libc();
	test_libstdcxx();
	test_libc_alone();
	return TEST_END();
}
