/*
 * test_symbols.c - host unit tests for symbol lookup (elf/symbols.c,
 * elf/version.c).
 *
 *  1. For every dynamic symbol name of libc, libm, libstdc++, ld.so and the
 *     lk_* objects, asked unversioned, with its own version, and with a
 *     version nobody defines: the GNU-hash lookup, the SysV-hash lookup and
 *     a brute-force scan of .dynsym (read through the section headers, with
 *     the rules restated here) must agree. The hash functions are checked
 *     against the values the static linker stored (.gnu.hash chains,
 *     verdef/vernaux hashes).
 *  2. Versions: libc's memcpy@@GLIBC_2.14 vs memcpy@GLIBC_2.2.5, the
 *     compat-only sys_errlist, liblk's lk_versioned@LK_1/@@LK_2, and the
 *     version a reference requires (elf_symreq_ref).
 *  3. The search over a list of objects: order, skip, and the flags of
 *     what was found (IFUNC, TLS, weak, GNU-unique, SHN_ABS).
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

/* ---- brute force over the section-header view (rules: hsym_matches) ---- */

static const struct hsym *sorted_base;
static int by_name(const void *a, const void *b)
{
	const struct hsym *x = &sorted_base[*(const uint32_t *)a], *y = &sorted_base[*(const uint32_t *)b];
	int c = strcmp(x->name, y->name);
	return c ? c : (x->index > y->index) - (x->index < y->index);
}

struct brute {
	const struct hsym *hs;
	size_t n;
	uint32_t *order;	/* indices sorted by name */
};

static void brute_init(struct brute *b, const struct hsym *hs, size_t n)
{
	b->hs = hs;
	b->n = n;
	b->order = malloc((n ? n : 1) * sizeof(uint32_t));
	for (size_t i = 0; i < n; i++)
		b->order[i] = i;
	sorted_base = hs;
	qsort(b->order, n, sizeof(uint32_t), by_name);
}

/* Does any symbol match? (binary search for the name, then the rule on each) */
static bool brute_any(const struct brute *b, const char *name, const char *version)
{
	size_t lo = 0, hi = b->n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (strcmp(b->hs[b->order[mid]].name, name) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < b->n && strcmp(b->hs[b->order[lo]].name, name) == 0; lo++)
		if (hsym_matches(&b->hs[b->order[lo]], name, version))
			return true;
	return false;
}

/* ---- 1. hash lookups vs brute force -------------------------------------- */

static unsigned agree_one(struct hobj *o, const struct brute *b, const char *name,
			  const char *version, unsigned *found)
{
	struct elf_symreq r;
	bool any = brute_any(b, name, version);
	bool gnu = o->dso.dyn.gnu_buckets, sysv = o->dso.dyn.sysv_buckets;
	unsigned bad = 0;

	elf_symreq_init(&r, name, version);
	uint32_t g = elf_sym_find(&o->dso, &r, ELF_HASH_GNU);
	uint32_t s = elf_sym_find(&o->dso, &r, ELF_HASH_SYSV);
	uint32_t a = elf_sym_find(&o->dso, &r, ELF_HASH_ANY);
	if (gnu)
		bad += (g != 0) != any || (g && !hsym_matches(&b->hs[g], name, version));
	if (sysv)
		bad += (s != 0) != any || (s && !hsym_matches(&b->hs[s], name, version));
	if (gnu && sysv)
		bad += g != s;
	bad += a != (gnu ? g : s);
	*found += any;
	if (bad && bad < 1000)
		fprintf(stderr, "  %s: %s@%s: gnu %u sysv %u brute %d\n", o->path, name,
			version ? version : "", g, s, any);
	return bad;
}

/* The hashes the static linker stored must be what elf_*_hash() computes. */
static unsigned stored_hashes(struct hobj *o, const struct hsym *hs, size_t n)
{
	const Elf64_Shdr *gh = hobj_section(o, ".gnu.hash"), *vd = hobj_section(o, ".gnu.version_d");
	const Elf64_Shdr *dstr = hobj_section(o, ".dynstr");
	const char *strs = (const char *)o->file + dstr->sh_offset;
	unsigned bad = 0;

	if (gh) {
		const uint32_t *w = (const uint32_t *)(o->file + gh->sh_offset);
		const uint32_t *chain = w + 4 + 2 * w[2] + w[0];
		for (size_t i = w[1]; i < n; i++)
			bad += (chain[i - w[1]] | 1) != (elf_gnu_hash(hs[i].name) | 1);
	}
	for (uint64_t off = vd ? vd->sh_offset : 0, k = 0; vd && k < vd->sh_info; k++) {
		const struct elf64_verdef *v = (const void *)(o->file + off);
		const struct elf64_verdaux *a = (const void *)(o->file + off + v->vd_aux);
		bad += v->vd_hash != elf_sysv_hash(strs + a->vda_name);
		off += v->vd_next;
	}
	return bad;
}

static void check_hashes(const char *path)
{
	struct hobj o;
	struct hsym *hs;
	struct brute b;
	unsigned bad = 0, found = 0, asked = 0;
	char other[512];

	if (hobj_load(&o, path, false) || o.dyn_err) {
		CHECK(!"object loads");
		return;
	}
	size_t n = hobj_dynsyms(&o, &hs);
	CHECK(n == o.dso.dyn.nsyms && n > 1);
	brute_init(&b, hs, n);
	for (size_t i = 1; i < n; i++) {
		bad += agree_one(&o, &b, hs[i].name, NULL, &found);
		if (hs[i].version)
			bad += agree_one(&o, &b, hs[i].name, hs[i].version, &found);
		bad += agree_one(&o, &b, hs[i].name, "NOPE_9.9", &found);
		snprintf(other, sizeof(other), "%s~", hs[i].name);
		bad += agree_one(&o, &b, other, NULL, &found);
		asked += 3 + (hs[i].version != NULL);
	}
	unsigned sbad = stored_hashes(&o, hs, n);
	printf("  %s: %zu symbols, %u lookups, %u found, %u disagreements\n", path, n, asked, found,
	       bad);
	CHECK(bad == 0);
	CHECK(sbad == 0);
	CHECK(found > n / 4);
	free(b.order);
	free(hs);
	hobj_free(&o);
}

/* ---- 2. versions -------------------------------------------------------- */

static uint32_t find(struct hobj *o, const char *name, const char *version)
{
	struct elf_symreq r;
	elf_symreq_init(&r, name, version);
	uint32_t g = elf_sym_find(&o->dso, &r, ELF_HASH_GNU);
	uint32_t s = elf_sym_find(&o->dso, &r, ELF_HASH_SYSV);
	if (o->dso.dyn.gnu_buckets && o->dso.dyn.sysv_buckets)
		CHECK(g == s);
	return o->dso.dyn.gnu_buckets ? g : s;
}

static unsigned type_of(struct hobj *o, uint32_t i)
{
	return ELF64_ST_TYPE(o->dso.dyn.symtab[i].st_info);
}

static void test_libc_versions(void)
{
	struct hobj o;
	bool hidden;

	if (hobj_load(&o, LIBC, false))
		return;
	uint32_t def = find(&o, "memcpy", NULL), v214 = find(&o, "memcpy", "GLIBC_2.14");
	uint32_t v225 = find(&o, "memcpy", "GLIBC_2.2.5");
	CHECK(def && def == v214 && v225 && v225 != def);
	CHECK(strcmp(elf_sym_version(&o.dso, def, &hidden), "GLIBC_2.14") == 0 && !hidden);
	CHECK(type_of(&o, def) == STT_GNU_IFUNC);
	CHECK(strcmp(elf_sym_version(&o.dso, v225, &hidden), "GLIBC_2.2.5") == 0 && hidden);
	CHECK(type_of(&o, v225) == STT_FUNC);
	CHECK(find(&o, "memcpy", "GLIBC_2.99") == 0);

	/* Compat-only: only old binaries, which ask for the version, may have them. */
	CHECK(find(&o, "sys_errlist", NULL) == 0 && find(&o, "_sys_errlist", NULL) == 0);
	CHECK(find(&o, "sys_nerr", NULL) == 0);
	uint32_t e = find(&o, "sys_errlist", "GLIBC_2.2.5"), e12 = find(&o, "sys_errlist", "GLIBC_2.12");
	CHECK(e && e12 && e != e12);
	elf_sym_version(&o.dso, e, &hidden);
	CHECK(hidden);
	CHECK(o.dso.dyn.symtab[e].st_size == 1000 && o.dso.dyn.symtab[e12].st_size == 1080);

	/* A definition's verdef and every version name libc defines. */
	CHECK(find(&o, "printf", "GLIBC_2.2.5") && find(&o, "printf", NULL));
	CHECK(find(&o, "__libc_start_main", "GLIBC_2.34") && find(&o, "__libc_start_main", "GLIBC_2.2.5"));
	hobj_free(&o);
}

static void test_lk_versions(void)
{
	struct hobj lk, exe, needy;
	struct elf_symreq r;
	struct elf_err err;
	bool hidden;

	if (hobj_load(&lk, LK "liblk.so", false) || hobj_load(&exe, LK "lk_exe", false) ||
	    hobj_load(&needy, LK "libneedy.so", false)) {
		CHECK(!"lk objects load");
		return;
	}
	uint32_t v2 = find(&lk, "lk_versioned", NULL), v1 = find(&lk, "lk_versioned", "LK_1");
	CHECK(v2 && v1 && v1 != v2 && v2 == find(&lk, "lk_versioned", "LK_2"));
	CHECK(!find(&lk, "lk_versioned", "LK_3") && !find(&lk, "lk_versioned_v1", NULL));
	CHECK(strcmp(elf_sym_version(&lk.dso, v1, &hidden), "LK_1") == 0 && hidden);
	CHECK(strcmp(elf_sym_version(&lk.dso, v2, &hidden), "LK_2") == 0 && !hidden);
	/* The default version is the one whose code returns 2 (the later symbol). */
	CHECK(lk.dso.dyn.symtab[v2].st_value > lk.dso.dyn.symtab[v1].st_value);

	/* What references require: from DT_VERNEED (with the file), or own DT_VERDEF. */
	unsigned refs = 0;
	for (uint32_t i = 1; i < exe.dso.dyn.nsyms; i++) {
		CHECK(elf_symreq_ref(&r, &exe.dso, i, &err) == 0);
		if (strcmp(r.name, "lk_versioned") == 0 || strcmp(r.name, "lk_copy_var") == 0) {
			refs++;
			CHECK(strcmp(r.version, strcmp(r.name, "lk_versioned") ? "LK_1" : "LK_2") == 0);
			CHECK(r.file && strcmp(r.file, "liblk.so.1") == 0);
			CHECK(r.gnu_hash == elf_gnu_hash(r.name) && r.sysv_hash == elf_sysv_hash(r.name));
		}
	}
	CHECK(refs == 2);
	uint32_t gd = find(&lk, "lk_tls_gd", NULL);
	CHECK(gd && elf_symreq_ref(&r, &lk.dso, gd, &err) == 0 && strcmp(r.version, "LK_1") == 0 &&
	      r.file == NULL);
	for (uint32_t i = 1; i < needy.dso.dyn.nsyms; i++)
		if (elf_symreq_ref(&r, &needy.dso, i, &err) == 0 && strcmp(r.name, "prov_v3") == 0)
			CHECK(strcmp(r.version, "PROV_3") == 0 && strcmp(r.file, "libprov.so.1") == 0);
	CHECK(elf_symreq_ref(&r, &lk.dso, lk.dso.dyn.nsyms, &err) == -EINVAL &&
	      strcmp(err.why, "symbol index out of range") == 0);
	/* a version index no record has (between the records' indices) */
	((uint16_t *)lk.dso.dyn.versym)[gd] = 6;	/* records: 1-3 (verdef), 4-5 (verneed) */
	((uint16_t *)lk.dso.dyn.versym)[gd + 1] = 7;
	CHECK(elf_symreq_ref(&r, &lk.dso, gd, &err) == -EINVAL &&
	      strcmp(err.why, "symbol version index names no version") == 0 && err.value == 6);
	hobj_free(&lk);
	hobj_free(&exe);
	hobj_free(&needy);
}

/* ---- 3. search lists ---------------------------------------------------- */

static void test_scope(void)
{
	struct hobj lk, prov, libc, cxx;
	struct elf_symreq r;
	struct elf_symdef def;

	if (hobj_load(&lk, LK "liblk.so", false) || hobj_load(&prov, LK "libprov.so", false) ||
	    hobj_load(&libc, LIBC, false) || hobj_load(&cxx, LIBSTDCXX, false)) {
		CHECK(!"scope objects load");
		return;
	}
	struct elf_dso *a[] = { &lk.dso, &prov.dso, &libc.dso }, *b[] = { &prov.dso, &lk.dso };

	elf_symreq_init(&r, "lk_dup", NULL);
	CHECK(elf_sym_lookup(a, 3, &r, NULL, &def) && def.dso == &lk.dso);
	CHECK(def.addr == lk.dso.bias + def.sym->st_value && !def.ifunc && !def.tls);
	CHECK(elf_sym_lookup(b, 2, &r, NULL, &def) && def.dso == &prov.dso);
	CHECK(elf_sym_lookup(a, 3, &r, &lk.dso, &def) && def.dso == &prov.dso);
	CHECK(!elf_sym_lookup(a, 1, &r, &lk.dso, &def));
	elf_symreq_init(&r, "no_such_symbol", NULL);
	CHECK(!elf_sym_lookup(a, 3, &r, NULL, &def));

	elf_symreq_init(&r, "memcpy", NULL);
	CHECK(elf_sym_lookup(a, 3, &r, NULL, &def) && def.dso == &libc.dso && def.ifunc);
	elf_symreq_init(&r, "lk_tls_gd", "LK_1");
	CHECK(elf_sym_lookup(a, 3, &r, NULL, &def) && def.tls && def.addr == def.sym->st_value);
	elf_symreq_init(&r, "lk_tls_gd", "PROV_1");	/* right name, wrong version */
	CHECK(!elf_sym_lookup(a, 3, &r, NULL, &def));

	/* Flags of whatever the objects offer: weak, GNU-unique, absolute. */
	struct hobj *objs[] = { &libc, &cxx };
	unsigned weak = 0, unique = 0, abs = 0, bad = 0;
	for (int k = 0; k < 2; k++) {
		struct hsym *hs;
		size_t n = hobj_dynsyms(objs[k], &hs);
		for (size_t i = 1; i < n; i++) {
			const Elf64_Sym *s = hs[i].sym;
			if (s->st_shndx == SHN_UNDEF || hs[i].hidden)
				continue;
			unsigned bind = ELF64_ST_BIND(s->st_info);
			if (bind != STB_WEAK && bind != STB_GNU_UNIQUE && s->st_shndx != SHN_ABS)
				continue;
			elf_symreq_init(&r, hs[i].name, hs[i].version);
			struct elf_dso *one[] = { &objs[k]->dso };
			if (!elf_sym_lookup(one, 1, &r, NULL, &def) || def.index != i) {
				bad += s->st_value != 0 || s->st_shndx == SHN_ABS;
				continue;
			}
			weak += def.weak;
			unique += def.unique;
			if (s->st_shndx == SHN_ABS) {
				abs++;
				bad += def.addr != s->st_value;
			}
			bad += def.weak != (bind == STB_WEAK) || def.unique != (bind == STB_GNU_UNIQUE);
		}
		free(hs);
	}
	printf("  flags: %u weak, %u GNU-unique, %u absolute definitions checked\n", weak, unique, abs);
	CHECK(bad == 0 && weak > 0 && unique > 0);
	hobj_free(&lk);
	hobj_free(&prov);
	hobj_free(&libc);
	hobj_free(&cxx);
}

int main(void)
{
	CHECK(elf_gnu_hash("") == 5381 && elf_sysv_hash("") == 0);
	check_hashes(LIBC);
	check_hashes(LIBM);
	check_hashes(LDSO);
	check_hashes(LIBSTDCXX);
	check_hashes(LK "liblk.so");
	check_hashes(LK "liblk-gnu.so");
	check_hashes(LK "liblk-sysv.so");
	check_hashes(LK "libprov.so");
	test_libc_versions();
	test_lk_versions();
	test_scope();
	return TEST_END();
}
