/*
 * elf/reloc.c - apply an object's relocations (x86-64 psABI) once its
 * symbols can be found: RELR, DT_RELA and DT_JMPREL.
 *
 * Called for each object of a program after elf_dyn_parse() and
 * elf_tls_layout(), dependencies first. Every PLT slot is bound now, as
 * with LD_BIND_NOW: keel has no lazy-binding trampoline, and a program
 * that would fail on a missing function later fails at load instead,
 * with the full list.
 *
 * Three passes over the tables:
 *  1. relative relocations: RELR (a packed list of places that get the
 *     load bias added, see relr()) and R_X86_64_RELATIVE (B + A);
 *  2. everything symbolic, in table order: 64 (S + A), GLOB_DAT and
 *     JUMP_SLOT (S + A; the psABI says S, and linkers write A = 0, so the
 *     two agree), PC32 (S + A - P, refused when it does not fit in 32
 *     signed bits), COPY (the executable's copy of a library's data, the
 *     symbol searched for in every object but the executable), and TLS:
 *     DTPMOD64 (the module id), DTPOFF64 (the offset in the module's
 *     block, S + A), TPOFF64 (the offset from the thread pointer,
 *     module offset + S + A, negative on x86-64);
 *  3. R_X86_64_IRELATIVE, whose resolver runs last so it sees its object
 *     fully relocated (linkers place them last in the tables too).
 * A symbolic reference whose definition is STT_GNU_IFUNC gets the
 * resolver's answer instead of the resolver's address; it runs in pass 2,
 * once the relative relocations are in.
 *
 * Each target is checked to lie in a writable segment before the write,
 * and stores go through memcpy: R_X86_64_64 may patch any byte address.
 */
#include "internal.h"
#include "klib.h"
#include <asm-generic/errno-base.h>
#include <asm-generic/errno.h>

struct rstate {
	struct elf_dso *d;
	const struct elf_reloc_ctx *ctx;
	struct elf_err *err;
	uint64_t index;			/* current relocation, for messages */
	uint64_t nmissing;
};

static int rfail(struct rstate *st, const char *why, const char *sym, uint64_t value)
{
	*st->err = (struct elf_err){ .why = why, .sym = sym, .index = st->index, .value = value };
	return -EINVAL;
}

static void put64(void *p, uint64_t v)
{
	memcpy(p, &v, 8);
}

static uint64_t get64(const void *p)
{
	uint64_t v;
	memcpy(&v, p, 8);
	return v;
}

/* ---- missing symbols ------------------------------------------------- */

static bool same(const char *a, const char *b)
{
	return a == b || (a && b && !strcmp(a, b));
}

static void add_missing(struct rstate *st, const struct elf_symreq *r)
{
	struct elf_missing *m = st->ctx->missing;

	if (!st->nmissing++)
		st->err->sym = r->name;
	if (!m)
		return;
	for (size_t i = 0; i < MIN(m->n, m->cap); i++)
		if (m->v[i].needed_by == st->d && same(m->v[i].name, r->name) &&
		    same(m->v[i].version, r->version))
			return;
	if (m->n < m->cap)
		m->v[m->n] = (struct elf_missing_sym){ r->name, r->version, r->file, st->d };
	m->n++;
}

int elf_missing_format(const struct elf_missing_sym *m, char *buf, size_t len)
{
	const char *by = m->needed_by && m->needed_by->name ? m->needed_by->name : "?";
	if (m->version)
		return snprintf(buf, len, "%s@%s (needed by %s)", m->name, m->version, by);
	return snprintf(buf, len, "%s (needed by %s)", m->name, by);
}

/* ---- binding ------------------------------------------------------- */

/*
 * Find the definition for reference @idx of the object being relocated.
 * Return: 0 with *@def (def->dso NULL for an absent weak reference, whose
 * value is 0), 1 if it is missing (recorded), or -EINVAL.
 */
static int bind(struct rstate *st, uint32_t idx, bool copy, bool lazy, struct elf_symdef *def)
{
	struct elf_dso *d = st->d;
	struct elf_symreq r;
	uint32_t i;

	if (elf_symreq_ref(&r, d, idx, st->err)) {
		st->err->index = st->index;
		return -EINVAL;
	}
	const Elf64_Sym *ref = &d->dyn.symtab[idx];
	if (ELF64_ST_BIND(ref->st_info) == STB_LOCAL) {
		/* Section symbols and the like: the object's own, no search. */
		if (ref->st_shndx == SHN_UNDEF)
			return rfail(st, "relocation against an undefined local symbol", r.name, idx);
		elf_symdef_set(def, d, idx);
		return 0;
	}
	/* DT_SYMBOLIC: the object's own definitions come before the search list. */
	if (d->dyn.symbolic && !copy && (i = elf_sym_find(d, &r, ELF_HASH_ANY))) {
		elf_symdef_set(def, d, i);
		return 0;
	}
	if (elf_sym_lookup(st->ctx->scope, st->ctx->nscope, &r, copy ? d : NULL, def))
		return 0;
	if (ELF64_ST_BIND(ref->st_info) == STB_WEAK) {
		*def = (struct elf_symdef){ 0 };
		return 0;
	}
	if (lazy)
		return 2;
	add_missing(st, &r);
	return 1;
}

static int run_ifunc(struct rstate *st, const struct elf_dso *owner, uint64_t resolver,
		     const char *sym, uint64_t *out)
{
	/* The kernel would jump there: it must be the object's code. */
	if (!elf_dso_exec(owner, resolver - owner->bias))
		return rfail(st, "IFUNC resolver outside every executable segment", sym, resolver);
	if (!st->ctx->ifunc)
		return rfail(st, "IFUNC relocation but no way to run resolvers", sym, 0);
	int e = st->ctx->ifunc(st->ctx->arg, owner, resolver, out);
	if (e) {
		*st->err = (struct elf_err){ .why = "IFUNC resolver failed", .sym = sym,
					     .index = st->index };
		return e;
	}
	return 0;
}

/* S: the definition's address, or its IFUNC resolver's answer; 0 for an absent weak one. */
static int sym_value(struct rstate *st, const struct elf_symdef *def, const char *name,
		     uint64_t *s)
{
	*s = 0;
	if (!def->dso)
		return 0;
	if (def->ifunc)
		return run_ifunc(st, def->dso, def->addr, name, s);
	*s = def->addr;
	return 0;
}

/* ---- one relocation ------------------------------------------------- */

static int copy_reloc(struct rstate *st, const Elf64_Rela *rel, uint32_t idx,
		      const struct elf_symdef *def, const char *name)
{
	const Elf64_Sym *ref = &st->d->dyn.symtab[idx];

	if (!def->dso)
		return 0;
	if (def->ifunc || def->tls || def->sym->st_shndx == SHN_ABS)
		return rfail(st, "COPY relocation against a symbol that is not data", name, 0);
	void *dst = elf_dso_wptr(st->d, rel->r_offset, ref->st_size, 1);
	if (!dst)
		return rfail(st, "relocation target outside every writable segment", name, rel->r_offset);
	/* A library's copy may have grown since the executable was linked; take what fits. */
	uint64_t n = MIN(ref->st_size, def->sym->st_size);
	const void *src = elf_dso_ptr(def->dso, def->sym->st_value, n, 1);
	if (!src)
		return rfail(st, "COPY relocation source outside its object's segments", name, 0);
	memmove(dst, src, n);
	return 0;
}

/* The TLS module a TLS relocation refers to, checked. */
static int tls_module(struct rstate *st, const struct elf_symdef *def, bool need_static,
		      const char *name, const struct elf_dso **m)
{
	*m = def->dso;
	if (!(*m)->tls_modid)
		return rfail(st, "TLS relocation against an object without PT_TLS", name, 0);
	if (need_static && !(*m)->tls_static)
		return rfail(st, "initial-exec TLS (TPOFF64) in a module without static TLS", name, 0);
	return 0;
}

static int symbolic(struct rstate *st, const Elf64_Rela *rel, uint32_t type, void *p)
{
	struct elf_dso *d = st->d;
	uint32_t idx = ELF64_R_SYM(rel->r_info);
	bool tls_type = type == R_X86_64_DTPMOD64 || type == R_X86_64_DTPOFF64 ||
			type == R_X86_64_TPOFF64;
	struct elf_symdef def = { 0 };
	const char *name = NULL;
	const struct elf_dso *m;
	uint64_t s;
	int e;

	if (idx) {
		bool lazy = type == R_X86_64_JUMP_SLOT && st->ctx->lazy_stub;
		if ((e = bind(st, idx, type == R_X86_64_COPY, lazy, &def)) == 2) {
			put64(p, st->ctx->lazy_stub); /* missing, and only called: fails if called */
			return 0;
		}
		if (e)
			return e < 0 ? e : 0;	/* a missing symbol is recorded, not fatal yet */
		name = elf_dso_str(d, d->dyn.symtab[idx].st_name);
		if (def.dso && def.tls != tls_type)
			return rfail(st, tls_type ? "TLS relocation against a non-TLS symbol"
						  : "non-TLS relocation against a TLS symbol",
				     name, type);
	} else if (tls_type) {
		/* Symbol 0: the object's own module (local-dynamic and static TLS code). */
		def = (struct elf_symdef){ .dso = d, .tls = true };
	}
	switch (type) {
	case R_X86_64_64:
	case R_X86_64_GLOB_DAT:
	case R_X86_64_JUMP_SLOT:
		if ((e = sym_value(st, &def, name, &s)))
			return e;
		put64(p, s + rel->r_addend);
		return 0;
	case R_X86_64_PC32: {
		if ((e = sym_value(st, &def, name, &s)))
			return e;
		int64_t v = (int64_t)(s + rel->r_addend - (d->bias + rel->r_offset));
		if (v != (int32_t)v)
			return rfail(st, "R_X86_64_PC32 result does not fit in 32 bits", name, type);
		int32_t v32 = (int32_t)v;
		memcpy(p, &v32, 4);
		return 0;
	}
	case R_X86_64_COPY:
		return copy_reloc(st, rel, idx, &def, name);
	case R_X86_64_DTPMOD64:
		if (def.dso && (e = tls_module(st, &def, false, name, &m)))
			return e;
		put64(p, def.dso ? def.dso->tls_modid : 0);
		return 0;
	case R_X86_64_DTPOFF64:
		put64(p, def.addr + rel->r_addend);
		return 0;
	case R_X86_64_TPOFF64:
		if (def.dso && (e = tls_module(st, &def, true, name, &m)))
			return e;
		put64(p, def.dso ? (uint64_t)def.dso->tls_offset + def.addr + rel->r_addend : 0);
		return 0;
	}
	return rfail(st, "unsupported relocation type", name, type);
}

/* Which pass handles a type; -1 for types keel does not support. */
static int pass_of(uint32_t type)
{
	switch (type) {
	case R_X86_64_NONE:
	case R_X86_64_RELATIVE:
		return 1;
	case R_X86_64_64:
	case R_X86_64_PC32:
	case R_X86_64_COPY:
	case R_X86_64_GLOB_DAT:
	case R_X86_64_JUMP_SLOT:
	case R_X86_64_DTPMOD64:
	case R_X86_64_DTPOFF64:
	case R_X86_64_TPOFF64:
		return 2;
	case R_X86_64_IRELATIVE:
		return 3;
	}
	return -1;
}

static int apply(struct rstate *st, const Elf64_Rela *rel, int pass)
{
	struct elf_dso *d = st->d;
	uint32_t type = ELF64_R_TYPE(rel->r_info);
	int want = pass_of(type);

	if (want < 0)
		return rfail(st, type == R_X86_64_TLSDESC
					 ? "R_X86_64_TLSDESC is not supported: build with -mtls-dialect=gnu"
					 : "unsupported relocation type",
			     NULL, type);
	if (want != pass || type == R_X86_64_NONE)
		return 0;
	if (type == R_X86_64_COPY)	/* its size is the symbol's */
		return symbolic(st, rel, type, NULL);
	void *p = elf_dso_wptr(d, rel->r_offset, type == R_X86_64_PC32 ? 4 : 8, 1);
	if (!p)
		return rfail(st, "relocation target outside every writable segment", NULL, rel->r_offset);
	if (type == R_X86_64_RELATIVE) {
		put64(p, d->bias + rel->r_addend);
		return 0;
	}
	if (type == R_X86_64_IRELATIVE) {
		uint64_t v;
		int e = run_ifunc(st, d, d->bias + rel->r_addend, NULL, &v);
		if (!e)
			put64(p, v);
		return e;
	}
	return symbolic(st, rel, type, p);
}

/*
 * RELR: a list of 64-bit words. An even word is the address of a place to
 * relocate; the places after it are described by the odd words that
 * follow, each a bitmap whose bit i (1..63) stands for the word at
 * (address + 8) + 8 * (i - 1) and which then moves that base on by 63
 * words. Each place gets the load bias added to what it holds.
 */
static int add_bias(struct rstate *st, uint64_t at)
{
	void *p = elf_dso_wptr(st->d, at, 8, 1);
	if (!p)
		return rfail(st, "RELR target outside every writable segment", NULL, at);
	put64(p, get64(p) + st->d->bias);
	return 0;
}

static int relr(struct rstate *st)
{
	struct elf_dso *d = st->d;
	uint64_t where = 0;
	bool based = false;
	int e;

	for (uint64_t i = 0; i < d->dyn.nrelr; i++) {
		uint64_t w = d->dyn.relr[i];
		st->index = i;
		if (!(w & 1)) {
			if ((e = add_bias(st, w)))
				return e;
			where = w + 8;
			based = true;
			continue;
		}
		if (!based)
			return rfail(st, "RELR bitmap before any address entry", NULL, w);
		for (unsigned bit = 1; bit < 64; bit++)
			if (((w >> bit) & 1) && (e = add_bias(st, where + 8 * (bit - 1))))
				return e;
		where += 63 * 8;
	}
	return 0;
}

int elf_relocate(struct elf_dso *d, const struct elf_reloc_ctx *ctx, struct elf_err *err)
{
	struct rstate st = { .d = d, .ctx = ctx, .err = err };
	const Elf64_Rela *tab[2] = { d->dyn.rela, d->dyn.jmprel };
	uint64_t n[2] = { d->dyn.nrela, d->dyn.njmprel };
	int e;

	*err = (struct elf_err){ .index = ELF_NO_INDEX };
	if ((e = relr(&st)))
		return e;
	for (int pass = 1; pass <= 3; pass++) {
		for (int t = 0; t < 2; t++) {
			for (uint64_t i = 0; i < n[t]; i++) {
				/* Index across both tables: DT_RELA's, then DT_JMPREL's. */
				st.index = (t ? n[0] : 0) + i;
				if ((e = apply(&st, &tab[t][i], pass)))
					return e;
			}
		}
	}
	if (st.nmissing) {
		err->why = "undefined symbols";
		err->index = ELF_NO_INDEX;
		return -ENOENT;
	}
	return 0;
}
