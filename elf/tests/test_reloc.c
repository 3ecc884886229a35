/*
 * test_reloc.c - host unit tests for relocation and TLS layout
 * (elf/reloc.c, elf/tls.c) on the lk_* test objects.
 *
 *  1. liblk.so.1 in its three builds (RELA, RELR, SysV hash), mapped
 *     executable with libprov.so.1: every place its relocations patch is
 *     read back and compared with an independent resolution (linkhost.c);
 *     the IFUNC resolvers really run; then the linked code itself runs
 *     (through its PLT into libprov), and DT_SYMBOLIC changes one binding.
 *  2. A PIE with a COPY relocation and its own TLS: the variant II layout
 *     must match the offsets the static linker baked into the program's
 *     local-exec code, and a thread's TLS block must hold the images.
 *  3. Missing symbols: all of them, once each, with versions.
 *  4. Directed broken relocations, each with its sentence.
 *  5. Fuzzing: random corruption of the relocation tables.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "linkhost.h"
#include "tests/hosttest.h"

#define LK "build/host/link/"

static uint64_t word(const void *p)
{
	uint64_t v;
	memcpy(&v, p, 8);
	return v;
}

static int relocate(struct tobj *t, struct tobj *const *scope, size_t n, struct ifunc_log *log,
		    struct elf_missing *m, struct elf_err *err)
{
	struct elf_dso *ds[8];
	for (size_t k = 0; k < n; k++)
		ds[k] = &scope[k]->o.dso;
	struct elf_reloc_ctx ctx = { ds, n, test_ifunc, log, m, 0 };
	return elf_relocate(&t->o.dso, &ctx, err);
}

static int layout(struct tobj *const *objs, size_t n, struct elf_tls_layout *tl)
{
	struct elf_dso *ds[8];
	struct elf_err err;
	for (size_t k = 0; k < n; k++)
		ds[k] = &objs[k]->o.dso;
	return elf_tls_layout(ds, n, tl, &err);
}

/* ---- 1. liblk ------------------------------------------------------------ */

static void test_lib(const char *path)
{
	struct tobj lk, prov;
	struct elf_tls_layout tl;
	struct elf_missing_sym mv[8];
	struct elf_missing m = { mv, 8, 0 };
	struct ifunc_log log = { 0 };
	struct elf_err err;
	unsigned checked;

	if (tobj_load(&lk, path, true) || tobj_load(&prov, LK "libprov.so", true)) {
		CHECK(!"liblk and libprov load");
		return;
	}
	struct tobj *scope[] = { &lk, &prov };
	CHECK(layout(scope, 2, &tl) == 0 && tl.nmod == 1 && lk.o.dso.tls_modid == 1);
	CHECK(relocate(&prov, scope, 2, NULL, &m, &err) == 0);
	int r = relocate(&lk, scope, 2, &log, &m, &err);
	if (r)
		fprintf(stderr, "  %s: %d %s %s\n", path, r, err.why, err.sym ? err.sym : "");
	CHECK(r == 0 && m.n == 0);
	/* lk_ifunc's PLT slot and lk_hidden_ptr's IRELATIVE; the resolvers are static functions. */
	CHECK(log.calls == 2);
	CHECK(log.last == lk.o.dso.bias + hobj_symtab(&lk.o, "resolve_h"));
	CHECK(check_relocs(&lk, scope, 2, &checked) == 0);
	printf("  %s: %u places read back\n", path, checked);
	CHECK(checked >= 18);

	/* The data, by meaning. */
	uint64_t *p = tobj_addr(&lk, "lk_ptrs");
	CHECK(p[0] == (uint64_t)tobj_addr(&lk, "lk_data") && *(int *)p[0] == 5);
	CHECK(*(int *)p[1] == 6 && strcmp((const char *)p[2], "str") == 0);
	CHECK(p[3] == (uint64_t)tobj_addr(&lk, "lk_plain"));
	CHECK(p[4] == (uint64_t)tobj_addr(&prov, "lk_ext_data") && *(int *)p[4] == 1234);
	CHECK(p[5] == 0 && p[6] == (uint64_t)tobj_addr(&prov, "lk_ext_func"));
	CHECK(word(tobj_addr(&lk, "lk_dup_p")) == (uint64_t)tobj_addr(&lk, "lk_dup"));

	/* Run the linked code: IFUNCs, and calls through the PLT into libprov. */
	int (*hidden)(void) = (int (*)(void))word(tobj_addr(&lk, "lk_hidden_ptr"));
	int (*call_ifunc)(void) = (int (*)(void))tobj_addr(&lk, "lk_call_ifunc");
	int (*use)(void) = (int (*)(void))tobj_addr(&lk, "lk_use");
	CHECK(hidden() == 43 && call_ifunc() == 42);
	CHECK(use() == 99 + 1234 + 2);

	/* DT_SYMBOLIC: the object's own lk_dup wins even when libprov comes first. */
	struct tobj *rev[] = { &prov, &lk };
	hobj_reset(&lk.o);
	CHECK(layout(scope, 2, &tl) == 0 && relocate(&lk, rev, 2, NULL, &m, &err) == 0);
	CHECK(word(tobj_addr(&lk, "lk_dup_p")) == (uint64_t)tobj_addr(&prov, "lk_dup"));
	hobj_reset(&lk.o);
	lk.o.dso.dyn.symbolic = true;
	CHECK(layout(scope, 2, &tl) == 0 && relocate(&lk, rev, 2, NULL, &m, &err) == 0);
	CHECK(word(tobj_addr(&lk, "lk_dup_p")) == (uint64_t)tobj_addr(&lk, "lk_dup"));
	tobj_free(&lk);
	tobj_free(&prov);
}

/* ---- 2. PIE: COPY and the TLS layout -------------------------------------- */

static uint64_t up(uint64_t x, uint64_t a)
{
	return (x + a - 1) / a * a;
}

static void test_exe(void)
{
	struct tobj exe, lk, prov;
	struct elf_tls_layout tl;
	struct elf_missing_sym mv[8];
	struct elf_missing m = { mv, 8, 0 };
	struct elf_err err;
	unsigned checked;

	if (tobj_load(&exe, LK "lk_exe", false) || tobj_load(&lk, LK "liblk.so", false) ||
	    tobj_load(&prov, LK "libprov.so", false)) {
		CHECK(!"exe objects load");
		return;
	}
	struct tobj *scope[] = { &exe, &lk, &prov };
	const struct elf_dso *e = &exe.o.dso, *l = &lk.o.dso;

	/* Variant II by the formula: the executable's block right below tp. */
	CHECK(layout(scope, 3, &tl) == 0 && tl.nmod == 2);
	CHECK(e->tls_vaddr % e->tls_align == 0 && l->tls_vaddr % l->tls_align == 0);
	uint64_t off1 = up(e->tls_memsz, e->tls_align), off2 = up(off1 + l->tls_memsz, l->tls_align);
	CHECK(e->tls_modid == 1 && e->tls_static && e->tls_offset == -(int64_t)off1);
	CHECK(l->tls_modid == 2 && l->tls_offset == -(int64_t)off2 && !prov.o.dso.tls_modid);
	CHECK(tl.size == off2 && tl.align == 32);

	/* ... as the static linker assumed: exe_main adds %fs:disp32 of exe_tls first. */
	const unsigned char *code = hobj_at(&exe.o, hobj_symtab(&exe.o, "exe_main"));
	int32_t disp = 0;
	for (int i = 0; i < 64 && !disp; i++)
		if (code[i] == 0x64 && code[i + 1] == 0x03 && code[i + 2] == 0x04 && code[i + 3] == 0x25)
			memcpy(&disp, code + i + 4, 4);
	CHECK(disp && disp == e->tls_offset + (int64_t)hobj_symtab(&exe.o, "exe_tls"));

	/* Dependencies first, the executable last (its COPY reads liblk's data). */
	CHECK(relocate(&prov, scope, 3, NULL, &m, &err) == 0);
	CHECK(relocate(&lk, scope, 3, NULL, &m, &err) == 0);
	CHECK(relocate(&exe, scope, 3, NULL, &m, &err) == 0 && m.n == 0);
	CHECK(check_relocs(&exe, scope, 3, &checked) == 0 && checked == 3);
	CHECK(check_relocs(&lk, scope, 3, &checked) == 0);
	int *copy = tobj_addr(&exe, "lk_copy_var");
	CHECK(copy && copy[0] == 11 && copy[3] == 44 && copy != tobj_addr(&lk, "lk_copy_var"));
	/* The copy now interposes: others bind to the executable's. */
	struct elf_dso *ds[] = { &exe.o.dso, &lk.o.dso, &prov.o.dso };
	struct elf_symreq r;
	struct elf_symdef def;
	elf_symreq_init(&r, "lk_copy_var", NULL);
	CHECK(elf_sym_lookup(ds, 3, &r, NULL, &def) && def.dso == &exe.o.dso);

	/* A thread's static TLS. */
	unsigned char *area = aligned_alloc(64, up(tl.size, 64) + 64);
	memset(area, 0xaa, up(tl.size, 64) + 64);
	uintptr_t tp = (uintptr_t)area + up(tl.size, 64);
	CHECK(elf_tls_init(ds, 3, tp, &err) == 0);
	int *exe_tls = (int *)(tp + e->tls_offset + hobj_symtab(&exe.o, "exe_tls"));
	long *big = (long *)(tp + e->tls_offset + hobj_symtab(&exe.o, "exe_tls_big"));
	CHECK(*exe_tls == 3 && big[0] == 0 && big[4] == 0);
	uintptr_t lb = tp + l->tls_offset;
	CHECK(*(int *)(lb + tobj_def(&lk, "lk_tls_gd", NULL)->sym->st_value) == 5);
	CHECK(*(int *)(lb + tobj_def(&lk, "lk_tls_ie", NULL)->sym->st_value) == 7);
	const unsigned char *bss = (void *)(lb + tobj_def(&lk, "lk_tls_bss", NULL)->sym->st_value);
	CHECK(bss[0] == 0 && bss[99] == 0);
	CHECK((lb + tobj_def(&lk, "lk_tls_aligned", NULL)->sym->st_value) % 32 == 0);
	CHECK(tl.size == up(tl.size, 64) || area[up(tl.size, 64) - tl.size - 1] == 0xaa);
	free(area);
	tobj_free(&exe);
	tobj_free(&lk);
	tobj_free(&prov);
}

/* A layout by the formula for blocks whose p_vaddr is not aligned. */
static void test_tls_formula(void)
{
	struct elf_dso a = { .tls_vaddr = 0x1004, .tls_memsz = 10, .tls_align = 16 };
	struct elf_dso b = { .tls_vaddr = 0x2000, .tls_memsz = 0, .tls_align = 8 };
	struct elf_dso c = { .tls_vaddr = 0x3001, .tls_memsz = 3, .tls_align = 4 }, none = { 0 };
	struct elf_dso *objs[] = { &a, &none, &b, &c };
	struct elf_tls_layout tl;
	struct elf_err err;

	CHECK(elf_tls_layout(objs, 4, &tl, &err) == 0 && tl.nmod == 3 && tl.align == 16);
	/* a: the smallest off >= 10 with -off == 4 (mod 16) is 12; b: 16; c: >= 19, == 3 mod 4: 19 */
	CHECK(a.tls_offset == -12 && b.tls_offset == -16 && c.tls_offset == -19 && tl.size == 19);
	CHECK(a.tls_modid == 1 && none.tls_modid == 0 && b.tls_modid == 2 && c.tls_modid == 3);
	for (int i = 0; i < 4; i++)
		if (objs[i]->tls_static)
			CHECK((uint64_t)(0x10000 + objs[i]->tls_offset) % objs[i]->tls_align ==
			      objs[i]->tls_vaddr % objs[i]->tls_align);
	struct elf_dso huge = { .tls_memsz = 1ULL << 30, .tls_align = 1 };
	struct elf_dso *two[] = { &huge, &huge };
	CHECK(elf_tls_layout(two, 2, &tl, &err) == -E2BIG);
	huge.tls_align = 3;
	CHECK(elf_tls_layout(two, 1, &tl, &err) == -EINVAL);
}

/* ---- 3. missing symbols ---------------------------------------------------- */

static bool listed(const struct elf_missing *m, const char *want)
{
	char buf[256];
	for (size_t i = 0; i < m->n && i < m->cap; i++) {
		elf_missing_format(&m->v[i], buf, sizeof(buf));
		if (strcmp(buf, want) == 0)
			return true;
	}
	return false;
}

static void test_missing(void)
{
	struct tobj needy, lk, prov, prov3;
	struct elf_missing_sym mv[8];
	struct elf_missing m = { mv, 8, 0 };
	struct elf_err err;
	unsigned checked;

	if (tobj_load(&needy, LK "libneedy.so", false) || tobj_load(&lk, LK "liblk.so", false) ||
	    tobj_load(&prov, LK "libprov.so", false) || tobj_load(&prov3, LK "prov3/libprov.so", false)) {
		CHECK(!"missing-symbol objects load");
		return;
	}
	struct tobj *scope[] = { &needy, &lk, &prov };
	CHECK(relocate(&needy, scope, 3, NULL, &m, &err) == -ENOENT);
	CHECK(strcmp(err.why, "undefined symbols") == 0 && err.sym);
	CHECK(m.n == 3);
	CHECK(listed(&m, "lk_gone (needed by " LK "libneedy.so)"));
	CHECK(listed(&m, "lk_gone_data (needed by " LK "libneedy.so)"));
	CHECK(listed(&m, "prov_v3@PROV_3 (needed by " LK "libneedy.so)"));
	for (size_t i = 0; i < m.n; i++)
		if (mv[i].version)
			CHECK(strcmp(mv[i].file, "libprov.so.1") == 0 && mv[i].needed_by == &needy.o.dso);
	/* What did resolve is in place, the weak one is 0, the missing ones untouched. */
	CHECK(check_relocs(&needy, scope, 3, &checked) == 0 && checked == 2);

	hobj_reset(&needy.o);
	m = (struct elf_missing){ mv, 1, 0 };
	CHECK(relocate(&needy, scope, 3, NULL, &m, &err) == -ENOENT && m.n == 3);
	hobj_reset(&needy.o);
	CHECK(relocate(&needy, scope, 3, NULL, NULL, &err) == -ENOENT);

	/* With the newer libprov only the two nobody defines remain. */
	struct tobj *newer[] = { &needy, &lk, &prov3 };
	hobj_reset(&needy.o);
	m = (struct elf_missing){ mv, 8, 0 };
	CHECK(relocate(&needy, newer, 3, NULL, &m, &err) == -ENOENT && m.n == 2);
	CHECK(!listed(&m, "prov_v3@PROV_3 (needed by " LK "libneedy.so)"));
	tobj_free(&needy);
	tobj_free(&lk);
	tobj_free(&prov);
	tobj_free(&prov3);
}

/* ---- 4. directed broken relocations ----------------------------------------- */

struct fixture {
	struct tobj lk, prov, gnu;
	struct tobj *scope[2];
};

static Elf64_Rela *rel_for(struct tobj *t, uint32_t type, const char *sym)
{
	Elf64_Rela *tabs[2] = { (Elf64_Rela *)t->o.dso.dyn.rela, (Elf64_Rela *)t->o.dso.dyn.jmprel };
	uint64_t n[2] = { t->o.dso.dyn.nrela, t->o.dso.dyn.njmprel };
	for (int k = 0; k < 2; k++)
		for (uint64_t i = 0; i < n[k]; i++) {
			Elf64_Rela *r = &tabs[k][i];
			uint32_t idx = ELF64_R_SYM(r->r_info);
			if (ELF64_R_TYPE(r->r_info) == type && (!sym || (idx && strcmp(t->hs[idx].name, sym) == 0)))
				return r;
		}
	return NULL;
}

static void set_type(Elf64_Rela *r, uint32_t type)
{
	r->r_info = (r->r_info & ~0xffffffffULL) | type;
}

static int fail_ifunc(void *arg, const struct elf_dso *d, uint64_t resolver, uint64_t *out)
{
	(void)arg, (void)d, (void)resolver, (void)out;
	return -ENOEXEC;
}

static void expect_fail(struct tobj *t, struct tobj *const *scope, int want_err, const char *why,
			const char *label, int (*ifunc)(void *, const struct elf_dso *, uint64_t, uint64_t *))
{
	struct elf_dso *ds[] = { &scope[0]->o.dso, &scope[1]->o.dso };
	struct elf_reloc_ctx ctx = { ds, 2, ifunc, NULL, NULL, 0 };
	struct elf_err err = { 0 };
	int r = elf_relocate(&t->o.dso, &ctx, &err);
	bool ok = r == want_err && err.why && strcmp(err.why, why) == 0;
	if (!ok)
		fprintf(stderr, "  %s: got %d \"%s\", want %d \"%s\"\n", label, r, err.why ? err.why : "",
			want_err, why);
	CHECK(ok);
}

#define BROKEN(f, t, why, ...)                                                   \
	do {                                                                     \
		struct elf_tls_layout tl_;                                       \
		hobj_reset(&(t)->o);                                             \
		layout((f)->scope, 1, &tl_);                                     \
		__VA_ARGS__;                                                     \
		expect_fail(t, (f)->scope, -EINVAL, why, #__VA_ARGS__, test_ifunc); \
	} while (0)

static void test_broken(void)
{
	struct fixture f;
	struct tobj *lk = &f.lk, *gnu = &f.gnu;
	uint64_t text = 0, data = 0;

	if (tobj_load(&f.lk, LK "liblk.so", false) || tobj_load(&f.prov, LK "libprov.so", false) ||
	    tobj_load(&f.gnu, LK "liblk-gnu.so", false)) {
		CHECK(!"fixture loads");
		return;
	}
	f.scope[0] = &f.lk;
	f.scope[1] = &f.prov;
	for (unsigned i = 0; i < lk->o.dso.nseg; i++) {
		if (lk->o.dso.seg[i].flags & PF_X)
			text = lk->o.dso.seg[i].vaddr;
		if (lk->o.dso.seg[i].flags & PF_W)
			data = lk->o.dso.seg[i].vaddr;
	}
	BROKEN(&f, lk, "relocation target outside every writable segment",
	       rel_for(lk, R_X86_64_GLOB_DAT, "lk_ext_data")->r_offset = text);
	BROKEN(&f, lk, "relocation target outside every writable segment",
	       rel_for(lk, R_X86_64_RELATIVE, NULL)->r_offset = 1ULL << 40);
	BROKEN(&f, lk, "symbol index out of range", {
		Elf64_Rela *r = rel_for(lk, R_X86_64_GLOB_DAT, "lk_ext_data");
		r->r_info = ((uint64_t)lk->o.dso.dyn.nsyms << 32) | R_X86_64_GLOB_DAT;
	});
	BROKEN(&f, lk, "unsupported relocation type",
	       set_type(rel_for(lk, R_X86_64_64, "lk_data"), 10));
	BROKEN(&f, lk, "R_X86_64_TLSDESC is not supported: build with -mtls-dialect=gnu",
	       set_type(rel_for(lk, R_X86_64_64, "lk_data"), R_X86_64_TLSDESC));
	BROKEN(&f, lk, "R_X86_64_PC32 result does not fit in 32 bits", {
		Elf64_Rela *r = rel_for(lk, R_X86_64_64, "lk_data");
		set_type(r, R_X86_64_PC32);
		r->r_addend = 1LL << 40;
	});
	BROKEN(&f, lk, "IFUNC resolver outside every executable segment",
	       rel_for(lk, R_X86_64_IRELATIVE, NULL)->r_addend = data);
	BROKEN(&f, lk, "TLS relocation against a non-TLS symbol",
	       set_type(rel_for(lk, R_X86_64_GLOB_DAT, "lk_ext_data"), R_X86_64_DTPOFF64));
	BROKEN(&f, lk, "non-TLS relocation against a TLS symbol",
	       set_type(rel_for(lk, R_X86_64_DTPOFF64, "lk_tls_gd"), R_X86_64_GLOB_DAT));
	BROKEN(&f, lk, "initial-exec TLS (TPOFF64) in a module without static TLS",
	       lk->o.dso.tls_static = false);
	BROKEN(&f, lk, "TLS relocation against an object without PT_TLS", lk->o.dso.tls_modid = 0);
	BROKEN(&f, lk, "relocation against an undefined local symbol", {
		Elf64_Sym *s = (Elf64_Sym *)&lk->o.dso.dyn.symtab[ELF64_R_SYM(
			rel_for(lk, R_X86_64_GLOB_DAT, "lk_ext_data")->r_info)];
		s->st_info = (STB_LOCAL << 4) | STT_OBJECT;
	});
	BROKEN(&f, lk, "symbol version index names no version", {
		uint32_t idx = ELF64_R_SYM(rel_for(lk, R_X86_64_GLOB_DAT, "lk_ext_data")->r_info);
		((uint16_t *)lk->o.dso.dyn.versym)[idx] = 7;
	});
	BROKEN(&f, gnu, "RELR bitmap before any address entry",
	       ((uint64_t *)gnu->o.dso.dyn.relr)[0] |= 1);
	BROKEN(&f, gnu, "RELR target outside every writable segment",
	       ((uint64_t *)gnu->o.dso.dyn.relr)[0] = text);

	/* A PC32 that fits: S + A - P with the bias cancelling out. */
	struct tobj *sc[] = { lk, &f.prov };
	struct elf_tls_layout tl;
	struct elf_err err;
	hobj_reset(&lk->o);
	layout(sc, 1, &tl);
	Elf64_Rela *r = rel_for(lk, R_X86_64_64, "lk_data");
	set_type(r, R_X86_64_PC32);
	r->r_addend = (int64_t)r->r_offset - (int64_t)tobj_def(lk, "lk_data", NULL)->sym->st_value - 100;
	uint32_t *slot = hobj_at(&lk->o, r->r_offset);
	slot[1] = 0x5a5a5a5a;
	CHECK(relocate(lk, sc, 2, NULL, NULL, &err) == 0 && (int32_t)slot[0] == -100 && slot[1] == 0x5a5a5a5a);

	/* The resolver's own failure, and no way to run one. */
	hobj_reset(&lk->o);
	layout(sc, 1, &tl);
	expect_fail(lk, sc, -ENOEXEC, "IFUNC resolver failed", "failing resolver", fail_ifunc);
	hobj_reset(&lk->o);
	layout(sc, 1, &tl);
	expect_fail(lk, sc, -EINVAL, "IFUNC relocation but no way to run resolvers", "no resolver", NULL);
	tobj_free(&f.lk);
	tobj_free(&f.prov);
	tobj_free(&f.gnu);
}

/* ---- 5. fuzzing ------------------------------------------------------------------ */

static uint64_t seed = 0x72656c6f63617465ULL;
static uint64_t rnd(void)
{
	seed ^= seed << 13;
	seed ^= seed >> 7;
	seed ^= seed << 17;
	return seed;
}

static void fuzz(const char *path, int iterations)
{
	struct tobj t, prov;
	int ok = 0, broken = 0;

	if (tobj_load(&t, path, false) || tobj_load(&prov, LK "libprov.so", false)) {
		CHECK(!"fuzz objects load");
		return;
	}
	struct tobj *scope[] = { &t, &prov };
	struct elf_dyn y = t.o.dso.dyn;
	struct {
		unsigned char *p;
		uint64_t len;
	} tabs[] = {
		{ (unsigned char *)y.rela, 24 * y.nrela },
		{ (unsigned char *)y.jmprel, 24 * y.njmprel },
		{ (unsigned char *)y.relr, 8 * y.nrelr },
		{ (unsigned char *)y.symtab, 24ULL * y.nsyms },
		{ (unsigned char *)y.versym, 2ULL * y.nsyms },
	};
	for (int it = 0; it < iterations; it++) {
		struct elf_missing_sym mv[4];
		struct elf_missing m = { mv, 4, 0 };
		struct elf_tls_layout tl;
		struct elf_err err = { 0 };
		hobj_reset(&t.o);
		layout(scope, 2, &tl);
		for (int k = 1 + rnd() % 4; k > 0; k--) {
			size_t w = rnd() % 5;
			if (!tabs[w].len)
				continue;
			unsigned char *b = tabs[w].p + rnd() % tabs[w].len;
			switch (rnd() % 3) {
			case 0: *b = (unsigned char)rnd(); break;
			case 1: *b ^= 1u << (rnd() % 8); break;
			default: if (b + 8 <= tabs[w].p + tabs[w].len) { uint64_t v = rnd() % 64; memcpy(b, &v, 8); } break;
			}
		}
		int r = relocate(&t, scope, 2, NULL, &m, &err);
		if (r == 0)
			ok++;
		else if ((r != -EINVAL && r != -ENOENT) || !err.why || !*err.why)
			broken++;
	}
	printf("  fuzz: %s: %d iterations, %d relocated, %d refused\n", path, iterations, ok,
	       iterations - ok);
	CHECK(broken == 0 && ok > 0 && ok < iterations);
	tobj_free(&t);
	tobj_free(&prov);
}

int main(void)
{
	test_lib(LK "liblk.so");
	test_lib(LK "liblk-gnu.so");
	test_lib(LK "liblk-sysv.so");
	test_exe();
	test_tls_formula();
	test_missing();
	test_broken();
	fuzz(LK "liblk.so", 20000);
	fuzz(LK "liblk-gnu.so", 10000);
	return TEST_END();
}
