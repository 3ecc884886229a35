/*
 * elf/parse.c - check an x86-64 ELF executable's headers before anything
 * trusts them.
 *
 * Called by the launcher (elf/exec.c) on the program and on its PT_INTERP,
 * later by keel's linker on every shared library, and on the host by the
 * unit tests. The file is hostile input: the checks run in a fixed order
 * (identification, ELF header, each program header on its own, then the
 * rules that relate headers to each other), every sum of two file values is
 * checked for wraparound before it is used, and the first broken rule is
 * reported as -errno plus a static sentence, so a user who boots a bad image
 * reads "PT_LOAD segments overlap" rather than a page fault.
 *
 * The rules are the ELF gABI's and the x86-64 psABI's, plus what Linux's
 * binfmt_elf enforces and what the launcher relies on (see struct elf_image
 * in elf.h). They are no stricter than that: real toolchains put the end of
 * one PT_LOAD and the start of the next in the same page, leave a
 * PT_GNU_STACK with offset 0, and so on, and all of that must pass.
 *
 * Freestanding: no libc, the same file builds into the kernel and the host
 * tests.
 */
#include <stdint.h>
#include <stddef.h>
#include <stdbool.h>
#include <linux/elf.h>
#include <asm-generic/errno-base.h>
#include <asm-generic/errno.h>
#include "elf.h"

#define PAGE 4096ULL

static const unsigned char elf_magic[4] = { 0x7f, 'E', 'L', 'F' };

static bool pow2(uint64_t x)
{
	return (x & (x - 1)) == 0;
}

static uint64_t page_down(uint64_t x)
{
	return x & ~(PAGE - 1);
}

/* Page-aligned end; callers guarantee x <= ELF_USER_TOP so this cannot wrap. */
static uint64_t page_up(uint64_t x)
{
	return (x + PAGE - 1) & ~(PAGE - 1);
}

/* Is [off, off + size) inside [0, limit)? Without computing off + size. */
static bool range_in(uint64_t off, uint64_t size, uint64_t limit)
{
	return size <= limit && off <= limit - size;
}

/* Is [addr, addr + size) inside the memory of some PT_LOAD? */
static bool in_load(const struct elf_image *img, uint64_t addr, uint64_t size)
{
	for (unsigned i = 0; i < img->phnum; i++) {
		const Elf64_Phdr *p = &img->ph[i];
		if (p->p_type == PT_LOAD && addr >= p->p_vaddr &&
		    range_in(addr - p->p_vaddr, size, p->p_memsz))
			return true;
	}
	return false;
}

/* Is addr inside an executable PT_LOAD's memory? */
static bool in_exec_load(const struct elf_image *img, uint64_t addr)
{
	for (unsigned i = 0; i < img->phnum; i++) {
		const Elf64_Phdr *p = &img->ph[i];
		if (p->p_type == PT_LOAD && (p->p_flags & PF_X) && addr >= p->p_vaddr &&
		    addr - p->p_vaddr < p->p_memsz)
			return true;
	}
	return false;
}

/*
 * Machine names, and the sentence for "built for the wrong machine". The
 * sentences are spelled out because *why must be a static string.
 */
static const struct {
	unsigned machine;
	const char *name;
	const char *why;
} machines[] = {
	{ EM_X86_64, "x86-64", "" },
	{ EM_386, "i386", "ELF file is for i386, not x86-64" },
	{ EM_AARCH64, "aarch64", "ELF file is for aarch64 (arm64), not x86-64" },
	{ EM_ARM, "arm", "ELF file is for 32-bit arm, not x86-64" },
	{ EM_RISCV, "riscv", "ELF file is for RISC-V, not x86-64" },
	{ EM_PPC, "powerpc", "ELF file is for powerpc, not x86-64" },
	{ EM_PPC64, "powerpc64", "ELF file is for powerpc64, not x86-64" },
	{ EM_S390, "s390", "ELF file is for s390, not x86-64" },
	{ EM_MIPS, "mips", "ELF file is for mips, not x86-64" },
	{ EM_SPARC, "sparc", "ELF file is for sparc, not x86-64" },
	{ EM_SPARCV9, "sparc64", "ELF file is for sparc64, not x86-64" },
	{ EM_IA_64, "ia64", "ELF file is for ia64 (Itanium), not x86-64" },
	{ EM_LOONGARCH, "loongarch", "ELF file is for LoongArch, not x86-64" },
	{ EM_ALPHA, "alpha", "ELF file is for alpha, not x86-64" },
	{ EM_68K, "m68k", "ELF file is for m68k, not x86-64" },
	{ EM_SH, "superh", "ELF file is for SuperH, not x86-64" },
	{ EM_PARISC, "parisc", "ELF file is for PA-RISC, not x86-64" },
	{ EM_BPF, "bpf", "ELF file is BPF code, not an x86-64 program" },
};

const char *elf_machine_name(unsigned machine)
{
	for (size_t i = 0; i < sizeof(machines) / sizeof(machines[0]); i++)
		if (machines[i].machine == machine)
			return machines[i].name;
	return "unknown";
}

static const char *wrong_machine(unsigned machine)
{
	for (size_t i = 0; i < sizeof(machines) / sizeof(machines[0]); i++)
		if (machines[i].machine == machine)
			return machines[i].why;
	return "ELF file is for an unknown machine, not x86-64";
}

/* Stage 1: e_ident, e_machine, e_type, e_version. -ENOEXEC: not ours to run. */
static int check_ident(const unsigned char *id, size_t len, uint64_t file_size,
		       const char **why)
{
	if (file_size < 4) {
		*why = "file too short to be an ELF file";
		return -ENOEXEC;
	}
	if (len < 4) {
		*why = "truncated ELF header";
		return -EINVAL;
	}
	if (id[0] != elf_magic[0] || id[1] != elf_magic[1] || id[2] != elf_magic[2] ||
	    id[3] != elf_magic[3]) {
		*why = id[0] == '#' && id[1] == '!' ? "a script (#!), not an ELF file"
						    : "not an ELF file (bad magic)";
		return -ENOEXEC;
	}
	if (len < sizeof(Elf64_Ehdr) || file_size < sizeof(Elf64_Ehdr)) {
		*why = "truncated ELF header";
		return -EINVAL;
	}
	if (id[EI_CLASS] != ELFCLASS64) {
		*why = id[EI_CLASS] == ELFCLASS32 ? "32-bit ELF file (ELFCLASS32), not x86-64"
						  : "bad ELF class (EI_CLASS)";
		return -ENOEXEC;
	}
	if (id[EI_DATA] != ELFDATA2LSB) {
		*why = id[EI_DATA] == ELFDATA2MSB ? "big-endian ELF file, not x86-64"
						  : "bad ELF data encoding (EI_DATA)";
		return -ENOEXEC;
	}
	if (id[EI_VERSION] != EV_CURRENT) {
		*why = "bad ELF version (EI_VERSION)";
		return -ENOEXEC;
	}
	/* Linux's own binaries say NONE or GNU; anything else is another OS's. */
	if (id[EI_OSABI] != ELFOSABI_NONE && id[EI_OSABI] != ELFOSABI_LINUX) {
		*why = "ELF file is for another operating system (EI_OSABI)";
		return -ENOEXEC;
	}
	return 0;
}

static int check_ehdr(const Elf64_Ehdr *eh, size_t len, uint64_t file_size, const char **why)
{
	if (eh->e_machine != EM_X86_64) {
		*why = wrong_machine(eh->e_machine);
		return -ENOEXEC;
	}
	if (eh->e_version != EV_CURRENT) {
		*why = "bad ELF version (e_version)";
		return -ENOEXEC;
	}
	if (eh->e_type != ET_EXEC && eh->e_type != ET_DYN) {
		*why = eh->e_type == ET_REL    ? "relocatable object file (ET_REL), not a program"
		       : eh->e_type == ET_CORE ? "core dump (ET_CORE), not a program"
					       : "unknown ELF file type (e_type)";
		return -ENOEXEC;
	}
	if (eh->e_phentsize != sizeof(Elf64_Phdr)) {
		*why = "e_phentsize is not sizeof(Elf64_Phdr)";
		return -EINVAL;
	}
	if (eh->e_phnum == 0) {
		*why = "no program headers";
		return -EINVAL;
	}
	/* Also rejects PN_XNUM (0xffff), extended numbering no program needs. */
	if (eh->e_phnum > ELF_MAX_PHNUM) {
		*why = "too many program headers";
		return -EINVAL;
	}
	/* The table is read in place as Elf64_Phdr[], so it must be aligned. */
	if (eh->e_phoff % 8) {
		*why = "e_phoff not 8-byte aligned";
		return -EINVAL;
	}
	uint64_t size = (uint64_t)eh->e_phnum * sizeof(Elf64_Phdr);
	if (!range_in(eh->e_phoff, size, file_size)) {
		*why = "program headers extend past the end of the file";
		return -EINVAL;
	}
	if (!range_in(eh->e_phoff, size, len)) {
		*why = "program headers extend past the bytes read";
		return -EINVAL;
	}
	return 0;
}

/* A PT_LOAD on its own: sizes, file range, page congruence, address range. */
static int check_load(const Elf64_Phdr *p, int type, const char **why)
{
	if (p->p_align > 1 && !pow2(p->p_align)) {
		*why = "PT_LOAD p_align is not a power of two";
		return -EINVAL;
	}
	/* mmap maps whole pages, so file offset and address must agree in the page. */
	if ((p->p_offset - p->p_vaddr) % PAGE) {
		*why = "p_offset and p_vaddr not congruent modulo the page size";
		return -EINVAL;
	}
	if (p->p_vaddr >= ELF_USER_TOP || p->p_memsz > ELF_USER_TOP - p->p_vaddr) {
		*why = "segment past the end of the address space";
		return -EINVAL;
	}
	/* Linux refuses mappings below vm.mmap_min_addr (64 KiB) too. */
	if (type == ET_EXEC && page_down(p->p_vaddr) < ELF_EXEC_MIN) {
		*why = "ET_EXEC segment below 64 KiB";
		return -EINVAL;
	}
	return 0;
}

static int check_interp(struct elf_image *img, const Elf64_Phdr *p, const unsigned char *buf,
			size_t len, const char **why)
{
	if (img->interp) {
		*why = "more than one PT_INTERP";
		return -EINVAL;
	}
	if (p->p_filesz < 2) {
		*why = "empty PT_INTERP string";
		return -EINVAL;
	}
	if (p->p_filesz > ELF_INTERP_MAX) {
		*why = "PT_INTERP string longer than PATH_MAX";
		return -EINVAL;
	}
	if (!range_in(p->p_offset, p->p_filesz, len)) {
		*why = "PT_INTERP string extends past the bytes read";
		return -EINVAL;
	}
	const char *s = (const char *)buf + p->p_offset;
	/* As Linux: the last byte must be the NUL; an earlier one just ends it. */
	if (s[p->p_filesz - 1] != '\0') {
		*why = "PT_INTERP string not NUL-terminated";
		return -EINVAL;
	}
	if (s[0] == '\0') {
		*why = "empty PT_INTERP string";
		return -EINVAL;
	}
	img->interp = s;
	return 0;
}

static int check_tls(struct elf_image *img, const Elf64_Phdr *p, const char **why)
{
	if (img->tls) {
		*why = "more than one PT_TLS";
		return -EINVAL;
	}
	if (p->p_filesz > p->p_memsz) {
		*why = "segment file size larger than memory size";
		return -EINVAL;
	}
	/* Bounds that keep the TLS layout arithmetic far from overflow. */
	if (p->p_memsz > ELF_MAX_TLS_SIZE) {
		*why = "PT_TLS larger than 1 GiB";
		return -EINVAL;
	}
	if (!pow2(p->p_align)) {
		*why = "PT_TLS p_align is not a power of two";
		return -EINVAL;
	}
	if (p->p_align > ELF_MAX_TLS_ALIGN) {
		*why = "PT_TLS p_align larger than 1 MiB";
		return -EINVAL;
	}
	img->tls = p;
	return 0;
}

/* Singletons that need only "at most one"; the rest is checked in stage 3. */
static int check_once(const Elf64_Phdr **slot, const Elf64_Phdr *p, const char *dup,
		      const char **why)
{
	if (*slot) {
		*why = dup;
		return -EINVAL;
	}
	*slot = p;
	return 0;
}

/* Stage 2: each program header on its own, and the PT_LOAD order. */
static int check_phdrs(struct elf_image *img, const unsigned char *buf, size_t len,
		       uint64_t file_size, const char **why)
{
	uint64_t prev_vaddr = 0, max_end = 0;
	int err;

	for (unsigned i = 0; i < img->phnum; i++) {
		const Elf64_Phdr *p = &img->ph[i];

		if (p->p_type == PT_NULL)
			continue;
		if (!range_in(p->p_offset, p->p_filesz, file_size)) {
			*why = p->p_type == PT_LOAD ? "PT_LOAD extends past the end of the file"
						    : "segment extends past the end of the file";
			return -EINVAL;
		}
		switch (p->p_type) {
		case PT_LOAD:
			if (p->p_filesz > p->p_memsz) {
				*why = "segment file size larger than memory size";
				return -EINVAL;
			}
			err = check_load(p, img->type, why);
			if (err)
				return err;
			/*
			 * gABI: PT_LOADs appear in ascending p_vaddr order. Byte
			 * overlap is an error, sharing a page is not (see elf.h).
			 */
			if (img->nload && p->p_vaddr < prev_vaddr) {
				*why = "PT_LOAD segments not sorted by p_vaddr";
				return -EINVAL;
			}
			if (img->nload && p->p_vaddr < max_end) {
				*why = "PT_LOAD segments overlap";
				return -EINVAL;
			}
			if (!img->nload)
				img->lo = page_down(p->p_vaddr);
			prev_vaddr = p->p_vaddr;
			if (p->p_vaddr + p->p_memsz > max_end)
				max_end = p->p_vaddr + p->p_memsz;
			if (p->p_align > img->load_align)
				img->load_align = p->p_align > ELF_MAX_LOAD_ALIGN ? ELF_MAX_LOAD_ALIGN
										  : p->p_align;
			img->nload++;
			break;
		case PT_INTERP:
			err = check_interp(img, p, buf, len, why);
			if (err)
				return err;
			break;
		case PT_TLS:
			err = check_tls(img, p, why);
			if (err)
				return err;
			break;
		case PT_DYNAMIC:
			err = check_once(&img->dynamic, p, "more than one PT_DYNAMIC", why);
			if (err)
				return err;
			break;
		case PT_PHDR:
			err = check_once(&img->phdr_seg, p, "more than one PT_PHDR", why);
			if (err)
				return err;
			break;
		case PT_GNU_RELRO:
			err = check_once(&img->relro, p, "more than one PT_GNU_RELRO", why);
			if (err)
				return err;
			break;
		case PT_GNU_STACK:
			img->has_gnu_stack = true;
			img->has_gnu_stack_exec = (p->p_flags & PF_X) != 0;
			img->stack_size = p->p_memsz;
			break;
		default:
			break;
		}
	}
	if (!img->nload) {
		*why = "no PT_LOAD segment";
		return -EINVAL;
	}
	img->hi = page_up(max_end);
	if (img->type == ET_DYN && img->hi - img->lo > ELF_DYN_MAX_SPAN) {
		*why = "ET_DYN span larger than 1 TiB";
		return -EINVAL;
	}
	return 0;
}

/* Where the program headers land in memory (AT_PHDR). */
static void find_phdr_vaddr(struct elf_image *img)
{
	uint64_t off = img->eh->e_phoff, size = (uint64_t)img->phnum * sizeof(Elf64_Phdr);

	if (img->phdr_seg) {
		img->phdr_vaddr = img->phdr_seg->p_vaddr;
		img->phdr_mapped = true;
		return;
	}
	for (unsigned i = 0; i < img->phnum; i++) {
		const Elf64_Phdr *p = &img->ph[i];
		if (p->p_type == PT_LOAD && off >= p->p_offset &&
		    range_in(off - p->p_offset, size, p->p_filesz)) {
			img->phdr_vaddr = p->p_vaddr + (off - p->p_offset);
			img->phdr_mapped = true;
			return;
		}
	}
}

/* Stage 3: rules relating segments to the PT_LOADs, and the entry point. */
static int check_cross(struct elf_image *img, const char **why)
{
	const Elf64_Phdr *p;

	if (img->entry || img->type == ET_EXEC) {
		if (!in_exec_load(img, img->entry)) {
			*why = "entry point outside every executable segment";
			return -EINVAL;
		}
	}
	/* ld.so and libc copy the TLS image out of memory, not out of the file. */
	p = img->tls;
	if (p && p->p_filesz && !in_load(img, p->p_vaddr, p->p_filesz)) {
		*why = "PT_TLS initialization image outside every PT_LOAD";
		return -EINVAL;
	}
	p = img->dynamic;
	if (p) {
		if (p->p_filesz % sizeof(Elf64_Dyn)) {
			*why = "PT_DYNAMIC size not a multiple of sizeof(Elf64_Dyn)";
			return -EINVAL;
		}
		if (!in_load(img, p->p_vaddr, p->p_memsz)) {
			*why = "PT_DYNAMIC outside every PT_LOAD";
			return -EINVAL;
		}
	}
	p = img->relro;
	if (p && !in_load(img, p->p_vaddr, p->p_memsz)) {
		*why = "PT_GNU_RELRO outside every PT_LOAD";
		return -EINVAL;
	}
	/* ld.so computes the load bias as AT_PHDR - PT_PHDR.p_vaddr and reads the table there. */
	p = img->phdr_seg;
	if (p) {
		if (p->p_memsz < (uint64_t)img->phnum * sizeof(Elf64_Phdr)) {
			*why = "PT_PHDR smaller than the program header table";
			return -EINVAL;
		}
		if (!in_load(img, p->p_vaddr, p->p_memsz)) {
			*why = "PT_PHDR outside every PT_LOAD";
			return -EINVAL;
		}
	}
	find_phdr_vaddr(img);
	return 0;
}

int elf_parse(const void *buf, size_t len, uint64_t file_size, struct elf_image *out,
	      const char **why)
{
	const char *dummy;
	const Elf64_Ehdr *eh = buf;
	int err;

	if (!why)
		why = &dummy;
	*out = (struct elf_image){ 0 };
	if ((uintptr_t)buf % 8) {
		*why = "buffer not 8-byte aligned";
		return -EINVAL;
	}
	if (len > file_size) {
		*why = "buffer longer than the file";
		return -EINVAL;
	}
	err = check_ident(buf, len, file_size, why);
	if (err)
		return err;
	out->eh = eh;
	err = check_ehdr(eh, len, file_size, why);
	if (err)
		return err;

	out->ph = (const Elf64_Phdr *)((const unsigned char *)buf + eh->e_phoff);
	out->phnum = eh->e_phnum;
	out->type = eh->e_type;
	out->entry = eh->e_entry;
	out->load_align = PAGE;
	err = check_phdrs(out, buf, len, file_size, why);
	if (err)
		return err;
	return check_cross(out, why);
}

uint64_t elf_header_bytes(const void *buf, size_t len)
{
	const Elf64_Ehdr *eh = buf;
	const uint64_t min = sizeof(Elf64_Ehdr);

	if ((uintptr_t)buf % 8 || len < min)
		return min;
	if (eh->e_ident[0] != elf_magic[0] || eh->e_ident[1] != elf_magic[1] ||
	    eh->e_ident[2] != elf_magic[2] || eh->e_ident[3] != elf_magic[3])
		return min;
	if (eh->e_phentsize != sizeof(Elf64_Phdr) || eh->e_phnum == 0 ||
	    eh->e_phnum > ELF_MAX_PHNUM || eh->e_phoff % 8)
		return min;

	uint64_t size = (uint64_t)eh->e_phnum * sizeof(Elf64_Phdr);
	if (eh->e_phoff > UINT64_MAX - size)
		return min;
	uint64_t need = eh->e_phoff + size;
	if (need < min)
		need = min;
	if (need > len)
		return need;

	/* The table is in: add the PT_INTERP string's end. */
	const Elf64_Phdr *ph = (const Elf64_Phdr *)((const unsigned char *)buf + eh->e_phoff);
	for (unsigned i = 0; i < eh->e_phnum; i++) {
		const Elf64_Phdr *p = &ph[i];
		if (p->p_type == PT_INTERP && p->p_filesz <= ELF_INTERP_MAX &&
		    p->p_offset <= UINT64_MAX - p->p_filesz && p->p_offset + p->p_filesz > need)
			need = p->p_offset + p->p_filesz;
	}
	return need;
}
