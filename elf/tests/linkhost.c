/*
 * linkhost.c - the linker tests' host-side loader; see linkhost.h.
 *
 * hobj_dynsyms() decodes .dynsym, .gnu.version, .gnu.version_d and
 * .gnu.version_r through the section headers, independently of dyn.c and
 * version.c, so the tests can compare the two readings.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include "linkhost.h"

static int fill(struct hobj *o)
{
	memset(o->mem, 0, o->mem_len);
	for (unsigned i = 0; i < o->img.phnum; i++) {
		const Elf64_Phdr *p = &o->img.ph[i];
		if (p->p_type == PT_LOAD)
			memcpy(o->mem + (p->p_vaddr - o->img.lo), o->file + p->p_offset, p->p_filesz);
	}
	struct elf_err err;
	if (elf_dso_init(&o->dso, &o->img, (uintptr_t)o->mem - o->img.lo, o->path, &err)) {
		fprintf(stderr, "  %s: elf_dso_init: %s\n", o->path, err.why);
		return -1;
	}
	o->dyn_err = elf_dyn_parse(&o->dso, &o->err);
	return 0;
}

int hobj_load(struct hobj *o, const char *path, bool exec)
{
	FILE *f = fopen(path, "rb");
	const char *why = NULL;

	memset(o, 0, sizeof(*o));
	o->path = path;
	o->exec = exec;
	if (!f) {
		fprintf(stderr, "  %s: cannot open\n", path);
		return -1;
	}
	fseek(f, 0, SEEK_END);
	o->file_len = ftell(f);
	rewind(f);
	o->file = malloc(o->file_len);
	if (fread(o->file, 1, o->file_len, f) != o->file_len) {
		fclose(f);
		fprintf(stderr, "  %s: cannot read\n", path);
		return -1;
	}
	fclose(f);
	if (elf_parse(o->file, o->file_len, o->file_len, &o->img, &why)) {
		fprintf(stderr, "  %s: elf_parse: %s\n", path, why);
		return -1;
	}
	o->mem_len = o->img.hi - o->img.lo;
	if (exec) {
		o->mem = mmap(NULL, o->mem_len, PROT_READ | PROT_WRITE | PROT_EXEC,
			      MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		if (o->mem == MAP_FAILED) {
			perror("mmap");
			return -1;
		}
	} else if (posix_memalign((void **)&o->mem, 4096, o->mem_len)) {
		return -1;
	}
	return fill(o);
}

int hobj_reset(struct hobj *o)
{
	return fill(o);
}

void hobj_free(struct hobj *o)
{
	if (o->exec)
		munmap(o->mem, o->mem_len);
	else
		free(o->mem);
	free(o->file);
	memset(o, 0, sizeof(*o));
}

const Elf64_Shdr *hobj_section(const struct hobj *o, const char *name)
{
	const Elf64_Ehdr *eh = (const Elf64_Ehdr *)o->file;
	const Elf64_Shdr *sh = (const Elf64_Shdr *)(o->file + eh->e_shoff);
	const char *names = (const char *)o->file + sh[eh->e_shstrndx].sh_offset;

	for (unsigned i = 0; i < eh->e_shnum; i++)
		if (strcmp(names + sh[i].sh_name, name) == 0)
			return &sh[i];
	return NULL;
}

void *hobj_at(const struct hobj *o, uint64_t vaddr)
{
	return o->mem + (vaddr - o->img.lo);
}

/* Version names by index, from .gnu.version_d and .gnu.version_r. */
static void version_names(const struct hobj *o, const char *strs, const char **name)
{
	const Elf64_Shdr *vd = hobj_section(o, ".gnu.version_d");
	const Elf64_Shdr *vr = hobj_section(o, ".gnu.version_r");

	for (uint64_t off = vd ? vd->sh_offset : 0, k = 0; vd && k < vd->sh_info; k++) {
		const struct elf64_verdef *v = (const void *)(o->file + off);
		const struct elf64_verdaux *a = (const void *)(o->file + off + v->vd_aux);
		name[v->vd_ndx & 0x7fff] = strs + a->vda_name;
		off += v->vd_next;
	}
	for (uint64_t off = vr ? vr->sh_offset : 0, k = 0; vr && k < vr->sh_info; k++) {
		const struct elf64_verneed *n = (const void *)(o->file + off);
		uint64_t aoff = off + n->vn_aux;
		for (unsigned j = 0; j < n->vn_cnt; j++) {
			const struct elf64_vernaux *a = (const void *)(o->file + aoff);
			name[a->vna_other & 0x7fff] = strs + a->vna_name;
			aoff += a->vna_next;
		}
		off += n->vn_next;
	}
}

size_t hobj_dynsyms(const struct hobj *o, struct hsym **out)
{
	const Elf64_Shdr *ds = hobj_section(o, ".dynsym"), *dstr = hobj_section(o, ".dynstr");
	const Elf64_Shdr *vs = hobj_section(o, ".gnu.version");
	static const char *name[0x8000];

	*out = NULL;
	if (!ds || !dstr)
		return 0;
	const char *strs = (const char *)o->file + dstr->sh_offset;
	const Elf64_Sym *syms = (const Elf64_Sym *)(o->file + ds->sh_offset);
	const uint16_t *ver = vs ? (const uint16_t *)(o->file + vs->sh_offset) : NULL;
	size_t n = ds->sh_size / sizeof(Elf64_Sym);

	memset(name, 0, sizeof(name));
	version_names(o, strs, name);
	*out = calloc(n ? n : 1, sizeof(**out));
	for (size_t i = 0; i < n; i++) {
		struct hsym *h = &(*out)[i];
		h->name = strs + syms[i].st_name;
		h->sym = &syms[i];
		h->index = i;
		if (ver && (ver[i] & 0x7fff) >= 2)
			h->version = name[ver[i] & 0x7fff];
		h->hidden = ver && (ver[i] & 0x8000);
	}
	return n;
}

uint64_t hobj_symtab(const struct hobj *o, const char *name)
{
	const Elf64_Shdr *st = hobj_section(o, ".symtab"), *ss = hobj_section(o, ".strtab");
	if (!st || !ss)
		return 0;
	const Elf64_Sym *s = (const Elf64_Sym *)(o->file + st->sh_offset);
	for (size_t i = 0; i < st->sh_size / sizeof(*s); i++)
		if (strcmp((const char *)o->file + ss->sh_offset + s[i].st_name, name) == 0)
			return s[i].st_value;
	return 0;
}

bool hsym_matches(const struct hsym *h, const char *name, const char *version)
{
	const Elf64_Sym *s = h->sym;
	unsigned bind = s->st_info >> 4, type = s->st_info & 15, vis = s->st_other & 3;

	if (s->st_shndx == SHN_UNDEF || strcmp(h->name, name) != 0)
		return false;
	if (bind != STB_GLOBAL && bind != STB_WEAK && bind != STB_GNU_UNIQUE)
		return false;
	if (type == STT_SECTION || type == STT_FILE || (type > STT_TLS && type != STT_GNU_IFUNC))
		return false;
	if (vis == 1 || vis == 2)	/* internal, hidden */
		return false;
	if (!s->st_value && s->st_shndx != SHN_ABS && type != STT_TLS)
		return false;
	if (!version || !h->version)
		return !h->hidden;
	return strcmp(h->version, version) == 0;
}

int tobj_load(struct tobj *t, const char *path, bool exec)
{
	memset(t, 0, sizeof(*t));
	if (hobj_load(&t->o, path, exec))
		return -1;
	if (t->o.dyn_err) {
		fprintf(stderr, "  %s: elf_dyn_parse: %s\n", path, t->o.err.why);
		return -1;
	}
	t->n = hobj_dynsyms(&t->o, &t->hs);
	return 0;
}

void tobj_free(struct tobj *t)
{
	free(t->hs);
	hobj_free(&t->o);
}

const struct hsym *tobj_def(const struct tobj *t, const char *name, const char *version)
{
	for (size_t i = 1; i < t->n; i++)
		if (hsym_matches(&t->hs[i], name, version))
			return &t->hs[i];
	return NULL;
}

void *tobj_addr(const struct tobj *t, const char *name)
{
	const struct hsym *h = tobj_def(t, name, NULL);
	return h ? hobj_at(&t->o, h->sym->st_value) : NULL;
}

int test_ifunc(void *arg, const struct elf_dso *d, uint64_t resolver, uint64_t *out)
{
	const struct hobj *o = (const struct hobj *)((const char *)d - offsetof(struct hobj, dso));
	struct ifunc_log *log = arg;

	if (log) {
		log->calls++;
		log->last = resolver;
	}
	*out = o->exec ? (uint64_t)((void *(*)(void))resolver)() : FAKE_IFUNC(resolver);
	return 0;
}

static uint64_t ifunc_value(const struct hobj *o, uint64_t resolver)
{
	uint64_t v;
	test_ifunc(NULL, &o->dso, resolver, &v);
	return v;
}

/* The file's bytes at @vaddr (what the image held before relocation). */
static uint64_t file_word(const struct hobj *o, uint64_t vaddr)
{
	uint64_t v = 0;
	for (unsigned i = 0; i < o->img.phnum; i++) {
		const Elf64_Phdr *p = &o->img.ph[i];
		if (p->p_type == PT_LOAD && vaddr >= p->p_vaddr && vaddr + 8 <= p->p_vaddr + p->p_filesz)
			memcpy(&v, o->file + p->p_offset + (vaddr - p->p_vaddr), 8);
	}
	return v;
}

/* Where reference @ref of @t resolves: the object and its hsym, or false. */
static bool resolve(const struct tobj *t, struct tobj *const *scope, size_t n,
		    const struct hsym *ref, bool copy, const struct tobj **who,
		    const struct hsym **def)
{
	if (ELF64_ST_BIND(ref->sym->st_info) == STB_LOCAL) {
		*who = t;
		*def = ref;
		return true;
	}
	for (size_t k = 0; k < n; k++) {
		if (copy && scope[k] == t)
			continue;
		if ((*def = tobj_def(scope[k], ref->name, ref->version))) {
			*who = scope[k];
			return true;
		}
	}
	return false;
}

/* The value relocation @r of @t should have written; false: not checkable here. */
static bool expected(const struct tobj *t, struct tobj *const *scope, size_t n,
		     const Elf64_Rela *r, uint64_t *want)
{
	uint32_t type = ELF64_R_TYPE(r->r_info), idx = ELF64_R_SYM(r->r_info);
	const struct tobj *who = t;
	const struct hsym *def = NULL;
	uint64_t bias = t->o.dso.bias;

	if (type == R_X86_64_RELATIVE) {
		*want = bias + r->r_addend;
		return true;
	}
	if (type == R_X86_64_IRELATIVE) {
		*want = ifunc_value(&t->o, bias + r->r_addend);
		return true;
	}
	if (idx && !resolve(t, scope, n, &t->hs[idx], type == R_X86_64_COPY, &who, &def)) {
		if (ELF64_ST_BIND(t->hs[idx].sym->st_info) != STB_WEAK)
			return false;	/* missing: left alone */
		*want = 0;
		return type != R_X86_64_COPY;
	}
	uint64_t value = def ? def->sym->st_value : 0;
	bool ifunc = def && ELF64_ST_TYPE(def->sym->st_info) == STT_GNU_IFUNC;
	switch (type) {
	case R_X86_64_64:
	case R_X86_64_GLOB_DAT:
	case R_X86_64_JUMP_SLOT:
		*want = ifunc ? ifunc_value(&who->o, who->o.dso.bias + value)
			      : (def && def->sym->st_shndx == SHN_ABS ? 0 : who->o.dso.bias) + value;
		*want += r->r_addend;
		return true;
	case R_X86_64_DTPMOD64:
		*want = who->o.dso.tls_modid;
		return true;
	case R_X86_64_DTPOFF64:
		*want = value + r->r_addend;
		return true;
	case R_X86_64_TPOFF64:
		*want = who->o.dso.tls_offset + value + r->r_addend;
		return true;
	}
	return false;
}

static unsigned check_table(const struct tobj *t, struct tobj *const *scope, size_t n,
			    const char *sec, unsigned *checked)
{
	const Elf64_Shdr *s = hobj_section(&t->o, sec);
	unsigned bad = 0;

	for (uint64_t i = 0; s && i < s->sh_size / sizeof(Elf64_Rela); i++) {
		const Elf64_Rela *r = (const Elf64_Rela *)(t->o.file + s->sh_offset) + i;
		uint64_t want, got;
		if (ELF64_R_TYPE(r->r_info) == R_X86_64_COPY) {
			const struct hsym *ref = &t->hs[ELF64_R_SYM(r->r_info)], *def;
			const struct tobj *who;
			if (!resolve(t, scope, n, ref, true, &who, &def))
				continue;
			(*checked)++;
			bad += memcmp(hobj_at(&t->o, r->r_offset), hobj_at(&who->o, def->sym->st_value),
				      ref->sym->st_size) != 0;
			continue;
		}
		if (!expected(t, scope, n, r, &want))
			continue;
		memcpy(&got, hobj_at(&t->o, r->r_offset), 8);
		(*checked)++;
		if (got != want && bad++ < 5)
			fprintf(stderr, "  %s %s[%lu] type %lu: got %#lx, want %#lx\n", t->o.path, sec,
				(unsigned long)i, (unsigned long)ELF64_R_TYPE(r->r_info),
				(unsigned long)got, (unsigned long)want);
	}
	return bad;
}

/* RELR decoded again from the file: each place holds bias + its file value. */
static unsigned check_relr(const struct tobj *t, unsigned *checked)
{
	const Elf64_Shdr *s = hobj_section(&t->o, ".relr.dyn");
	uint64_t base = 0, got;
	unsigned bad = 0;

	for (uint64_t i = 0; s && i < s->sh_size / 8; i++) {
		uint64_t w, at[64];
		int n = 0;
		memcpy(&w, t->o.file + s->sh_offset + 8 * i, 8);
		if (!(w & 1)) {		/* an address */
			at[n++] = w;
			base = w + 8;
		} else {		/* a bitmap of the 63 words from base */
			for (int b = 1; b < 64; b++)
				if ((w >> b) & 1)
					at[n++] = base + 8 * (b - 1);
			base += 63 * 8;
		}
		for (int k = 0; k < n; k++) {
			memcpy(&got, hobj_at(&t->o, at[k]), 8);
			(*checked)++;
			bad += got != t->o.dso.bias + file_word(&t->o, at[k]);
		}
	}
	return bad;
}

unsigned check_relocs(const struct tobj *t, struct tobj *const *scope, size_t n,
		      unsigned *checked)
{
	*checked = 0;
	return check_table(t, scope, n, ".rela.dyn", checked) +
	       check_table(t, scope, n, ".rela.plt", checked) + check_relr(t, checked);
}
