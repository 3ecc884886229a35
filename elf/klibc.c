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

static struct elf_dso klibc;
static bool built;

static int build(void)
{
	unsigned n = klibc_count, nbucket = n / 2 + 1;
	uint64_t strsz = 1, lo = UINT64_MAX, hi = 0;

	for (unsigned i = 0; i < n; i++)
		strsz += strlen(klibc_names[i]) + 1;
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
	for (unsigned i = 0; i < n; i++) {
		Elf64_Sym *s = &sym[i + 1];
		size_t len = strlen(klibc_names[i]) + 1;
		memcpy(str + off, klibc_names[i], len);
		s->st_name = (uint32_t)off;
		off += len;
		s->st_info = (STB_GLOBAL << 4) | (klibc_kinds[i] == 'F' ? STT_FUNC : STT_OBJECT);
		s->st_shndx = 1;
		s->st_value = klibc_addrs[i];
		s->st_size = klibc_sizes[i];
		lo = MIN(lo, s->st_value);
		hi = MAX(hi, s->st_value + MAX(s->st_size, 1));
		uint32_t b = elf_sysv_hash(klibc_names[i]) % nbucket;
		chain[i + 1] = bucket[b];
		bucket[b] = i + 1;
	}
	klibc.name = "the kernel's libc";
	klibc.bias = 0;
	klibc.nseg = 1;
	klibc.seg[0] = (struct elf_seg){ .vaddr = lo, .memsz = hi - lo, .flags = PF_R | PF_X };
	klibc.dyn = (struct elf_dyn){
		.strtab = str, .strsz = strsz, .symtab = sym, .nsyms = n + 1,
		.sysv_buckets = bucket, .sysv_chain = chain, .sysv_nbucket = nbucket,
	};
	built = true;
	return 0;
}

struct elf_dso *klibc_dso(void)
{
	if (!built && build())
		return NULL;
	return &klibc;
}

bool klibc_writable_data(const struct elf_symdef *def)
{
	return def->dso == &klibc && def->index >= 1 && def->index <= klibc_count &&
	       klibc_kinds[def->index - 1] == 'D';
}
