/*
 * test_dyn.c - host unit tests for reading PT_DYNAMIC (elf/dyn.c,
 * elf/version.c).
 *
 * Three parts:
 *  1. Real objects (glibc's libc, libm, ld.so, libstdc++, /bin/ls, and the
 *     lk_* test objects): elf_dyn_parse() must accept them and agree with
 *     the section headers (.dynstr, .dynsym, .gnu.version*, .rela.*,
 *     .relr.dyn, .init_array, .dynamic's DT_NEEDED list) on every table.
 *  2. Directed malformations of liblk.so's mapped image, one rule at a
 *     time: each must fail with -EINVAL and the expected sentence.
 *  3. Fuzzing: random corruptions of the dynamic section and of the tables
 *     it names, with a fixed seed. Whatever is accepted is then used
 *     (lookups of every name, every reference's version, TLS layout,
 *     relocation); ASan and UBSan abort on any stray access.
 *
 * Run from the repo root (the objects are in build/host/link/).
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
#define LIBSTDCXX "/usr/lib/x86_64-linux-gnu/libstdc++.so.6"
#define LK "build/host/link/"

/* ---- helpers ---------------------------------------------------------- */

static Elf64_Dyn *dyn_of(struct hobj *o, int64_t tag)
{
	Elf64_Dyn *d = hobj_at(o, o->dso.dyn_vaddr);
	for (uint64_t i = 0; i < o->dso.dyn_size / sizeof(*d) && d[i].d_tag != DT_NULL; i++)
		if (d[i].d_tag == tag)
			return &d[i];
	return NULL;
}

/* A section's address in the mapped image, or NULL if absent or empty. */
static const void *sec_at(struct hobj *o, const char *name, uint64_t *size)
{
	const Elf64_Shdr *s = hobj_section(o, name);
	*size = s ? s->sh_size : 0;
	return s && s->sh_size ? hobj_at(o, s->sh_addr) : NULL;
}

static void expect_parse(struct hobj *o, const char *want, const char *label)
{
	struct elf_err err = { 0 };
	int r = elf_dyn_parse(&o->dso, &err);
	bool ok = want ? r == -EINVAL && err.why && strcmp(err.why, want) == 0 : r == 0;
	if (!ok)
		fprintf(stderr, "  %s [%s]: got %d \"%s\", want \"%s\"\n", label, o->path, r,
			err.why ? err.why : "", want ? want : "success");
	CHECK(ok);
}

/* Reset @o, apply the statements, then parse and expect @want. */
#define CASE(o, want, ...)                     \
	do {                                   \
		hobj_reset(o);                 \
		__VA_ARGS__;                   \
		expect_parse(o, want, #__VA_ARGS__); \
	} while (0)

/* ---- 1. real objects -------------------------------------------------- */

static void check_real(const char *path)
{
	struct hobj o;
	uint64_t n;
	const void *p;

	if (hobj_load(&o, path, false)) {
		CHECK(!"object loads");
		return;
	}
	if (o.dyn_err)
		fprintf(stderr, "  %s: %s (entry %lu)\n", path, o.err.why, (unsigned long)o.err.index);
	CHECK(o.dyn_err == 0);
	const struct elf_dyn *y = &o.dso.dyn;

	p = sec_at(&o, ".dynstr", &n);
	CHECK(y->strtab == p && y->strsz == n);
	p = sec_at(&o, ".dynsym", &n);
	CHECK((const void *)y->symtab == p && y->nsyms == n / sizeof(Elf64_Sym));
	p = sec_at(&o, ".gnu.version", &n);
	CHECK((const void *)y->versym == p && (!p || n == 2ULL * y->nsyms));
	const Elf64_Shdr *vd = hobj_section(&o, ".gnu.version_d");
	CHECK(vd ? y->verdef == vd->sh_addr && y->verdefnum == vd->sh_info : !y->verdefnum);
	const Elf64_Shdr *vr = hobj_section(&o, ".gnu.version_r");
	CHECK(vr ? y->verneed == vr->sh_addr && y->verneednum == vr->sh_info : !y->verneednum);
	p = sec_at(&o, ".rela.dyn", &n);
	CHECK((const void *)y->rela == p && y->nrela == n / sizeof(Elf64_Rela));
	p = sec_at(&o, ".rela.plt", &n);
	CHECK((const void *)y->jmprel == p && y->njmprel == n / sizeof(Elf64_Rela));
	p = sec_at(&o, ".relr.dyn", &n);
	CHECK((const void *)y->relr == p && y->nrelr == n / 8);
	p = sec_at(&o, ".init_array", &n);
	CHECK((const void *)y->init_array == p && y->ninit_array == n / 8);
	p = sec_at(&o, ".fini_array", &n);
	CHECK((const void *)y->fini_array == p && y->nfini_array == n / 8);
	p = sec_at(&o, ".init", &n);
	CHECK(y->init == (uintptr_t)p);
	CHECK((y->sysv_buckets != NULL) == (hobj_section(&o, ".hash") != NULL));
	CHECK((y->gnu_buckets != NULL) == (hobj_section(&o, ".gnu.hash") != NULL));

	/* DT_NEEDED and DT_SONAME, read from the file's .dynamic section. */
	const Elf64_Shdr *ds = hobj_section(&o, ".dynamic"), *dstr = hobj_section(&o, ".dynstr");
	const Elf64_Dyn *fd = (const Elf64_Dyn *)(o.file + ds->sh_offset);
	const char *fs = (const char *)o.file + dstr->sh_offset;
	unsigned needed = 0, bad = 0;
	const char *soname = NULL;
	for (; fd->d_tag != DT_NULL; fd++) {
		if (fd->d_tag == DT_NEEDED) {
			const char *got = elf_dyn_needed(&o.dso, needed++);
			bad += !got || strcmp(got, fs + fd->d_un.d_val) != 0;
		}
		if (fd->d_tag == DT_SONAME)
			soname = fs + fd->d_un.d_val;
	}
	CHECK(needed == y->nneeded && bad == 0 && elf_dyn_needed(&o.dso, needed) == NULL);
	CHECK(soname ? y->soname && strcmp(soname, y->soname) == 0 : y->soname == NULL);
	hobj_free(&o);
}

static void test_real(void)
{
	static const char *paths[] = {
		LIBC, LIBM, LDSO, LIBSTDCXX, "/bin/ls", LK "liblk.so", LK "liblk-gnu.so",
		LK "liblk-sysv.so", LK "libprov.so", LK "libneedy.so", LK "lk_exe",
	};
	for (size_t i = 0; i < sizeof(paths) / sizeof(paths[0]); i++)
		check_real(paths[i]);

	struct hobj o;
	if (hobj_load(&o, LIBC, false))
		return;
	/* libc has both hash tables; without DT_HASH the count comes from GNU's chains. */
	uint32_t nsyms = o.dso.dyn.nsyms;
	CHECK(o.dso.dyn.sysv_buckets && o.dso.dyn.gnu_buckets && o.dso.dyn.relr);
	CHECK(o.dso.dyn.static_tls && o.dso.dyn.verdefnum == 39 && strcmp(o.dso.dyn.soname, "libc.so.6") == 0);
	dyn_of(&o, DT_HASH)->d_tag = DT_DEBUG;
	expect_parse(&o, NULL, "libc without DT_HASH");
	CHECK(o.dso.dyn.nsyms == nsyms && !o.dso.dyn.sysv_buckets && o.dso.dyn.gnu_buckets);
	hobj_reset(&o);
	dyn_of(&o, DT_GNU_HASH)->d_tag = DT_DEBUG;
	expect_parse(&o, NULL, "libc without DT_GNU_HASH");
	CHECK(o.dso.dyn.nsyms == nsyms && o.dso.dyn.sysv_buckets && !o.dso.dyn.gnu_buckets);
	hobj_free(&o);

	if (hobj_load(&o, LK "lk_exe", false))
		return;
	CHECK(o.dso.dyn.flags_1 & 0x08000000);	/* DF_1_PIE */
	CHECK(strcmp(elf_dyn_needed(&o.dso, 0), "liblk.so.1") == 0);
	hobj_free(&o);
}

/* ---- 2. directed malformations ------------------------------------------ */

static void test_malformed_tables(struct hobj *o)
{
	const struct elf_seg *s0 = &o->dso.seg[0];
	uint64_t end0 = s0->vaddr + s0->memsz;

	/* Pointers into the pristine parse; a failed parse clears o->dso.dyn. */
	hobj_reset(o);
	uint32_t *h = (uint32_t *)o->dso.dyn.sysv_buckets - 2;
	uint32_t *g = (uint32_t *)o->dso.dyn.gnu_bloom - 4;
	uint32_t *gb = (uint32_t *)o->dso.dyn.gnu_buckets;
	uint64_t gv = dyn_of(o, DT_GNU_HASH)->d_un.d_val;

	CASE(o, "PT_DYNAMIC lies outside the object's segments", o->dso.dyn_vaddr = 1ULL << 40);
	CASE(o, "dynamic section has no DT_NULL terminator", {
		Elf64_Dyn *d = hobj_at(o, o->dso.dyn_vaddr);
		for (uint64_t i = 0; i < o->dso.dyn_size / 16; i++)
			if (d[i].d_tag == DT_NULL)
				d[i].d_tag = DT_DEBUG;
	});
	CASE(o, "DT_STRTAB lies outside the object's segments",
	     dyn_of(o, DT_STRTAB)->d_un.d_val = 1ULL << 40);
	CASE(o, "DT_STRTAB lies outside the object's segments",
	     dyn_of(o, DT_STRSZ)->d_un.d_val = 1ULL << 40);
	CASE(o, "DT_STRTAB without DT_STRSZ", dyn_of(o, DT_STRSZ)->d_tag = DT_DEBUG);
	CASE(o, "DT_STRTAB does not end with a NUL byte", dyn_of(o, DT_STRSZ)->d_un.d_val -= 1);
	CASE(o, "dynamic section names strings but has no DT_STRTAB",
	     dyn_of(o, DT_STRSZ)->d_tag = DT_DEBUG; dyn_of(o, DT_STRTAB)->d_tag = DT_DEBUG);
	CASE(o, "DT_NEEDED name outside the string table",
	     dyn_of(o, DT_NEEDED)->d_un.d_val = 1 << 30);
	CASE(o, "DT_SONAME outside the string table",
	     dyn_of(o, DT_SONAME)->d_un.d_val = dyn_of(o, DT_STRSZ)->d_un.d_val);
	CASE(o, "DT_SYMENT is not sizeof(Elf64_Sym)", dyn_of(o, DT_SYMENT)->d_un.d_val = 16);
	CASE(o, "DT_SYMTAB is misaligned", dyn_of(o, DT_SYMTAB)->d_un.d_val += 4);
	CASE(o, "DT_SYMTAB lies outside the object's segments",
	     dyn_of(o, DT_SYMTAB)->d_un.d_val = end0 - 48);
	CASE(o, "DT_SYMTAB without DT_HASH or DT_GNU_HASH",
	     dyn_of(o, DT_HASH)->d_tag = DT_DEBUG; dyn_of(o, DT_GNU_HASH)->d_tag = DT_DEBUG);
	CASE(o, "hash or version table without DT_SYMTAB", dyn_of(o, DT_SYMTAB)->d_tag = DT_DEBUG);

	CASE(o, "DT_HASH has no buckets", h[0] = 0);
	CASE(o, "DT_HASH claims more symbols than the linker accepts", h[1] = ELF_MAX_SYMS + 1);
	CASE(o, "DT_HASH lies outside the object's segments", h[0] = 1 << 20);
	CASE(o, "DT_HASH is misaligned", dyn_of(o, DT_HASH)->d_un.d_val += 2);
	CASE(o, "DT_GNU_HASH and DT_HASH disagree on the number of symbols", h[1] -= 1);

	CASE(o, "DT_GNU_HASH has no buckets", g[0] = 0);
	CASE(o, "DT_GNU_HASH bloom filter size is not a power of two", g[2] = 3);
	CASE(o, "DT_GNU_HASH bloom filter size is not a power of two", g[2] = 0);
	CASE(o, "DT_GNU_HASH bloom shift is 32 or more", g[3] = 32);
	CASE(o, "DT_GNU_HASH lies outside the object's segments", g[0] = 1 << 24);
	CASE(o, "DT_GNU_HASH is misaligned", dyn_of(o, DT_GNU_HASH)->d_un.d_val += 4);
	CASE(o, "DT_GNU_HASH lies outside the object's segments",
	     dyn_of(o, DT_GNU_HASH)->d_un.d_val = end0 - 8);
	CASE(o, "DT_GNU_HASH bucket points below its symbol offset", gb[0] = g[1] - 1);
	CASE(o, "DT_GNU_HASH chain runs out of its segment", {
		/* a bucket whose chain starts exactly at the end of the segment */
		uint64_t chain = gv + 16 + 8ULL * g[2] + 4ULL * g[0];
		gb[g[0] - 1] = g[1] + (uint32_t)((end0 - chain) / 4);
	});
}

static void test_malformed_versions(struct hobj *o)
{
	hobj_reset(o);
	struct elf64_verdef *vd = hobj_at(o, o->dso.dyn.verdef);
	struct elf64_verneed *vn = hobj_at(o, o->dso.dyn.verneed);
	struct elf64_vernaux *va = (void *)((char *)vn + vn->vn_aux);
	uint16_t *vs = (uint16_t *)o->dso.dyn.versym;

	CASE(o, "DT_VERSYM is misaligned", dyn_of(o, DT_VERSYM)->d_un.d_val += 1);
	CASE(o, "DT_VERSYM lies outside the object's segments",
	     dyn_of(o, DT_VERSYM)->d_un.d_val = 1ULL << 40);
	CASE(o, "DT_VERSYM entry names no version", vs[3] = 0x7ff0);
	CASE(o, NULL, vs[3] = 0x8001);	/* hidden, unversioned: legal */
	CASE(o, "DT_VERDEF and DT_VERDEFNUM must come together",
	     dyn_of(o, DT_VERDEFNUM)->d_tag = DT_DEBUG);
	CASE(o, "DT_VERNEED and DT_VERNEEDNUM must come together",
	     dyn_of(o, DT_VERNEED)->d_tag = DT_DEBUG);
	CASE(o, "DT_VERDEFNUM larger than the version index range",
	     dyn_of(o, DT_VERDEFNUM)->d_un.d_val = 1 << 16);
	CASE(o, "DT_VERDEF chain shorter than DT_VERDEFNUM",
	     dyn_of(o, DT_VERDEFNUM)->d_un.d_val += 1);
	CASE(o, "DT_VERDEF record lies outside the object's segments",
	     dyn_of(o, DT_VERDEF)->d_un.d_val = 1ULL << 40);
	CASE(o, "DT_VERDEF record has an unknown vd_version", vd->vd_version = 2);
	CASE(o, "DT_VERDEF record has no name", vd->vd_cnt = 0);
	CASE(o, "DT_VERDEF name record lies outside the object's segments", vd->vd_aux = 1u << 30);
	CASE(o, "DT_VERDEF name outside the string table", {
		struct elf64_verdaux *a = (void *)((char *)vd + vd->vd_aux);
		a->vda_name = 1u << 30;
	});
	CASE(o, "DT_VERDEF record lies outside the object's segments", vd->vd_next = 1u << 30);
	CASE(o, "DT_VERNEED record has an unknown vn_version", vn->vn_version = 0);
	CASE(o, "DT_VERNEED file name outside the string table", vn->vn_file = 1u << 30);
	CASE(o, "DT_VERNEED version record lies outside the object's segments",
	     vn->vn_aux = 1u << 30);
	CASE(o, "DT_VERNEED version name outside the string table", va->vna_name = 1u << 30);
	CASE(o, "DT_VERNEED version chain shorter than vn_cnt", vn->vn_cnt += 1);
	CASE(o, "DT_VERNEED chain shorter than DT_VERNEEDNUM",
	     dyn_of(o, DT_VERNEEDNUM)->d_un.d_val += 1);
}

static void test_malformed_relocs(struct hobj *o, struct hobj *gnu)
{
	uint64_t text = 0;
	hobj_reset(o);
	for (unsigned i = 0; i < o->dso.nseg; i++)
		if (o->dso.seg[i].flags & PF_X)
			text = o->dso.seg[i].vaddr;

	CASE(o, "DT_RELASZ is not a multiple of the entry size",
	     dyn_of(o, DT_RELASZ)->d_un.d_val += 8);
	CASE(o, "DT_RELA without DT_RELASZ", dyn_of(o, DT_RELASZ)->d_tag = DT_DEBUG);
	CASE(o, "DT_RELASZ without DT_RELA", dyn_of(o, DT_RELA)->d_tag = DT_DEBUG);
	CASE(o, "DT_RELA lies outside the object's segments",
	     dyn_of(o, DT_RELA)->d_un.d_val = 1ULL << 40);
	CASE(o, "DT_RELA is misaligned", dyn_of(o, DT_RELA)->d_un.d_val += 4);
	CASE(o, "DT_RELAENT is not sizeof(Elf64_Rela)", dyn_of(o, DT_RELAENT)->d_un.d_val = 16);
	CASE(o, "DT_PLTREL is not DT_RELA", dyn_of(o, DT_PLTREL)->d_un.d_val = DT_REL);
	CASE(o, "DT_JMPREL without DT_PLTRELSZ", dyn_of(o, DT_PLTRELSZ)->d_tag = DT_DEBUG);
	CASE(o, "DT_JMPREL lies outside the object's segments",
	     dyn_of(o, DT_PLTRELSZ)->d_un.d_val = 24 << 20);
	CASE(o, "text relocations (DT_TEXTREL) are not supported: rebuild with -fPIC",
	     dyn_of(o, DT_PLTGOT)->d_tag = DT_TEXTREL);
	CASE(o, "text relocations (DT_TEXTREL) are not supported: rebuild with -fPIC",
	     dyn_of(o, DT_FLAGS)->d_un.d_val |= DF_TEXTREL);
	CASE(o, "DT_REL relocations (x86-64 objects use DT_RELA)",
	     dyn_of(o, DT_PLTGOT)->d_tag = DT_RELSZ);
	CASE(o, "DT_INIT outside every executable segment", {
		Elf64_Dyn *e = dyn_of(o, DT_PLTGOT);	/* points at .got.plt: data */
		e->d_tag = DT_INIT;
	});
	CASE(o, NULL, {
		Elf64_Dyn *e = dyn_of(o, DT_PLTGOT);
		e->d_tag = DT_FINI;
		e->d_un.d_val = text;
	});
	CASE(o, "DT_INIT_ARRAY without DT_INIT_ARRAYSZ",
	     dyn_of(o, DT_PLTGOT)->d_tag = DT_INIT_ARRAY);
	CASE(o, "DT_FINI_ARRAYSZ without DT_FINI_ARRAY", {
		Elf64_Dyn *e = dyn_of(o, DT_PLTGOT);
		e->d_tag = DT_FINI_ARRAYSZ;
		e->d_un.d_val = 8;
	});
	CASE(o, "DT_PREINIT_ARRAYSZ is not a multiple of the entry size", {
		Elf64_Dyn *e = dyn_of(o, DT_PLTGOT), *f = dyn_of(o, DT_SONAME);
		e->d_tag = DT_PREINIT_ARRAY;
		f->d_tag = DT_PREINIT_ARRAYSZ;
		f->d_un.d_val = 12;
	});

	CASE(gnu, NULL, (void)0);
	CASE(gnu, "DT_RELRENT is not 8", dyn_of(gnu, DT_RELRENT)->d_un.d_val = 4);
	CASE(gnu, "DT_RELRSZ is not a multiple of the entry size",
	     dyn_of(gnu, DT_RELRSZ)->d_un.d_val = 12);
	CASE(gnu, "DT_RELR lies outside the object's segments",
	     dyn_of(gnu, DT_RELRSZ)->d_un.d_val = 8 << 20);
	CASE(gnu, "DT_RELR without DT_RELRSZ", dyn_of(gnu, DT_RELRSZ)->d_tag = DT_DEBUG);
}

static void test_malformed(void)
{
	struct hobj o, gnu;
	if (hobj_load(&o, LK "liblk.so", false) || hobj_load(&gnu, LK "liblk-gnu.so", false)) {
		CHECK(!"liblk loads");
		return;
	}
	CHECK(o.dyn_err == 0 && gnu.dyn_err == 0);
	test_malformed_tables(&o);
	test_malformed_versions(&o);
	test_malformed_relocs(&o, &gnu);
	hobj_free(&o);
	hobj_free(&gnu);
}

/* ---- 3. fuzzing ------------------------------------------------------------ */

static uint64_t seed = 0x6b65656c6c696e6bULL;
static uint64_t rnd(void)
{
	seed ^= seed << 13;
	seed ^= seed >> 7;
	seed ^= seed << 17;
	return seed;
}

static int fake_ifunc(void *arg, const struct elf_dso *d, uint64_t resolver, uint64_t *out)
{
	(void)arg;
	(void)d;
	*out = resolver;	/* never run code from a corrupted object */
	return 0;
}

static const int64_t tags[] = {
	DT_NULL, DT_NEEDED, DT_PLTRELSZ, DT_HASH, DT_STRTAB, DT_SYMTAB, DT_RELA, DT_RELASZ,
	DT_RELAENT, DT_STRSZ, DT_SYMENT, DT_INIT, DT_FINI, DT_SONAME, DT_RPATH, DT_SYMBOLIC,
	DT_PLTREL, DT_JMPREL, DT_INIT_ARRAY, DT_INIT_ARRAYSZ, DT_FINI_ARRAY, DT_FINI_ARRAYSZ,
	DT_RUNPATH, DT_FLAGS, DT_RELR, DT_RELRSZ, DT_RELRENT, DT_GNU_HASH, DT_VERSYM, DT_VERDEF,
	DT_VERDEFNUM, DT_VERNEED, DT_VERNEEDNUM, DT_FLAGS_1,
};

/* One random change to the dynamic section or to a table it names. */
static void mutate(struct hobj *o, const struct elf_dyn *y0)
{
	Elf64_Dyn *d = hobj_at(o, o->dso.dyn_vaddr);
	Elf64_Dyn *e = &d[rnd() % (y0->ndyn + 1)];
	const Elf64_Dyn *other = &d[rnd() % (y0->ndyn + 1)];
	struct {
		const void *p;
		uint64_t len;
	} t[] = {
		{ y0->sysv_buckets ? y0->sysv_buckets - 2 : NULL, 8 + 4ULL * (y0->sysv_nbucket + y0->nsyms) },
		{ y0->gnu_bloom ? (const char *)y0->gnu_bloom - 16 : NULL, 16 + 8ULL * y0->gnu_bloom_size },
		{ y0->gnu_buckets, 4ULL * y0->gnu_nbuckets + 4ULL * (y0->nsyms - y0->gnu_symoffset) },
		{ y0->versym, 2ULL * y0->nsyms },
		{ y0->verdef ? hobj_at(o, y0->verdef) : NULL, 64 },
		{ y0->verneed ? hobj_at(o, y0->verneed) : NULL, 64 },
		{ y0->symtab, 24ULL * y0->nsyms },
		{ y0->rela, 24 * y0->nrela },
		{ y0->jmprel, 24 * y0->njmprel },
		{ y0->relr, 8 * y0->nrelr },
		{ y0->strtab, y0->strsz },
	};

	switch (rnd() % 6) {
	case 0: /* a value: anything, near its own, or another entry's */
		switch (rnd() % 5) {
		case 0: e->d_un.d_val = rnd(); break;
		case 1: e->d_un.d_val += (int64_t)(rnd() % 65) - 32; break;
		case 2: e->d_un.d_val = other->d_un.d_val; break;
		case 3: e->d_un.d_val = rnd() % 0x10000; break;
		default: e->d_un.d_val ^= 1ULL << (rnd() % 64); break;
		}
		break;
	case 1: /* a tag: a known one (DT_NULL truncates), or noise */
		e->d_tag = rnd() % 8 ? tags[rnd() % (sizeof(tags) / sizeof(tags[0]))] : (int64_t)rnd();
		break;
	default: { /* bytes inside a table */
		size_t k = rnd() % (sizeof(t) / sizeof(t[0]));
		if (!t[k].p || !t[k].len)
			break;
		unsigned char *b = (unsigned char *)t[k].p + rnd() % t[k].len;
		*b = rnd() % 3 ? (unsigned char)rnd() : *b ^ (1u << (rnd() % 8));
		break;
	}
	}
}

/* Use everything an accepted object offers; ASan watches. False: an error had no sentence. */
static bool exercise(struct hobj *o, struct hobj *prov, const struct hsym *hs, size_t nhs)
{
	struct elf_dso *d = &o->dso;
	struct elf_symreq r;
	struct elf_err err;
	bool hidden;

	for (size_t i = 0; i < nhs; i += 1 + nhs / 64) {
		elf_symreq_init(&r, hs[i].name, i % 3 ? hs[i].version : NULL);
		elf_sym_find(d, &r, ELF_HASH_GNU);
		elf_sym_find(d, &r, ELF_HASH_SYSV);
	}
	for (uint32_t i = 0; i < d->dyn.nsyms; i += 1 + d->dyn.nsyms / 64) {
		elf_symreq_ref(&r, d, i, &err);
		elf_sym_version(d, i, &hidden);
	}
	for (unsigned i = 0; i <= d->dyn.nneeded; i++)
		elf_dyn_needed(d, i);

	struct elf_dso *scope[] = { d, &prov->dso };
	struct elf_tls_layout tl;
	struct elf_missing_sym mv[4];
	struct elf_missing m = { mv, 4, 0 };
	struct elf_reloc_ctx ctx = { scope, 2, fake_ifunc, NULL, &m, 0 };
	elf_tls_layout(scope, 2, &tl, &err);
	int e = elf_relocate(d, &ctx, &err);
	return !e || (err.why && *err.why);
}

static void fuzz(const char *path, int iterations)
{
	struct hobj o, prov;
	struct hsym *hs;
	int accepted = 0, broken = 0;

	if (hobj_load(&o, path, false) || hobj_load(&prov, LK "libprov.so", false)) {
		CHECK(!"fuzz inputs load");
		return;
	}
	size_t nhs = hobj_dynsyms(&o, &hs);
	struct elf_dyn y0 = o.dso.dyn;
	for (int it = 0; it < iterations; it++) {
		struct elf_err err = { 0 };
		hobj_reset(&o);
		hobj_reset(&prov);
		for (int k = 1 + rnd() % 3; k > 0; k--)
			mutate(&o, &y0);
		int r = elf_dyn_parse(&o.dso, &err);
		if (r == 0) {
			accepted++;
			if (!exercise(&o, &prov, hs, nhs) && broken++ < 5)
				fprintf(stderr, "  fuzz %s #%d: relocation error without a reason\n", path, it);
		} else if (r != -EINVAL || !err.why || !*err.why) {
			if (broken++ < 5)
				fprintf(stderr, "  fuzz %s #%d: bad error %d\n", path, it, r);
		}
	}
	printf("  fuzz: %s: %d iterations, %d accepted, %d rejected\n", path, iterations, accepted,
	       iterations - accepted);
	CHECK(broken == 0);
	CHECK(accepted > 0 && accepted < iterations);
	free(hs);
	hobj_free(&o);
	hobj_free(&prov);
}

int main(void)
{
	test_real();
	test_malformed();
	fuzz(LK "liblk.so", 20000);
	fuzz(LK "liblk-gnu.so", 10000);
	fuzz(LK "liblk-sysv.so", 5000);
	fuzz(LK "libneedy.so", 5000);
	fuzz(LIBM, 300);
	return TEST_END();
}
