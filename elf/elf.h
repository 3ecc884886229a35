/*
 * elf/elf.h - the ELF subsystem's interface: checking a program's headers,
 * launching it (exe + PT_INTERP), and later keel's own dynamic linker.
 *
 * The structure definitions (Elf64_Ehdr, Elf64_Phdr, PT_*, ET_*, PF_*) are
 * the Linux UAPI ones from <linux/elf.h>, so the launcher, the linker and the
 * host tools see one layout. Every ELF file keel reads is hostile input until
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

#endif
