/*
 * klibc.c - the kernel's libc as one more object in linked mode's lookup
 * scope.
 *
 * kernel/libc/libc.mk generates build/musl/klibc_syms.c from musl's
 * exports.list: for each public name NAME, the address of the kernel's
 * __musl_NAME, its size, and a kind (code, read-only data, writable data).
 * Here that table becomes a struct elf_dso that elf_sym_lookup() and
 * elf_relocate() search like any loaded library: a dynamic symbol table
 * whose values are kernel addresses (bias 0), its string table, and a SysV
 * hash table, all built once at the first use. The object has no
 * DT_VERSYM, so it satisfies any version (musl's symbols are
 * unversioned), and one read-only, executable segment spanning the
 * symbols, so a COPY relocation may read from it and no relocation can
 * write into it. Called from linked.c, in the launcher's thread.
 *
 * A second object, searched before it for glibc programs, holds the
 * glibc layer's overrides: musl names whose glibc meaning differs
 * (strerror_r returning char *, basename ...) are defined by the layer
 * as __keel_glibc_NAME (kernel/libc/glibc.md), and appear there as NAME.
 *
 * A COPY relocation gives the program its own instance of a libc
 * variable (environ, optind, stdout ...), which musl must then use too.
 * musl is compiled position independent (kernel/libc/musl.mk), so its
 * code reaches every exported variable through a slot of the kernel's
 * GOT; klibc_redirect points those slots at the program's copy.
 */
#include "elf.h"
#include "internal.h"
#include "klib.h"
#include "mm.h"

/* build/musl/klibc_syms.c */
extern const unsigned klibc_count;
extern const char *const klibc_names[];
extern const unsigned long klibc_addrs[];
extern const unsigned long klibc_sizes[];
extern const char klibc_kinds[];

static struct elf_dso klibc, glibc_over;
static bool built, built_over;

/* glibc's meaning of a name musl defines differently: the layer's __keel_glibc_NAME */
#define OVERRIDE "__keel_glibc_"

/* The name entry @i has in @d: all of them in klibc, the overrides (prefix dropped) in glibc_over. */
static const char *entry_name(const struct elf_dso *d, unsigned i)
{
	const char *name = klibc_names[i];
	if (d == &klibc)
		return name;
	return str_starts(name, OVERRIDE) ? name + strlen(OVERRIDE) : NULL;
}

static int build(struct elf_dso *d)
{
	unsigned n = 0, nbucket;
	uint64_t strsz = 1, lo = UINT64_MAX, hi = 0;

	for (unsigned i = 0; i < klibc_count; i++)
		if (entry_name(d, i)) {
			strsz += strlen(entry_name(d, i)) + 1;
			n++;
		}
	nbucket = n / 2 + 1;
	Elf64_Sym *sym = kzalloc((n + 1) * sizeof(*sym));
	char *str = kzalloc(strsz);
	uint32_t *hash = kzalloc((nbucket + n + 1) * sizeof(uint32_t));
	if (!sym || !str || !hash) {
		kfree(sym);
		kfree(str);
		kfree(hash);
		return -1;
	}
	uint32_t *bucket = hash, *chain = hash + nbucket;
	uint64_t off = 1;
	for (unsigned i = 0, k = 0; i < klibc_count; i++) {
		const char *name = entry_name(d, i);
		if (!name)
			continue;
		Elf64_Sym *s = &sym[++k];
		size_t len = strlen(name) + 1;
		memcpy(str + off, name, len);
		s->st_name = (uint32_t)off;
		off += len;
		s->st_info = (STB_GLOBAL << 4) | (klibc_kinds[i] == 'F' ? STT_FUNC : STT_OBJECT);
		s->st_shndx = 1;
		s->st_value = klibc_addrs[i];
		s->st_size = klibc_sizes[i];
		lo = MIN(lo, s->st_value);
		hi = MAX(hi, s->st_value + MAX(s->st_size, 1));
		uint32_t b = elf_sysv_hash(name) % nbucket;
		chain[k] = bucket[b];
		bucket[b] = k;
	}
	d->name = d == &klibc ? "the kernel's libc" : "the kernel's libc (glibc's meanings)";
	d->bias = 0;
	d->nseg = 1;
	d->seg[0] = (struct elf_seg){ .vaddr = lo, .memsz = hi > lo ? hi - lo : 0,
				      .flags = PF_R | PF_X };
	d->dyn = (struct elf_dyn){
		.strtab = str, .strsz = strsz, .symtab = sym, .nsyms = n + 1,
		.sysv_buckets = bucket, .sysv_chain = chain, .sysv_nbucket = nbucket,
	};
	return 0;
}

struct elf_dso *klibc_dso(void)
{
	if (!built && build(&klibc))
		return NULL;
	built = true;
	return &klibc;
}

struct elf_dso *klibc_glibc_dso(void)
{
	if (!built_over && build(&glibc_over))
		return NULL;
	built_over = true;
	return &glibc_over;
}

/* loader/keel.ld: the GOT of the kernel's static link, which only musl's code uses */
extern uint64_t __got_start[], __got_end[];

int klibc_redirect(const struct elf_symdef *def, uint64_t to)
{
	int n = 0;
	if (def->dso != &klibc)
		return 0;
	for (uint64_t *slot = __got_start; slot < __got_end; slot++)
		if (*slot == def->addr) {
			*slot = to;
			n++;
		}
	return n;
}
