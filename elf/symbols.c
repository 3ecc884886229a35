/*
 * elf/symbols.c - find a symbol's definition: the two hash tables, the
 * version rules, and the search over a list of objects.
 *
 * Used by reloc.c to bind each symbolic relocation, and later by dlsym and
 * dlvsym. A request is a name plus, for a versioned reference, a version
 * name (reloc.c takes both from the referencing object's DT_VERSYM and
 * DT_VERNEED, see elf_symreq_ref); both hashes of the name are computed
 * once per request.
 *
 * DT_GNU_HASH (the GNU format, the one modern toolchains emit): a bloom
 * filter of 64-bit words rejects most absent names with one load (two bits
 * per name: hash % 64 and (hash >> shift) % 64, in word (hash / 64) %
 * size); a bucket then gives the first symbol index of the names with that
 * hash % nbuckets, and the chain array holds each symbol's hash with bit 0
 * replaced by an end-of-chain mark, so names are compared only when the
 * other 31 bits agree. Only symbols from symoffset on are hashed (the
 * undefined ones come before). DT_HASH (the SysV format of the gABI):
 * nbucket buckets and nchain chain links, one per symbol, 0 ending a chain.
 * Both hash functions are the ones the formats define (djb2 and the ELF
 * hash). Every index read from a table is checked against the symbol count
 * before use and SysV chains are walked at most nchain steps, so a cyclic
 * or corrupt table ends the search rather than the kernel.
 */
#include "internal.h"
#include "klib.h"
#include <asm-generic/errno-base.h>

#define VISIBILITY(o) ((o) & 3)
#define VIS_INTERNAL 1
#define VIS_HIDDEN 2

uint32_t elf_gnu_hash(const char *name)
{
	uint32_t h = 5381;
	for (const unsigned char *s = (const unsigned char *)name; *s; s++)
		h = h * 33 + *s;
	return h;
}

uint32_t elf_sysv_hash(const char *name)
{
	uint32_t h = 0, g;
	for (const unsigned char *s = (const unsigned char *)name; *s; s++) {
		h = (h << 4) + *s;
		g = h & 0xf0000000;
		if (g)
			h ^= g >> 24;
		h &= ~g;
	}
	return h;
}

void elf_symreq_init(struct elf_symreq *r, const char *name, const char *version)
{
	*r = (struct elf_symreq){ .name = name, .version = version,
				  .gnu_hash = elf_gnu_hash(name), .sysv_hash = elf_sysv_hash(name) };
}

int elf_symreq_ref(struct elf_symreq *r, const struct elf_dso *d, uint32_t idx,
		   struct elf_err *err)
{
	const char *name, *version = NULL, *file = NULL;

	if (idx >= d->dyn.nsyms) {
		*err = (struct elf_err){ .why = "symbol index out of range", .index = idx };
		return -EINVAL;
	}
	if (!(name = elf_dso_str(d, d->dyn.symtab[idx].st_name))) {
		*err = (struct elf_err){ .why = "symbol name outside the string table", .index = idx };
		return -EINVAL;
	}
	unsigned ndx = d->dyn.versym ? d->dyn.versym[idx] & ELF_VERSYM_INDEX : 0;
	if (ndx >= 2) {
		/* Usually a version required from a library; else one of this object's own. */
		version = elf_verneed_name(d, ndx, &file);
		if (!version)
			version = elf_verdef_name(d, ndx);
		if (!version) {
			*err = (struct elf_err){ .why = "symbol version index names no version",
						 .sym = name, .index = idx, .value = ndx };
			return -EINVAL;
		}
	}
	elf_symreq_init(r, name, version);
	r->file = file;
	return 0;
}

const char *elf_sym_version(const struct elf_dso *d, uint32_t idx, bool *hidden)
{
	*hidden = false;
	if (!d->dyn.versym || idx >= d->dyn.nsyms)
		return NULL;
	uint16_t v = d->dyn.versym[idx];
	*hidden = (v & ELF_VERSYM_HIDDEN) != 0;
	return (v & ELF_VERSYM_INDEX) >= 2 ? elf_verdef_name(d, v & ELF_VERSYM_INDEX) : NULL;
}

/* Can this symbol satisfy a reference from another object at all? */
static bool exported(const Elf64_Sym *s)
{
	unsigned bind = ELF64_ST_BIND(s->st_info), type = ELF64_ST_TYPE(s->st_info);

	if (s->st_shndx == SHN_UNDEF)
		return false;
	if (bind != STB_GLOBAL && bind != STB_WEAK && bind != STB_GNU_UNIQUE)
		return false;
	if (type != STT_NOTYPE && type != STT_OBJECT && type != STT_FUNC && type != STT_COMMON &&
	    type != STT_TLS && type != STT_GNU_IFUNC)
		return false;
	if (VISIBILITY(s->st_other) == VIS_HIDDEN || VISIBILITY(s->st_other) == VIS_INTERNAL)
		return false;
	/* Address 0 holds the ELF header in any object; only absolute and TLS values may be 0. */
	return s->st_value || s->st_shndx == SHN_ABS || type == STT_TLS;
}

/* Is the string at @off of @d's string table exactly @name? Bounded by the table. */
static bool name_is(const struct elf_dso *d, uint32_t off, const char *name)
{
	if (off >= d->dyn.strsz)
		return false;
	const char *s = d->dyn.strtab + off;
	for (uint64_t i = 0, max = d->dyn.strsz - off; i < max; i++) {
		if (s[i] != name[i])
			return false;
		if (!s[i])
			return true;
	}
	return false;
}

/*
 * The version rule (see elf_sym_find in elf.h). Indices 0 and 1 both count
 * as unversioned: binutils writes 1 for a global without a version and 0
 * only for local entries, and treating them alike accepts either.
 */
static bool version_ok(const struct elf_dso *d, uint32_t i, const struct elf_symreq *r)
{
	if (!d->dyn.versym)
		return true;
	uint16_t v = d->dyn.versym[i];
	unsigned ndx = v & ELF_VERSYM_INDEX;
	bool hidden = v & ELF_VERSYM_HIDDEN;

	if (!r->version || ndx < 2)
		return !hidden;
	/*
	 * A definition's index names a VERDEF record, except in an executable
	 * holding a COPY of a library's variable: there the symbol is defined
	 * (the copy) under the VERNEED record of the version it was linked
	 * against (std::cout@GLIBCXX_3.4), and the library's own references
	 * must bind to that copy; glibc's ld.so numbers both kinds alike.
	 */
	const char *file, *have = elf_verdef_name(d, ndx);
	if (!have)
		have = elf_verneed_name(d, ndx, &file);
	return have && !strcmp(have, r->version);
}

static bool match(const struct elf_dso *d, uint32_t i, const struct elf_symreq *r)
{
	const Elf64_Sym *s = &d->dyn.symtab[i];
	return exported(s) && name_is(d, s->st_name, r->name) && version_ok(d, i, r);
}

static uint32_t find_gnu(const struct elf_dso *d, const struct elf_symreq *r)
{
	const struct elf_dyn *y = &d->dyn;
	uint32_t h = r->gnu_hash;
	uint64_t word = y->gnu_bloom[(h / 64) & (y->gnu_bloom_size - 1)];
	uint64_t mask = (1ULL << (h % 64)) | (1ULL << ((h >> y->gnu_bloom_shift) % 64));

	if ((word & mask) != mask)
		return 0;
	uint32_t i = y->gnu_buckets[h % y->gnu_nbuckets];
	if (i < y->gnu_symoffset)
		return 0;	/* 0: empty bucket */
	for (; i < y->nsyms; i++) {
		uint32_t h2 = y->gnu_chain[i - y->gnu_symoffset];
		if ((h2 | 1) == (h | 1) && match(d, i, r))
			return i;
		if (h2 & 1)
			break;
	}
	return 0;
}

static uint32_t find_sysv(const struct elf_dso *d, const struct elf_symreq *r)
{
	const struct elf_dyn *y = &d->dyn;
	uint32_t i = y->sysv_buckets[r->sysv_hash % y->sysv_nbucket];

	for (uint32_t steps = 0; i && i < y->nsyms && steps < y->nsyms; steps++) {
		if (match(d, i, r))
			return i;
		i = y->sysv_chain[i];
	}
	return 0;
}

uint32_t elf_sym_find(const struct elf_dso *d, const struct elf_symreq *r, enum elf_hash_use how)
{
	bool gnu = d->dyn.gnu_buckets != NULL, sysv = d->dyn.sysv_buckets != NULL;

	if (how == ELF_HASH_GNU || (how == ELF_HASH_ANY && gnu))
		return gnu ? find_gnu(d, r) : 0;
	return sysv ? find_sysv(d, r) : 0;
}

void elf_symdef_set(struct elf_symdef *out, struct elf_dso *d, uint32_t idx)
{
	const Elf64_Sym *s = &d->dyn.symtab[idx];
	unsigned bind = ELF64_ST_BIND(s->st_info), type = ELF64_ST_TYPE(s->st_info);

	*out = (struct elf_symdef){
		.dso = d,
		.sym = s,
		.index = idx,
		.ifunc = type == STT_GNU_IFUNC,
		.tls = type == STT_TLS,
		.weak = bind == STB_WEAK,
		.unique = bind == STB_GNU_UNIQUE,
	};
	/* SHN_ABS values are not addresses in the object; TLS values are block offsets. */
	out->addr = s->st_shndx == SHN_ABS || out->tls ? s->st_value : d->bias + s->st_value;
}

bool elf_sym_lookup(struct elf_dso *const *scope, size_t n, const struct elf_symreq *r,
		    const struct elf_dso *skip, struct elf_symdef *out)
{
	for (size_t k = 0; k < n; k++) {
		if (scope[k] == skip)
			continue;
		uint32_t i = elf_sym_find(scope[k], r, ELF_HASH_ANY);
		if (i) {
			elf_symdef_set(out, scope[k], i);
			return true;
		}
	}
	return false;
}
