/*
 * elf/elf.h - the ELF subsystem's interface: checking a program's headers,
 * launching it (exe + PT_INTERP), and later keel's own dynamic linker.
 *
 * The structure definitions (Elf64_Ehdr, Elf64_Phdr, PT_*, ET_*, PF_*) are
 * the Linux UAPI ones from <linux/elf.h>, so the launcher, the linker and the
 * host tools see one layout; the few the UAPI header lacks (GNU hash,
 * symbol versions, x86-64 relocation types) are defined below under the
 * gABI/psABI names. Every ELF file keel reads is hostile input until
 * elf_parse() has accepted it; code after that point may rely on the
 * guarantees listed on struct elf_image instead of re-checking.
 */
#ifndef KEEL_ELF_H
#define KEEL_ELF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <linux/elf.h>

/* ---------------------------------------------------------------------- */
/* parse.c: header checks, pure (no allocation, no I/O, no globals)        */
/* ---------------------------------------------------------------------- */

/* Limits elf_parse() enforces; the launcher may rely on them. */
#define ELF_MAX_PHNUM 128			/* program headers per file */
#define ELF_USER_TOP 0x0000800000000000ULL	/* end of the 47-bit lower half */
#define ELF_EXEC_MIN 0x10000ULL			/* lowest ET_EXEC address (64 KiB) */
#define ELF_DYN_MAX_SPAN (1ULL << 40)		/* largest ET_DYN span (1 TiB) */
#define ELF_MAX_LOAD_ALIGN (1ULL << 30)		/* load_align is clamped to this */
#define ELF_MAX_TLS_SIZE (1ULL << 30)		/* PT_TLS p_memsz */
#define ELF_MAX_TLS_ALIGN (1ULL << 20)		/* PT_TLS p_align */
#define ELF_INTERP_MAX 4096			/* PT_INTERP p_filesz, as PATH_MAX */

/*
 * What elf_parse() learnt about one file. Every pointer points into the
 * caller's buffer, so the structure is valid only as long as that buffer.
 *
 * Guarantees when elf_parse() returned 0:
 *  - ph[0..phnum) lies inside the buffer, phnum is 1..ELF_MAX_PHNUM;
 *  - every PT_LOAD has p_filesz <= p_memsz, p_offset + p_filesz <= file size,
 *    p_offset == p_vaddr modulo 4096, p_vaddr + p_memsz <= ELF_USER_TOP,
 *    and the PT_LOADs are sorted by p_vaddr and never share a byte (they may
 *    share a page: the end of .text and the start of .rodata often do, and
 *    the loader must map such a page once with the union of the protections);
 *  - every other segment's file range lies inside the file;
 *  - [lo, hi) is page-aligned, covers every PT_LOAD and is at most
 *    ELF_DYN_MAX_SPAN long for ET_DYN; for ET_EXEC lo >= ELF_EXEC_MIN;
 *  - entry lies in a PF_X PT_LOAD (except entry == 0 in an ET_DYN: a shared
 *    library without an entry point);
 *  - tls, dynamic, relro and phdr_seg, when present, lie inside a PT_LOAD's
 *    memory range; tls has p_filesz <= p_memsz <= ELF_MAX_TLS_SIZE and a
 *    power-of-two p_align <= ELF_MAX_TLS_ALIGN (0 stands for 1);
 *  - interp is NUL-terminated inside the buffer and not empty.
 * Addresses are the file's own (unrelocated): an ET_DYN is loaded at
 * base - lo for the base the loader picks.
 */
struct elf_image {
	const Elf64_Ehdr *eh;		/* the buffer itself */
	const Elf64_Phdr *ph;		/* program header table, inside the buffer */
	unsigned phnum;
	int type;			/* ET_EXEC or ET_DYN */
	uint64_t entry;			/* e_entry */

	uint64_t lo, hi;		/* page-aligned span of every PT_LOAD */
	uint64_t load_align;		/* largest PT_LOAD p_align, in [4096, 1 GiB] */
	unsigned nload;			/* number of PT_LOADs (>= 1) */

	const char *interp;		/* PT_INTERP path inside the buffer, or NULL */
	const Elf64_Phdr *tls;		/* PT_TLS or NULL */
	const Elf64_Phdr *dynamic;	/* PT_DYNAMIC or NULL (static non-PIE) */
	const Elf64_Phdr *relro;	/* PT_GNU_RELRO or NULL */
	const Elf64_Phdr *phdr_seg;	/* PT_PHDR or NULL */

	/*
	 * Where the program headers are once the file is loaded, for AT_PHDR:
	 * PT_PHDR's p_vaddr, or else computed from the PT_LOAD whose file range
	 * covers e_phoff..+phnum*56 (what Linux passes too). phdr_mapped is
	 * false when no PT_LOAD covers them; the launcher must then copy the
	 * headers somewhere itself (static glibc reads its PT_TLS through them).
	 */
	uint64_t phdr_vaddr;
	bool phdr_mapped;

	bool has_gnu_stack;		/* a PT_GNU_STACK is present */
	bool has_gnu_stack_exec;	/* ... and asks for an executable stack */
	uint64_t stack_size;		/* PT_GNU_STACK p_memsz (musl's thread stack hint), or 0 */
};

/**
 * elf_parse - check an x86-64 ELF executable's headers and summarise them.
 * @buf:       the first @len bytes of the file (or all of it), 8-byte aligned
 * @len:       bytes in @buf; must be <= @file_size
 * @file_size: size of the whole file, to check the segments' file ranges
 * @out:       filled on success; on failure only @out->eh may be set
 * @why:       on failure, a static English sentence naming the broken rule
 *             (may be NULL if the caller does not want it)
 *
 * The ELF header, the program headers and the PT_INTERP string must lie in
 * @buf; elf_header_bytes() tells how much of the file that takes. The rules
 * are the gABI's plus those the launcher relies on (see struct elf_image);
 * all arithmetic on file values is overflow-checked. Pure: no allocation,
 * no I/O, safe on any input. Callable from any context.
 *
 * Return: 0, or -ENOEXEC when the file is not something keel can run at all
 * (not ELF, not 64-bit little-endian, not x86-64, not ET_EXEC/ET_DYN), or
 * -EINVAL when it claims to be one but its structure is broken.
 */
int elf_parse(const void *buf, size_t len, uint64_t file_size, struct elf_image *out,
	      const char **why);

/**
 * elf_header_bytes - how many bytes from the start of the file elf_parse()
 * needs to see, judged from the @len bytes already read.
 *
 * Read e.g. 4 KiB, call this, and read up to the answer (capped at the file
 * size) if it is larger than what you have; repeat at most twice (the
 * PT_INTERP string is found only once the program headers are in). Values
 * that do not make sense yield a small answer; elf_parse() then says what
 * is wrong. @buf must be 8-byte aligned, as for elf_parse().
 *
 * Return: a byte count >= sizeof(Elf64_Ehdr), possibly beyond the file end.
 */
uint64_t elf_header_bytes(const void *buf, size_t len);

/**
 * elf_machine_name - a short name for an ELF e_machine value, for messages
 * such as "this is an aarch64 program".
 *
 * Return: a static string, "unknown" for values it does not know.
 */
const char *elf_machine_name(unsigned machine);

/* ---------------------------------------------------------------------- */
/* The linker: dyn.c, symbols.c, reloc.c, tls.c (version.c: internal.h)   */
/* ---------------------------------------------------------------------- */

/*
 * keel's own dynamic linker works on objects that are already mapped: the
 * caller (the kernel's loader, or a host test that copies a file's PT_LOADs
 * into a buffer) maps the segments, fills a struct elf_dso with
 * elf_dso_init(), and the functions below read and patch the mapped image
 * through plain pointers. Everything in the image is hostile: each table is
 * checked against the object's PT_LOAD segments before it is read, and each
 * relocation target against its writable ones, so a broken object fails
 * with a sentence in struct elf_err, never with a fault in the kernel.
 *
 * Order of use: elf_dso_init, elf_dyn_parse (each object); elf_tls_layout
 * (all initial objects, executable first); elf_relocate (each object, in
 * reverse search order, so that an object's dependencies, whose IFUNC
 * resolvers and COPY sources it may use, are done before it); then the
 * caller applies RELRO and runs the initializers.
 */

/* ABI values <linux/elf.h> does not define (gABI, GNU extensions, x86-64 psABI). */
#ifndef DT_BIND_NOW
#define DT_BIND_NOW 24
#define DT_INIT_ARRAY 25
#define DT_FINI_ARRAY 26
#define DT_INIT_ARRAYSZ 27
#define DT_FINI_ARRAYSZ 28
#define DT_RUNPATH 29
#define DT_FLAGS 30
#define DT_PREINIT_ARRAY 32
#define DT_PREINIT_ARRAYSZ 33
#endif
#ifndef DT_RELR
#define DT_RELRSZ 35
#define DT_RELR 36
#define DT_RELRENT 37
#endif
#ifndef DT_GNU_HASH
#define DT_GNU_HASH 0x6ffffef5
#endif
#ifndef DT_VERDEFNUM
#define DT_VERDEFNUM 0x6ffffffd
#define DT_VERNEEDNUM 0x6fffffff
#endif
#ifndef DF_SYMBOLIC
#define DF_ORIGIN 0x1
#define DF_SYMBOLIC 0x2
#define DF_TEXTREL 0x4
#define DF_BIND_NOW 0x8
#define DF_STATIC_TLS 0x10
#define DF_1_NOW 0x1
#endif
#ifndef STB_GNU_UNIQUE
#define STB_GNU_UNIQUE 10
#define STT_GNU_IFUNC 10
#endif
#define ELF_VERSYM_HIDDEN 0x8000	/* versym bit 15: a non-default version (name@V) */
#define ELF_VERSYM_INDEX 0x7fff
#define ELF_VER_FLG_BASE 0x1		/* the verdef that names the file itself */
#define R_X86_64_NONE 0
#define R_X86_64_64 1
#define R_X86_64_PC32 2
#define R_X86_64_COPY 5
#define R_X86_64_GLOB_DAT 6
#define R_X86_64_JUMP_SLOT 7
#define R_X86_64_RELATIVE 8
#define R_X86_64_DTPMOD64 16
#define R_X86_64_DTPOFF64 17
#define R_X86_64_TPOFF64 18
#define R_X86_64_TLSDESC 36
#define R_X86_64_IRELATIVE 37

/* Symbol versioning records (GNU, as in the LSB), read in place; 4-byte aligned. */
struct elf64_verdef {
	uint16_t vd_version;		/* 1 */
	uint16_t vd_flags;		/* ELF_VER_FLG_BASE, VER_FLG_WEAK */
	uint16_t vd_ndx;		/* the index DT_VERSYM entries use */
	uint16_t vd_cnt;		/* verdaux entries; the first is the version's name */
	uint32_t vd_hash;		/* SysV hash of the name */
	uint32_t vd_aux;		/* byte offset of the first verdaux, from this entry */
	uint32_t vd_next;		/* byte offset of the next verdef, 0 at the end */
};
struct elf64_verdaux {
	uint32_t vda_name;		/* string table offset */
	uint32_t vda_next;
};
struct elf64_verneed {
	uint16_t vn_version;		/* 1 */
	uint16_t vn_cnt;		/* vernaux entries */
	uint32_t vn_file;		/* string table offset of the library's name */
	uint32_t vn_aux;
	uint32_t vn_next;
};
struct elf64_vernaux {
	uint32_t vna_hash;
	uint16_t vna_flags;
	uint16_t vna_other;		/* the index DT_VERSYM entries use */
	uint32_t vna_name;
	uint32_t vna_next;
};

/* A failure, for messages: "keel: <dso>: <why> (symbol <sym>, entry <index>)". */
#define ELF_NO_INDEX UINT64_MAX
struct elf_err {
	const char *why;		/* static sentence naming the broken rule */
	const char *sym;		/* the symbol concerned, or NULL (in an object's strtab) */
	uint64_t index;			/* which entry of the table concerned, or ELF_NO_INDEX */
	uint64_t value;			/* the offending value (a tag, a relocation type), or 0 */
};

/*
 * What elf_dyn_parse() found in PT_DYNAMIC. Pointers point into the mapped
 * object and were bounds- and alignment-checked against one PT_LOAD each;
 * counts are entries, not bytes. Absent tables are NULL with count 0.
 */
struct elf_dyn {
	const Elf64_Dyn *dynamic;	/* the array; ndyn entries before DT_NULL */
	unsigned ndyn;
	unsigned nneeded;		/* DT_NEEDED entries: see elf_dyn_needed() */
	const char *soname, *rpath, *runpath;	/* NUL-terminated in strtab, or NULL */

	const char *strtab;		/* ends with a NUL byte */
	uint64_t strsz;
	const Elf64_Sym *symtab;
	uint32_t nsyms;			/* from DT_HASH's nchain, else from DT_GNU_HASH */

	/* DT_HASH (SysV): nbucket buckets, then nsyms chain entries */
	const uint32_t *sysv_buckets, *sysv_chain;
	uint32_t sysv_nbucket;
	/* DT_GNU_HASH: bloom filter, buckets, and chain[i - gnu_symoffset] */
	const uint64_t *gnu_bloom;
	const uint32_t *gnu_buckets, *gnu_chain;
	uint32_t gnu_nbuckets, gnu_symoffset, gnu_bloom_size, gnu_bloom_shift;

	const uint16_t *versym;		/* nsyms entries */
	uint64_t verdef, verneed;	/* vaddrs of the first record; walked with checks */
	unsigned verdefnum, verneednum;

	const Elf64_Rela *rela, *jmprel;
	uint64_t nrela, njmprel;
	const uint64_t *relr;
	uint64_t nrelr;

	uint64_t init, fini;		/* runtime addresses, in executable segments, or 0 */
	const uint64_t *preinit_array, *init_array, *fini_array;
	uint64_t npreinit_array, ninit_array, nfini_array;

	uint64_t flags, flags_1;	/* DT_FLAGS, DT_FLAGS_1 as found */
	bool bind_now;			/* DT_BIND_NOW, DF_BIND_NOW or DF_1_NOW (keel always binds now) */
	bool symbolic;			/* DT_SYMBOLIC or DF_SYMBOLIC: search the object itself first */
	bool static_tls;		/* DF_STATIC_TLS: uses initial-exec TLS (TPOFF64) */
};

#define ELF_DSO_MAX_LOADS 16		/* PT_LOADs the linker accepts; real objects have <= 5 */
#define ELF_MAX_SYMS (1U << 24)		/* dynamic symbols per object */
#define ELF_MAX_STATIC_TLS (1ULL << 30)	/* total static TLS */

struct elf_seg {
	uint64_t vaddr, memsz;		/* unrelocated, as in the file */
	uint32_t flags;			/* PF_R, PF_W, PF_X */
};

/*
 * One mapped object. A file address v lives at bias + v: the host tests map
 * an object at a malloc'd buffer b with bias = b - lo, the kernel wherever
 * it reserved the span. The segment list is copied from the headers
 * elf_parse() checked, not read from the image, so a lying PT_PHDR cannot
 * widen it.
 */
struct elf_dso {
	/* Set by elf_dso_init() */
	const char *name;		/* for messages; owned by the caller */
	uintptr_t bias;
	struct elf_seg seg[ELF_DSO_MAX_LOADS];
	unsigned nseg;
	uint64_t dyn_vaddr, dyn_size;	/* PT_DYNAMIC; dyn_size 0: none */
	uint64_t tls_vaddr, tls_filesz, tls_memsz, tls_align;	/* PT_TLS; tls_align 0: none */
	uint64_t relro_vaddr, relro_size;	/* PT_GNU_RELRO, for the caller's mprotect */

	/* Set by elf_tls_layout() (later also by dlopen's dynamic TLS) */
	uint64_t tls_modid;		/* module id (DTPMOD64), from 1; 0: no PT_TLS */
	int64_t tls_offset;		/* block address - thread pointer (< 0), if tls_static */
	bool tls_static;

	/* Set by elf_dyn_parse() */
	struct elf_dyn dyn;
};

/* dyn.c */

/**
 * elf_dso_init - describe an object the caller has mapped.
 * @d:    filled; the TLS and dynamic parts are zeroed
 * @img:  the object's headers as elf_parse() accepted them
 * @bias: where it was mapped: file address v is at bias + v
 * @name: for messages (kept as a pointer)
 * @err:  the reason on failure
 *
 * Return: 0, or -EINVAL if the object has more than ELF_DSO_MAX_LOADS PT_LOADs.
 */
int elf_dso_init(struct elf_dso *d, const struct elf_image *img, uintptr_t bias,
		 const char *name, struct elf_err *err);

/**
 * elf_dso_ptr - the mapped bytes [vaddr, vaddr + size) of @d, if they lie
 * inside one PT_LOAD's memory and the address is a multiple of @align
 * (a power of two). elf_dso_wptr() also requires a writable (PF_W) segment.
 *
 * Return: the pointer, or NULL.
 */
const void *elf_dso_ptr(const struct elf_dso *d, uint64_t vaddr, uint64_t size, uint64_t align);
void *elf_dso_wptr(const struct elf_dso *d, uint64_t vaddr, uint64_t size, uint64_t align);

/* Is file address @vaddr inside an executable PT_LOAD of @d? */
bool elf_dso_exec(const struct elf_dso *d, uint64_t vaddr);

/* The NUL-terminated string at offset @off of @d's string table, or NULL. */
const char *elf_dso_str(const struct elf_dso *d, uint64_t off);

/**
 * elf_dyn_parse - read and check @d's PT_DYNAMIC into @d->dyn.
 *
 * Every table named there is checked against the object's segments: in
 * range, aligned, entry sizes as the psABI says, hash tables consistent,
 * version records well formed, strings terminated. An object without
 * PT_DYNAMIC gets an empty @d->dyn. Text relocations and DT_REL are
 * refused. Pure; reads only the mapped image.
 *
 * Return: 0, or -EINVAL with @err->why (and @err->index: the dynamic entry).
 */
int elf_dyn_parse(struct elf_dso *d, struct elf_err *err);

/* The @i-th DT_NEEDED name (0 <= i < nneeded), or NULL. */
const char *elf_dyn_needed(const struct elf_dso *d, unsigned i);

/* symbols.c */

/* The hash functions of DT_GNU_HASH and DT_HASH (also the verdef one). */
uint32_t elf_gnu_hash(const char *name);
uint32_t elf_sysv_hash(const char *name);

/* A symbol to look up: a name and, for a versioned reference, a version. */
struct elf_symreq {
	const char *name;
	const char *version;		/* required version, or NULL: the default one */
	const char *file;		/* where the reference expects it (vn_file), or NULL */
	uint32_t gnu_hash, sysv_hash;
};
void elf_symreq_init(struct elf_symreq *r, const char *name, const char *version);

/**
 * elf_symreq_ref - the request for @d's dynamic symbol @idx as a reference:
 * its name and, through DT_VERSYM, the version it requires (from
 * DT_VERNEED, or DT_VERDEF for a reference to the object's own version).
 *
 * Return: 0, or -EINVAL with @err->why if the index, the name or the
 * version index is out of range.
 */
int elf_symreq_ref(struct elf_symreq *r, const struct elf_dso *d, uint32_t idx,
		   struct elf_err *err);

/* The version defined for @d's symbol @idx (its verdef name), or NULL. */
const char *elf_sym_version(const struct elf_dso *d, uint32_t idx, bool *hidden);

enum elf_hash_use { ELF_HASH_ANY, ELF_HASH_GNU, ELF_HASH_SYSV };

/**
 * elf_sym_find - look @r up among @d's definitions, with the given hash
 * table (ELF_HASH_ANY: GNU if present, else SysV; a missing table finds
 * nothing).
 *
 * A definition matches when it is defined (not SHN_UNDEF), global, weak or
 * GNU-unique, of a linkable type, has the name, and passes the version
 * rule: an unversioned request takes the default version (one without
 * ELF_VERSYM_HIDDEN), so compat-only symbols such as sys_errlist@GLIBC_2.2.5
 * stay invisible to it; a versioned request takes the definition with that
 * version name, hidden or not (that is how an old binary gets
 * memcpy@GLIBC_2.2.5), or an unversioned one (index 0 or 1, not hidden);
 * an object without DT_VERSYM satisfies any request.
 *
 * Return: the symbol index (>= 1), or 0 when nothing matches.
 */
uint32_t elf_sym_find(const struct elf_dso *d, const struct elf_symreq *r, enum elf_hash_use how);

/* Where a symbol was found. */
struct elf_symdef {
	struct elf_dso *dso;		/* the defining object */
	const Elf64_Sym *sym;
	uint32_t index;
	uint64_t addr;			/* bias + st_value; st_value for SHN_ABS and STT_TLS */
	bool ifunc;			/* STT_GNU_IFUNC: addr is the resolver */
	bool tls, weak, unique;		/* STT_TLS, STB_WEAK, STB_GNU_UNIQUE */
};

/**
 * elf_sym_lookup - search @scope[0..n) in order, skipping @skip (NULL: none),
 * and take the first object that defines @r. A weak definition wins like a
 * global one (the gABI's rule for the dynamic linker). GNU-unique symbols
 * are flagged; one copy per process across RTLD_LOCAL groups comes with
 * dlopen. The scope is a parameter so dlopen's local groups can pass theirs.
 *
 * Return: true and *@out, or false.
 */
bool elf_sym_lookup(struct elf_dso *const *scope, size_t n, const struct elf_symreq *r,
		    const struct elf_dso *skip, struct elf_symdef *out);

/* reloc.c */

/* One unresolved reference, for "missing: foo@GLIBC_2.34 (needed by libx.so.1)". */
struct elf_missing_sym {
	const char *name;
	const char *version;		/* NULL: unversioned */
	const char *file;		/* library the version belongs to (vn_file), or NULL */
	const struct elf_dso *needed_by;
};

/*
 * The caller's list of unresolved references. Distinct (name, version,
 * object) triples are kept in v[0..min(n, cap)); n counts those past cap too
 * (possibly with repeats there, as they cannot be compared).
 */
struct elf_missing {
	struct elf_missing_sym *v;
	size_t cap, n;
};

/* Format entry @m as "foo@V (needed by x)". Return: as snprintf. */
int elf_missing_format(const struct elf_missing_sym *m, char *buf, size_t len);

/*
 * How to relocate: the search list, and a way to run IFUNC resolvers. The
 * kernel runs them on the program's behalf; the host tests record the call.
 * @ifunc returns 0 and the function's address in *out, or -errno.
 */
struct elf_reloc_ctx {
	struct elf_dso *const *scope;
	size_t nscope;
	int (*ifunc)(void *arg, const struct elf_dso *d, uint64_t resolver, uint64_t *out);
	void *arg;
	struct elf_missing *missing;	/* NULL: count nothing, still fail */
	uint64_t lazy_stub;		/* non-zero: a missing JUMP_SLOT symbol is bound to it */
};

/**
 * elf_relocate - apply every relocation of @d (RELR, DT_RELA, DT_JMPREL),
 * binding symbols through @ctx->scope. All symbols are bound now (no lazy
 * PLT). Three passes: relative ones (RELR and R_X86_64_RELATIVE), then the
 * rest in table order, then R_X86_64_IRELATIVE, so a resolver runs on a
 * fully relocated object. A reference to an STT_GNU_IFUNC definition gets
 * its resolver's answer. TLS relocations use the defining object's
 * tls_modid/tls_offset (elf_tls_layout() first). COPY reads the defining
 * object, so it must be relocated already.
 *
 * Unresolved non-weak references do not stop the walk: each one goes to
 * @ctx->missing, and the function fails at the end. With @ctx->lazy_stub
 * (dlopen's RTLD_LAZY), a missing function referenced only through PLT
 * slots (R_X86_64_JUMP_SLOT) is not an error: its slots get the stub,
 * which reports the call, as a lazy binder would fail at the first call.
 *
 * Return: 0; -ENOENT if symbols were missing (see @ctx->missing, @err->sym
 * is the first); -EINVAL for a malformed relocation (@err->why, @err->index
 * in its table); or the error @ctx->ifunc returned.
 */
int elf_relocate(struct elf_dso *d, const struct elf_reloc_ctx *ctx, struct elf_err *err);

/* tls.c */

struct elf_tls_layout {
	uint64_t size;			/* bytes of static TLS below the thread pointer */
	uint64_t align;			/* the thread pointer must be a multiple of this */
	unsigned nmod;			/* modules given an id */
};

/**
 * elf_tls_layout - give each of @objs[0..n) that has PT_TLS a module id and
 * a static TLS block below the thread pointer (x86-64 variant II), in list
 * order: the executable first, so its offsets are the ones the linker
 * assumed for local-exec code. See tls.c for the formula.
 *
 * Return: 0, or -E2BIG if the blocks add up to more than ELF_MAX_STATIC_TLS.
 */
int elf_tls_layout(struct elf_dso *const *objs, size_t n, struct elf_tls_layout *out,
		   struct elf_err *err);

/**
 * elf_tls_init - fill a new thread's static TLS: each block gets its
 * object's PT_TLS image, then zeroes. @tp is the thread pointer (a multiple
 * of the layout's align, with layout.size bytes below it writable).
 *
 * Return: 0, or -EINVAL if an image lies outside its object's segments.
 */
int elf_tls_init(struct elf_dso *const *objs, size_t n, uintptr_t tp, struct elf_err *err);

#endif
