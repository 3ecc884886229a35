/*
 * elf/version.c - GNU symbol versioning records: check them once, find
 * them by index.
 *
 * DT_VERSYM is an array parallel to the dynamic symbols; entry i holds a
 * 15-bit version index for symbol i, and bit 15 marks a hidden (non-default,
 * "name@V" rather than "name@@V") definition. Indices 0 and 1 mean
 * unversioned; from 2 up an index names either a version this object
 * defines (a DT_VERDEF record, vd_ndx) or one it requires from a library
 * (a DT_VERNEED record's vernaux, vna_other). Both kinds are linked lists
 * of variable-size records chained by byte offsets, counted by
 * DT_VERDEFNUM/DT_VERNEEDNUM; each record is checked against the object's
 * segments when it is reached, here at parse time for the messages, and
 * again by every lookup (a relocation may have rewritten a record in a
 * writable segment since).
 *
 * Records are found by a linear walk: an object defines a few dozen
 * versions at most (libc.so.6: 39) and a lookup compares one version only
 * for the definitions whose name matched.
 */
#include "internal.h"
#include "klib.h"
#include <asm-generic/errno-base.h>

/* Bound on vernaux records walked in one object: one per 15-bit index. */
#define MAX_VERNAUX ELF_VERSYM_INDEX

static int fail(struct elf_err *err, const char *why, uint64_t index)
{
	*err = (struct elf_err){ .why = why, .index = index };
	return -EINVAL;
}

static const struct elf64_verdef *verdef_at(const struct elf_dso *d, uint64_t a)
{
	return elf_dso_ptr(d, a, sizeof(struct elf64_verdef), 4);
}

static const struct elf64_verneed *verneed_at(const struct elf_dso *d, uint64_t a)
{
	return elf_dso_ptr(d, a, sizeof(struct elf64_verneed), 4);
}

/* The name of the verdef at @a (its first verdaux), or NULL. */
static const char *verdef_name(const struct elf_dso *d, uint64_t a, const struct elf64_verdef *v)
{
	if (!v->vd_cnt)
		return NULL;
	const struct elf64_verdaux *x = elf_dso_ptr(d, a + v->vd_aux, sizeof(*x), 4);
	return x ? elf_dso_str(d, x->vda_name) : NULL;
}

static int check_verdef(struct elf_dso *d, unsigned *max, struct elf_err *err)
{
	uint64_t a = d->dyn.verdef;

	for (unsigned k = 0; k < d->dyn.verdefnum; k++) {
		const struct elf64_verdef *v = verdef_at(d, a);
		if (!v)
			return fail(err, "DT_VERDEF record lies outside the object's segments", k);
		if (v->vd_version != 1)
			return fail(err, "DT_VERDEF record has an unknown vd_version", k);
		if (!v->vd_cnt)
			return fail(err, "DT_VERDEF record has no name", k);
		if (!elf_dso_ptr(d, a + v->vd_aux, sizeof(struct elf64_verdaux), 4))
			return fail(err, "DT_VERDEF name record lies outside the object's segments", k);
		if (!verdef_name(d, a, v))
			return fail(err, "DT_VERDEF name outside the string table", k);
		*max = MAX(*max, v->vd_ndx & ELF_VERSYM_INDEX);
		if (k + 1 < d->dyn.verdefnum && !v->vd_next)
			return fail(err, "DT_VERDEF chain shorter than DT_VERDEFNUM", k);
		a += v->vd_next;
	}
	return 0;
}

static int check_verneed(struct elf_dso *d, unsigned *max, struct elf_err *err)
{
	uint64_t a = d->dyn.verneed;
	unsigned total = 0;

	for (unsigned k = 0; k < d->dyn.verneednum; k++) {
		const struct elf64_verneed *n = verneed_at(d, a);
		if (!n)
			return fail(err, "DT_VERNEED record lies outside the object's segments", k);
		if (n->vn_version != 1)
			return fail(err, "DT_VERNEED record has an unknown vn_version", k);
		if (!elf_dso_str(d, n->vn_file))
			return fail(err, "DT_VERNEED file name outside the string table", k);
		uint64_t b = a + n->vn_aux;
		for (unsigned j = 0; j < n->vn_cnt; j++) {
			const struct elf64_vernaux *x = elf_dso_ptr(d, b, sizeof(*x), 4);
			if (!x)
				return fail(err, "DT_VERNEED version record lies outside the object's segments", k);
			if (!elf_dso_str(d, x->vna_name))
				return fail(err, "DT_VERNEED version name outside the string table", k);
			if (++total > MAX_VERNAUX)
				return fail(err, "more DT_VERNEED version records than version indices", k);
			*max = MAX(*max, x->vna_other & ELF_VERSYM_INDEX);
			if (j + 1 < n->vn_cnt && !x->vna_next)
				return fail(err, "DT_VERNEED version chain shorter than vn_cnt", k);
			b += x->vna_next;
		}
		if (k + 1 < d->dyn.verneednum && !n->vn_next)
			return fail(err, "DT_VERNEED chain shorter than DT_VERNEEDNUM", k);
		a += n->vn_next;
	}
	return 0;
}

int elf_ver_check(struct elf_dso *d, struct elf_err *err)
{
	unsigned max = 1;	/* 0 and 1 need no record */
	int e;

	if ((e = check_verdef(d, &max, err)) || (e = check_verneed(d, &max, err)))
		return e;
	/* Indices between the records' may still be unused; lookups check those. */
	for (uint32_t i = 0; d->dyn.versym && i < d->dyn.nsyms; i++)
		if ((d->dyn.versym[i] & ELF_VERSYM_INDEX) > max)
			return fail(err, "DT_VERSYM entry names no version", i);
	return 0;
}

const char *elf_verdef_name(const struct elf_dso *d, unsigned ndx)
{
	uint64_t a = d->dyn.verdef;

	for (unsigned k = 0; k < d->dyn.verdefnum; k++) {
		const struct elf64_verdef *v = verdef_at(d, a);
		if (!v)
			return NULL;
		if (v->vd_ndx == ndx)
			return verdef_name(d, a, v);
		if (!v->vd_next)
			return NULL;
		a += v->vd_next;
	}
	return NULL;
}

const char *elf_verneed_name(const struct elf_dso *d, unsigned ndx, const char **file)
{
	uint64_t a = d->dyn.verneed;
	unsigned total = 0;

	for (unsigned k = 0; k < d->dyn.verneednum; k++) {
		const struct elf64_verneed *n = verneed_at(d, a);
		if (!n)
			return NULL;
		uint64_t b = a + n->vn_aux;
		for (unsigned j = 0; j < n->vn_cnt && total++ < MAX_VERNAUX; j++) {
			const struct elf64_vernaux *x = elf_dso_ptr(d, b, sizeof(*x), 4);
			if (!x)
				return NULL;
			if (x->vna_other == ndx) {
				*file = elf_dso_str(d, n->vn_file);
				return elf_dso_str(d, x->vna_name);
			}
			if (!x->vna_next)
				break;
			b += x->vna_next;
		}
		if (!n->vn_next)
			return NULL;
		a += n->vn_next;
	}
	return NULL;
}
