/*
 * elf/dyn.c - describe a mapped object and read its PT_DYNAMIC, checking
 * every table the dynamic section names before anything uses it.
 *
 * The linker's first step on each object (keel's loader, later dlopen, and
 * the host tests). The dynamic section is a list of (tag, value) pairs that
 * point at the other tables: strings, symbols, hash tables, version
 * records, relocations, initializers. All of it is the object's own bytes,
 * so all of it is hostile: elf_dyn_parse() collects the entries in one walk
 * (the order of tags is free, and DT_STRTAB may come after the DT_NEEDED
 * entries that use it), then checks the tables one kind at a time, in a
 * fixed order, each against the object's PT_LOAD segments (in range of one
 * segment, aligned for the entries read in place, entry sizes as the
 * psABI fixes them). The first broken rule is reported as -EINVAL and a
 * static sentence naming the tag, like elf_parse().
 *
 * What cannot be checked once (the contents of hash chains, version
 * indices a lookup meets, relocation entries) is checked again where it is
 * used, in symbols.c and reloc.c: relocations write into the object, and a
 * crafted object may point them at its own tables.
 *
 * The symbol count is not in the dynamic section: it comes from DT_HASH's
 * nchain, or from walking DT_GNU_HASH's last chain to its end.
 *
 * Freestanding: builds into the kernel and into the host tests.
 */
#include "internal.h"
#include "klib.h"
#include <asm-generic/errno-base.h>

static bool range_in(uint64_t off, uint64_t size, uint64_t limit)
{
	return size <= limit && off <= limit - size;
}

static int fail(struct elf_err *err, const char *why, uint64_t index)
{
	*err = (struct elf_err){ .why = why, .index = index };
	return -EINVAL;
}

int elf_dso_init(struct elf_dso *d, const struct elf_image *img, uintptr_t bias,
		 const char *name, struct elf_err *err)
{
	*d = (struct elf_dso){ .name = name, .bias = bias };
	for (unsigned i = 0; i < img->phnum; i++) {
		const Elf64_Phdr *p = &img->ph[i];
		if (p->p_type != PT_LOAD)
			continue;
		if (d->nseg == ELF_DSO_MAX_LOADS)
			return fail(err, "more PT_LOAD segments than the linker accepts", i);
		d->seg[d->nseg++] = (struct elf_seg){ p->p_vaddr, p->p_memsz, p->p_flags };
	}
	if (img->dynamic) {
		d->dyn_vaddr = img->dynamic->p_vaddr;
		d->dyn_size = img->dynamic->p_memsz;
	}
	if (img->tls) {
		d->tls_vaddr = img->tls->p_vaddr;
		d->tls_filesz = img->tls->p_filesz;
		d->tls_memsz = img->tls->p_memsz;
		d->tls_align = img->tls->p_align ? img->tls->p_align : 1;
	}
	if (img->relro) {
		d->relro_vaddr = img->relro->p_vaddr;
		d->relro_size = img->relro->p_memsz;
	}
	return 0;
}

static const struct elf_seg *find_seg(const struct elf_dso *d, uint64_t vaddr, uint64_t size)
{
	for (unsigned i = 0; i < d->nseg; i++) {
		const struct elf_seg *s = &d->seg[i];
		if (vaddr >= s->vaddr && range_in(vaddr - s->vaddr, size, s->memsz))
			return s;
	}
	return NULL;
}

const void *elf_dso_ptr(const struct elf_dso *d, uint64_t vaddr, uint64_t size, uint64_t align)
{
	if (!find_seg(d, vaddr, size) || ((d->bias + vaddr) & (align - 1)))
		return NULL;
	return (const void *)(d->bias + vaddr);
}

void *elf_dso_wptr(const struct elf_dso *d, uint64_t vaddr, uint64_t size, uint64_t align)
{
	const struct elf_seg *s = find_seg(d, vaddr, size);
	if (!s || !(s->flags & PF_W) || ((d->bias + vaddr) & (align - 1)))
		return NULL;
	return (void *)(d->bias + vaddr);
}

bool elf_dso_exec(const struct elf_dso *d, uint64_t vaddr)
{
	const struct elf_seg *s = find_seg(d, vaddr, 1);
	return s && (s->flags & PF_X);
}

const char *elf_dso_str(const struct elf_dso *d, uint64_t off)
{
	if (!d->dyn.strtab || off >= d->dyn.strsz)
		return NULL;
	const char *s = d->dyn.strtab + off;
	return strnlen(s, d->dyn.strsz - off) < d->dyn.strsz - off ? s : NULL;
}

/* ---- stage 1: collect the entries ----------------------------------- */

/* The tags that are kept by value; flags-only tags are separate booleans. */
enum slot {
	S_STRTAB, S_STRSZ, S_SYMTAB, S_SYMENT, S_HASH, S_GNU_HASH,
	S_VERSYM, S_VERDEF, S_VERDEFNUM, S_VERNEED, S_VERNEEDNUM,
	S_RELA, S_RELASZ, S_RELAENT, S_JMPREL, S_PLTRELSZ, S_PLTREL,
	S_RELR, S_RELRSZ, S_RELRENT, S_INIT, S_FINI,
	S_INIT_ARRAY, S_INIT_ARRAYSZ, S_FINI_ARRAY, S_FINI_ARRAYSZ,
	S_PREINIT_ARRAY, S_PREINIT_ARRAYSZ, S_FLAGS, S_FLAGS_1,
	S_SONAME, S_RPATH, S_RUNPATH, NSLOT
};

static const struct {
	int64_t tag;
	enum slot slot;
} slot_of[] = {
	{ DT_STRTAB, S_STRTAB }, { DT_STRSZ, S_STRSZ }, { DT_SYMTAB, S_SYMTAB },
	{ DT_SYMENT, S_SYMENT }, { DT_HASH, S_HASH }, { DT_GNU_HASH, S_GNU_HASH },
	{ DT_VERSYM, S_VERSYM }, { DT_VERDEF, S_VERDEF }, { DT_VERDEFNUM, S_VERDEFNUM },
	{ DT_VERNEED, S_VERNEED }, { DT_VERNEEDNUM, S_VERNEEDNUM }, { DT_RELA, S_RELA },
	{ DT_RELASZ, S_RELASZ }, { DT_RELAENT, S_RELAENT }, { DT_JMPREL, S_JMPREL },
	{ DT_PLTRELSZ, S_PLTRELSZ }, { DT_PLTREL, S_PLTREL }, { DT_RELR, S_RELR },
	{ DT_RELRSZ, S_RELRSZ }, { DT_RELRENT, S_RELRENT }, { DT_INIT, S_INIT },
	{ DT_FINI, S_FINI }, { DT_INIT_ARRAY, S_INIT_ARRAY },
	{ DT_INIT_ARRAYSZ, S_INIT_ARRAYSZ }, { DT_FINI_ARRAY, S_FINI_ARRAY },
	{ DT_FINI_ARRAYSZ, S_FINI_ARRAYSZ }, { DT_PREINIT_ARRAY, S_PREINIT_ARRAY },
	{ DT_PREINIT_ARRAYSZ, S_PREINIT_ARRAYSZ }, { DT_FLAGS, S_FLAGS },
	{ DT_FLAGS_1, S_FLAGS_1 }, { DT_SONAME, S_SONAME }, { DT_RPATH, S_RPATH },
	{ DT_RUNPATH, S_RUNPATH },
};

struct raw {
	uint64_t v[NSLOT];
	uint64_t at[NSLOT];		/* entry index, for messages */
	bool has[NSLOT];
	bool textrel, symbolic, bind_now, rel;
};

static int collect(struct elf_dso *d, struct raw *r, struct elf_err *err)
{
	uint64_t n = d->dyn_size / sizeof(Elf64_Dyn);
	const Elf64_Dyn *dyn = elf_dso_ptr(d, d->dyn_vaddr, n * sizeof(Elf64_Dyn), 8);
	uint64_t i;

	if (!dyn)
		return fail(err, "PT_DYNAMIC lies outside the object's segments", ELF_NO_INDEX);
	for (i = 0; i < n && dyn[i].d_tag != DT_NULL; i++) {
		int64_t tag = dyn[i].d_tag;
		uint64_t val = dyn[i].d_un.d_val;

		switch (tag) {
		case DT_NEEDED:
			d->dyn.nneeded++;
			continue;
		case DT_TEXTREL:
			r->textrel = true;
			continue;
		case DT_SYMBOLIC:
			r->symbolic = true;
			continue;
		case DT_BIND_NOW:
			r->bind_now = true;
			continue;
		case DT_REL:
		case DT_RELSZ:
		case DT_RELENT:
			r->rel = true;
			continue;
		}
		/* Repeated tags: the last one counts. Unknown tags are ignored (gABI). */
		for (size_t k = 0; k < ARRAY_SIZE(slot_of); k++) {
			if (slot_of[k].tag == tag) {
				r->v[slot_of[k].slot] = val;
				r->at[slot_of[k].slot] = i;
				r->has[slot_of[k].slot] = true;
				break;
			}
		}
	}
	if (i == n)
		return fail(err, "dynamic section has no DT_NULL terminator", ELF_NO_INDEX);
	d->dyn.dynamic = dyn;
	d->dyn.ndyn = (unsigned)i;
	return 0;
}

/* ---- stage 2: the tables -------------------------------------------- */

/* Messages for a table given by an address tag and a byte-size tag. */
struct tmsgs {
	const char *no_size, *no_addr, *not_multiple, *outside, *misaligned;
};
#define TMSGS(A, S)                                                                     \
	((const struct tmsgs){ A " without " S, S " without " A,                        \
			       S " is not a multiple of the entry size",                 \
			       A " lies outside the object's segments", A " is misaligned" })

/* Is [addr, addr + size) one segment's and aligned? Else say which rule broke. */
static const void *table(const struct elf_dso *d, uint64_t addr, uint64_t size, uint64_t align,
			 const struct tmsgs *m, uint64_t index, struct elf_err *err)
{
	if (!elf_dso_ptr(d, addr, size, 1)) {
		fail(err, m->outside, index);
		return NULL;
	}
	if ((d->bias + addr) & (align - 1)) {
		fail(err, m->misaligned, index);
		return NULL;
	}
	return (const void *)(d->bias + addr);
}

/* An (address, byte size) pair of tags naming entsz-byte entries. */
static int sized(const struct elf_dso *d, const struct raw *r, enum slot a, enum slot s,
		 uint64_t entsz, const void **out, uint64_t *count, const struct tmsgs m,
		 struct elf_err *err)
{
	*out = NULL;
	*count = 0;
	if (!r->has[a]) {
		if (r->has[s] && r->v[s])
			return fail(err, m.no_addr, r->at[s]);
		return 0;
	}
	if (!r->has[s])
		return fail(err, m.no_size, r->at[a]);
	if (r->v[s] % entsz)
		return fail(err, m.not_multiple, r->at[s]);
	if (!r->v[s])
		return 0;
	if (!(*out = table(d, r->v[a], r->v[s], 8, &m, r->at[a], err)))
		return -EINVAL;
	*count = r->v[s] / entsz;
	return 0;
}

static int check_strings(struct elf_dso *d, const struct raw *r, struct elf_err *err)
{
	struct elf_dyn *y = &d->dyn;
	const struct tmsgs m = TMSGS("DT_STRTAB", "DT_STRSZ");

	if (r->has[S_STRTAB] != r->has[S_STRSZ])
		return fail(err, r->has[S_STRTAB] ? m.no_size : m.no_addr,
			    r->at[r->has[S_STRTAB] ? S_STRTAB : S_STRSZ]);
	if (!r->has[S_STRTAB]) {
		if (y->nneeded || r->has[S_SONAME] || r->has[S_RPATH] || r->has[S_RUNPATH] ||
		    r->has[S_SYMTAB] || r->has[S_VERDEF] || r->has[S_VERNEED])
			return fail(err, "dynamic section names strings but has no DT_STRTAB",
				    ELF_NO_INDEX);
		return 0;
	}
	if (!(y->strtab = table(d, r->v[S_STRTAB], r->v[S_STRSZ], 1, &m, r->at[S_STRTAB], err)))
		return -EINVAL;
	y->strsz = r->v[S_STRSZ];
	/* A table ending in NUL keeps every offset's string inside it; elf_dso_str() checks anyway. */
	if (!y->strsz || y->strtab[y->strsz - 1])
		return fail(err, "DT_STRTAB does not end with a NUL byte", r->at[S_STRTAB]);

	for (unsigned i = 0; i < y->ndyn; i++)
		if (y->dynamic[i].d_tag == DT_NEEDED && !elf_dso_str(d, y->dynamic[i].d_un.d_val))
			return fail(err, "DT_NEEDED name outside the string table", i);
	static const struct {
		enum slot s;
		const char *why;
	} names[] = {
		{ S_SONAME, "DT_SONAME outside the string table" },
		{ S_RPATH, "DT_RPATH outside the string table" },
		{ S_RUNPATH, "DT_RUNPATH outside the string table" },
	};
	const char **dst[] = { &y->soname, &y->rpath, &y->runpath };
	for (size_t k = 0; k < ARRAY_SIZE(names); k++) {
		if (!r->has[names[k].s])
			continue;
		if (!(*dst[k] = elf_dso_str(d, r->v[names[k].s])))
			return fail(err, names[k].why, r->at[names[k].s]);
	}
	return 0;
}

static int check_sysv_hash(struct elf_dso *d, const struct raw *r, struct elf_err *err)
{
	struct elf_dyn *y = &d->dyn;
	const struct tmsgs m = TMSGS("DT_HASH", "");
	const uint32_t *h = table(d, r->v[S_HASH], 8, 4, &m, r->at[S_HASH], err);

	if (!h)
		return -EINVAL;
	if (!h[0])
		return fail(err, "DT_HASH has no buckets", r->at[S_HASH]);
	if (h[1] > ELF_MAX_SYMS)
		return fail(err, "DT_HASH claims more symbols than the linker accepts", r->at[S_HASH]);
	if (!table(d, r->v[S_HASH], 8 + 4 * ((uint64_t)h[0] + h[1]), 4, &m, r->at[S_HASH], err))
		return -EINVAL;
	y->sysv_nbucket = h[0];
	y->sysv_buckets = h + 2;
	y->sysv_chain = h + 2 + h[0];
	y->nsyms = h[1];
	return 0;
}

/* GNU hash: header, bloom words, buckets, then one chain word per hashed symbol. */
static int check_gnu_hash(struct elf_dso *d, const struct raw *r, uint32_t *count,
			  struct elf_err *err)
{
	struct elf_dyn *y = &d->dyn;
	const struct tmsgs m = TMSGS("DT_GNU_HASH", "");
	uint64_t a = r->v[S_GNU_HASH], at = r->at[S_GNU_HASH];
	const uint32_t *h = table(d, a, 16, 8, &m, at, err);

	if (!h)
		return -EINVAL;
	uint32_t nb = h[0], symoff = h[1], bsize = h[2], shift = h[3];
	if (!nb)
		return fail(err, "DT_GNU_HASH has no buckets", at);
	if (!bsize || (bsize & (bsize - 1)))
		return fail(err, "DT_GNU_HASH bloom filter size is not a power of two", at);
	if (shift >= 32)
		return fail(err, "DT_GNU_HASH bloom shift is 32 or more", at);
	uint64_t head = 16 + 8 * (uint64_t)bsize + 4 * (uint64_t)nb;
	if (!table(d, a, head, 8, &m, at, err))
		return -EINVAL;
	y->gnu_bloom = (const uint64_t *)(h + 4);
	y->gnu_buckets = (const uint32_t *)(y->gnu_bloom + bsize);

	uint32_t last = 0;
	for (uint32_t b = 0; b < nb; b++) {
		uint32_t i = y->gnu_buckets[b];
		if (i && i < symoff)
			return fail(err, "DT_GNU_HASH bucket points below its symbol offset", at);
		last = MAX(last, i);
	}
	/* Walk the chain of the highest bucket to its end bit: that is the last symbol. */
	uint64_t n = symoff;
	if (last) {
		for (n = last;; n++) {
			const uint32_t *c = elf_dso_ptr(d, a + head + 4 * (n - symoff), 4, 4);
			if (!c)
				return fail(err, "DT_GNU_HASH chain runs out of its segment", at);
			if (n >= ELF_MAX_SYMS)
				return fail(err, "DT_GNU_HASH chain longer than the linker accepts", at);
			if (*c & 1)
				break;
		}
		n++;
	}
	/* The walk checked the last chain's words; the lookups read the whole array. */
	if (!table(d, a, head + 4 * (n - symoff), 8, &m, at, err))
		return -EINVAL;
	y->gnu_chain = (const uint32_t *)((uintptr_t)h + head);
	y->gnu_nbuckets = nb;
	y->gnu_symoffset = symoff;
	y->gnu_bloom_size = bsize;
	y->gnu_bloom_shift = shift;
	*count = (uint32_t)n;
	return 0;
}

static int check_symbols(struct elf_dso *d, const struct raw *r, struct elf_err *err)
{
	struct elf_dyn *y = &d->dyn;
	uint32_t gnu_count = 0;
	int e;

	if (r->has[S_SYMENT] && r->v[S_SYMENT] != sizeof(Elf64_Sym))
		return fail(err, "DT_SYMENT is not sizeof(Elf64_Sym)", r->at[S_SYMENT]);
	if (!r->has[S_SYMTAB]) {
		if (r->has[S_HASH] || r->has[S_GNU_HASH] || r->has[S_VERSYM])
			return fail(err, "hash or version table without DT_SYMTAB", ELF_NO_INDEX);
		return 0;
	}
	if (!r->has[S_HASH] && !r->has[S_GNU_HASH])
		return fail(err, "DT_SYMTAB without DT_HASH or DT_GNU_HASH", r->at[S_SYMTAB]);
	if (r->has[S_HASH] && (e = check_sysv_hash(d, r, err)))
		return e;
	if (r->has[S_GNU_HASH]) {
		if ((e = check_gnu_hash(d, r, &gnu_count, err)))
			return e;
		if (!r->has[S_HASH])
			y->nsyms = gnu_count;
		else if (gnu_count > y->nsyms)
			return fail(err, "DT_GNU_HASH and DT_HASH disagree on the number of symbols",
				    r->at[S_GNU_HASH]);
	}
	const struct tmsgs m = TMSGS("DT_SYMTAB", "");
	if (!(y->symtab = table(d, r->v[S_SYMTAB], (uint64_t)y->nsyms * sizeof(Elf64_Sym), 8, &m,
				r->at[S_SYMTAB], err)))
		return -EINVAL;
	return 0;
}

/* The version tables' places; version.c walks and checks their records. */
static int check_versions(struct elf_dso *d, const struct raw *r, struct elf_err *err)
{
	struct elf_dyn *y = &d->dyn;
	const struct tmsgs m = TMSGS("DT_VERSYM", "");

	if (r->has[S_VERSYM] && !(y->versym = table(d, r->v[S_VERSYM], 2 * (uint64_t)y->nsyms, 2,
						    &m, r->at[S_VERSYM], err)))
		return -EINVAL;
	if (r->has[S_VERDEF] != r->has[S_VERDEFNUM])
		return fail(err, "DT_VERDEF and DT_VERDEFNUM must come together", ELF_NO_INDEX);
	if (r->has[S_VERNEED] != r->has[S_VERNEEDNUM])
		return fail(err, "DT_VERNEED and DT_VERNEEDNUM must come together", ELF_NO_INDEX);
	/* Each record has a distinct 15-bit index, so more than 0x7fff cannot be right. */
	if (r->v[S_VERDEFNUM] > ELF_VERSYM_INDEX)
		return fail(err, "DT_VERDEFNUM larger than the version index range", r->at[S_VERDEFNUM]);
	if (r->v[S_VERNEEDNUM] > ELF_VERSYM_INDEX)
		return fail(err, "DT_VERNEEDNUM larger than the version index range",
			    r->at[S_VERNEEDNUM]);
	y->verdef = r->v[S_VERDEF];
	y->verdefnum = (unsigned)r->v[S_VERDEFNUM];
	y->verneed = r->v[S_VERNEED];
	y->verneednum = (unsigned)r->v[S_VERNEEDNUM];
	return elf_ver_check(d, err);
}

static int check_relocs(struct elf_dso *d, const struct raw *r, struct elf_err *err)
{
	struct elf_dyn *y = &d->dyn;
	const void *p;
	int e;

	if (r->textrel || (r->v[S_FLAGS] & DF_TEXTREL))
		return fail(err, "text relocations (DT_TEXTREL) are not supported: rebuild with -fPIC",
			    ELF_NO_INDEX);
	if (r->rel)
		return fail(err, "DT_REL relocations (x86-64 objects use DT_RELA)", ELF_NO_INDEX);
	if (r->has[S_RELAENT] && r->v[S_RELAENT] != sizeof(Elf64_Rela))
		return fail(err, "DT_RELAENT is not sizeof(Elf64_Rela)", r->at[S_RELAENT]);
	if (r->has[S_JMPREL] && r->v[S_PLTREL] != DT_RELA)
		return fail(err, "DT_PLTREL is not DT_RELA", r->at[S_JMPREL]);
	if (r->has[S_RELRENT] && r->v[S_RELRENT] != sizeof(uint64_t))
		return fail(err, "DT_RELRENT is not 8", r->at[S_RELRENT]);

	if ((e = sized(d, r, S_RELA, S_RELASZ, sizeof(Elf64_Rela), &p, &y->nrela,
		       TMSGS("DT_RELA", "DT_RELASZ"), err)))
		return e;
	y->rela = p;
	if ((e = sized(d, r, S_JMPREL, S_PLTRELSZ, sizeof(Elf64_Rela), &p, &y->njmprel,
		       TMSGS("DT_JMPREL", "DT_PLTRELSZ"), err)))
		return e;
	y->jmprel = p;
	if ((e = sized(d, r, S_RELR, S_RELRSZ, sizeof(uint64_t), &p, &y->nrelr,
		       TMSGS("DT_RELR", "DT_RELRSZ"), err)))
		return e;
	y->relr = p;
	return 0;
}

static int check_init(struct elf_dso *d, const struct raw *r, struct elf_err *err)
{
	struct elf_dyn *y = &d->dyn;
	const void *p;
	int e;

	/* A value of 0 means none: glibc-built objects never have code at address 0. */
	if (r->v[S_INIT] && !elf_dso_exec(d, r->v[S_INIT]))
		return fail(err, "DT_INIT outside every executable segment", r->at[S_INIT]);
	if (r->v[S_FINI] && !elf_dso_exec(d, r->v[S_FINI]))
		return fail(err, "DT_FINI outside every executable segment", r->at[S_FINI]);
	y->init = r->v[S_INIT] ? d->bias + r->v[S_INIT] : 0;
	y->fini = r->v[S_FINI] ? d->bias + r->v[S_FINI] : 0;

	if ((e = sized(d, r, S_PREINIT_ARRAY, S_PREINIT_ARRAYSZ, 8, &p, &y->npreinit_array,
		       TMSGS("DT_PREINIT_ARRAY", "DT_PREINIT_ARRAYSZ"), err)))
		return e;
	y->preinit_array = p;
	if ((e = sized(d, r, S_INIT_ARRAY, S_INIT_ARRAYSZ, 8, &p, &y->ninit_array,
		       TMSGS("DT_INIT_ARRAY", "DT_INIT_ARRAYSZ"), err)))
		return e;
	y->init_array = p;
	if ((e = sized(d, r, S_FINI_ARRAY, S_FINI_ARRAYSZ, 8, &p, &y->nfini_array,
		       TMSGS("DT_FINI_ARRAY", "DT_FINI_ARRAYSZ"), err)))
		return e;
	y->fini_array = p;
	return 0;
}

int elf_dyn_parse(struct elf_dso *d, struct elf_err *err)
{
	struct elf_dyn *y = &d->dyn;
	struct raw r = { 0 };
	int e;

	*y = (struct elf_dyn){ 0 };
	*err = (struct elf_err){ .index = ELF_NO_INDEX };
	if (!d->dyn_size)
		return 0;
	if ((e = collect(d, &r, err)) || (e = check_strings(d, &r, err)) ||
	    (e = check_symbols(d, &r, err)) || (e = check_versions(d, &r, err)) ||
	    (e = check_relocs(d, &r, err)) || (e = check_init(d, &r, err))) {
		*y = (struct elf_dyn){ 0 };
		return e;
	}
	y->flags = r.v[S_FLAGS];
	y->flags_1 = r.v[S_FLAGS_1];
	y->bind_now = r.bind_now || (y->flags & DF_BIND_NOW) || (y->flags_1 & DF_1_NOW);
	y->symbolic = r.symbolic || (y->flags & DF_SYMBOLIC);
	y->static_tls = (y->flags & DF_STATIC_TLS) != 0;
	return 0;
}

const char *elf_dyn_needed(const struct elf_dso *d, unsigned i)
{
	for (unsigned k = 0; k < d->dyn.ndyn; k++)
		if (d->dyn.dynamic[k].d_tag == DT_NEEDED && i-- == 0)
			return elf_dso_str(d, d->dyn.dynamic[k].d_un.d_val);
	return NULL;
}
