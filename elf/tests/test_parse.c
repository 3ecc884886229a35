/*
 * test_parse.c - host unit tests for the ELF header checks (elf/parse.c).
 *
 * Three parts:
 *  1. Real binaries of every kind keel must run (glibc dynamic PIE, ld.so,
 *     libc.so.6, glibc static and static-pie, musl dynamic and static when
 *     musl-gcc exists): elf_parse() must accept them and agree with elfutils'
 *     libelf (oracle.c) on type, entry, interpreter, span, TLS and AT_PHDR.
 *  2. Directed malformed variants: a real binary's headers mutated one rule
 *     at a time; each must fail with the expected errno and sentence, and
 *     each truncation of the header area must fail the right way.
 *  3. Fuzzing: random mutations of the header area with a fixed seed. Under
 *     ASan/UBSan any out-of-bounds or misaligned read aborts the test; every
 *     accepted variant must still satisfy the guarantees listed in elf.h,
 *     re-derived here independently with 128-bit arithmetic.
 *
 * Built and run by `make test` through elf/tests/elf.mk, from the repo root
 * (the helper binaries are in build/host/).
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "elf.h"
#include "oracle.h"
#include "tests/hosttest.h"

#define PG 4096ULL
typedef unsigned __int128 u128;

struct file {
	unsigned char *buf;
	size_t len;
	const char *name;
};

/* ---- helpers ---------------------------------------------------------- */

static bool load(const char *path, struct file *f)
{
	FILE *fp = fopen(path, "rb");
	if (!fp)
		return false;
	fseek(fp, 0, SEEK_END);
	long n = ftell(fp);
	rewind(fp);
	f->buf = malloc(n > 0 ? n : 1); /* malloc's alignment is >= 16 */
	f->len = fread(f->buf, 1, n, fp);
	f->name = path;
	fclose(fp);
	return f->len == (size_t)n;
}

static struct file clone(const struct file *f)
{
	struct file c = *f;
	c.buf = malloc(f->len);
	memcpy(c.buf, f->buf, f->len);
	return c;
}

static Elf64_Ehdr *E(struct file *f)
{
	return (Elf64_Ehdr *)f->buf;
}

static Elf64_Phdr *P(struct file *f, int i)
{
	return (Elf64_Phdr *)(f->buf + E(f)->e_phoff) + i;
}

/* Index of the n-th (0-based) program header of this type, or -1. */
static int nth(struct file *f, uint32_t type, int n)
{
	for (int i = 0; i < E(f)->e_phnum; i++)
		if (P(f, i)->p_type == type && n-- == 0)
			return i;
	return -1;
}

static const char *str(const char *s)
{
	return s ? s : "(null)";
}

/* Parse f whole and check the error and the sentence. */
static void expect(const struct file *f, int err, const char *why, const char *label)
{
	struct elf_image img;
	const char *got = NULL;
	int r = elf_parse(f->buf, f->len, f->len, &img, &got);
	bool ok = r == err && (err == 0 || (got && strcmp(got, why) == 0));
	if (!ok)
		fprintf(stderr, "  %s [%s]: got %d \"%s\", want %d \"%s\"\n", label, f->name, r,
			str(got), err, str(why));
	CHECK(ok);
}

/* Mutate a copy of *base with the statements given (the copy is `m`), then expect(). */
#define MUTATE(base, label, err, why, ...)                 \
	do {                                               \
		struct file m = clone(base);               \
		__VA_ARGS__;                               \
		expect(&m, err, why, label);               \
		free(m.buf);                               \
	} while (0)

/* ---- 1. real binaries ------------------------------------------------- */

struct want {
	int type;
	const char *interp;	/* NULL: must have none */
	bool tls, dynamic;
};

static void check_real(const char *path, struct want w)
{
	struct file f;
	struct oracle o;
	struct elf_image img;
	const char *why = NULL;

	if (!load(path, &f) || oracle_read(path, &o)) {
		fprintf(stderr, "  %s: cannot read\n", path);
		CHECK(!"real binary readable");
		return;
	}
	int failed_before = ht_failed;
	int r = elf_parse(f.buf, f.len, f.len, &img, &why);
	if (r)
		fprintf(stderr, "  %s: rejected: %d %s\n", path, r, str(why));
	CHECK(r == 0);
	if (r)
		goto out;
	CHECK(img.type == w.type && img.type == o.type);
	CHECK(img.entry == o.entry);
	CHECK(img.phnum == o.phnum && img.nload == o.nload);
	CHECK(img.eh == (const void *)f.buf);
	CHECK(w.interp ? img.interp && strcmp(img.interp, w.interp) == 0 : img.interp == NULL);
	CHECK(img.interp ? strcmp(img.interp, o.interp) == 0 : o.interp[0] == 0);
	CHECK(img.lo == o.lo && img.hi == o.hi);
	CHECK(w.type != ET_EXEC || img.lo >= 0x400000);
	CHECK((img.tls != NULL) == w.tls && (img.tls != NULL) == o.has_tls);
	if (img.tls)
		CHECK(img.tls->p_vaddr == o.tls_vaddr && img.tls->p_filesz == o.tls_filesz &&
		      img.tls->p_memsz == o.tls_memsz && img.tls->p_align == o.tls_align);
	CHECK((img.dynamic != NULL) == w.dynamic && (img.dynamic != NULL) == o.has_dynamic);
	CHECK((img.phdr_seg != NULL) == o.has_phdr);
	CHECK(img.phdr_mapped && img.phdr_vaddr == o.phdr_vaddr);
	CHECK(img.has_gnu_stack && !img.has_gnu_stack_exec && !o.stack_exec);
	CHECK(img.load_align >= PG && (img.load_align & (img.load_align - 1)) == 0);

	/* AT_PHDR must point at the table: the file byte behind phdr_vaddr is e_phoff. */
	bool found = false;
	for (unsigned i = 0; i < img.phnum; i++) {
		const Elf64_Phdr *p = &img.ph[i];
		if (p->p_type == PT_LOAD && img.phdr_vaddr >= p->p_vaddr &&
		    img.phdr_vaddr - p->p_vaddr < p->p_filesz)
			found = p->p_offset + (img.phdr_vaddr - p->p_vaddr) == img.eh->e_phoff;
	}
	CHECK(found);

	/* Reading only what elf_header_bytes() asks for must be enough. */
	size_t len = 4096 < f.len ? 4096 : f.len;
	for (int round = 0; round < 3; round++) {
		uint64_t need = elf_header_bytes(f.buf, len);
		if (need <= len)
			break;
		len = need < f.len ? need : f.len;
	}
	r = elf_parse(f.buf, len, f.len, &img, &why);
	if (r)
		fprintf(stderr, "  %s: with %zu bytes read: %d %s\n", path, len, r, str(why));
	CHECK(r == 0);
	printf("  ok: %s (%s, %u phdrs, span %#llx-%#llx%s%s)\n", path,
	       img.type == ET_EXEC ? "ET_EXEC" : "ET_DYN", img.phnum, (unsigned long long)img.lo,
	       (unsigned long long)img.hi, img.interp ? ", interp " : "", img.interp ? img.interp : "");
out:
	if (ht_failed != failed_before)
		fprintf(stderr, "  (the failures above are for %s)\n", path);
	free(f.buf);
}

static void test_real(void)
{
	const char *glibc_ld = "/lib64/ld-linux-x86-64.so.2";

	check_real("/bin/ls", (struct want){ ET_DYN, glibc_ld, false, true });
	check_real(glibc_ld, (struct want){ ET_DYN, NULL, false, true });
	/* libc.so.6 is runnable (it prints its version), so it has a PT_INTERP. */
	check_real("/lib/x86_64-linux-gnu/libc.so.6", (struct want){ ET_DYN, glibc_ld, true, true });
	/* A library with e_entry == 0: no entry point, still acceptable. */
	check_real("/lib/x86_64-linux-gnu/libm.so.6", (struct want){ ET_DYN, NULL, false, true });
	check_real("build/host/elf-hello-static", (struct want){ ET_EXEC, NULL, true, false });
	check_real("build/host/elf-hello-static-pie", (struct want){ ET_DYN, NULL, true, true });
	if (access("build/host/elf-hello-musl", R_OK) == 0) {
		check_real("build/host/elf-hello-musl",
			   (struct want){ ET_DYN, "/lib/ld-musl-x86_64.so.1", true, true });
		check_real("build/host/elf-hello-musl-static",
			   (struct want){ ET_EXEC, NULL, true, false });
	} else {
		printf("  skipped: musl binaries (musl-gcc not installed)\n");
	}
}

/* ---- 2. directed malformed variants ---------------------------------- */

static void test_ident(struct file *ls)
{
	for (int i = 0; i < 4; i++)
		MUTATE(ls, "magic", -ENOEXEC, "not an ELF file (bad magic)", m.buf[i] ^= 0x20);
	MUTATE(ls, "script", -ENOEXEC, "a script (#!), not an ELF file",
	       memcpy(m.buf, "#!/bin/sh\n", 10));
	MUTATE(ls, "class32", -ENOEXEC, "32-bit ELF file (ELFCLASS32), not x86-64",
	       m.buf[EI_CLASS] = ELFCLASS32);
	MUTATE(ls, "class0", -ENOEXEC, "bad ELF class (EI_CLASS)", m.buf[EI_CLASS] = 0);
	MUTATE(ls, "class3", -ENOEXEC, "bad ELF class (EI_CLASS)", m.buf[EI_CLASS] = 3);
	MUTATE(ls, "msb", -ENOEXEC, "big-endian ELF file, not x86-64", m.buf[EI_DATA] = ELFDATA2MSB);
	MUTATE(ls, "data0", -ENOEXEC, "bad ELF data encoding (EI_DATA)", m.buf[EI_DATA] = 0);
	MUTATE(ls, "ei_version", -ENOEXEC, "bad ELF version (EI_VERSION)", m.buf[EI_VERSION] = 2);
	MUTATE(ls, "osabi freebsd", -ENOEXEC, "ELF file is for another operating system (EI_OSABI)",
	       m.buf[EI_OSABI] = 9);
	MUTATE(ls, "osabi gnu", 0, NULL, m.buf[EI_OSABI] = ELFOSABI_LINUX);
	MUTATE(ls, "aarch64", -ENOEXEC, "ELF file is for aarch64 (arm64), not x86-64",
	       E(&m)->e_machine = EM_AARCH64);
	MUTATE(ls, "i386", -ENOEXEC, "ELF file is for i386, not x86-64", E(&m)->e_machine = EM_386);
	MUTATE(ls, "machine?", -ENOEXEC, "ELF file is for an unknown machine, not x86-64",
	       E(&m)->e_machine = 0x1234);
	MUTATE(ls, "e_version", -ENOEXEC, "bad ELF version (e_version)", E(&m)->e_version = 0);
	MUTATE(ls, "ET_REL", -ENOEXEC, "relocatable object file (ET_REL), not a program",
	       E(&m)->e_type = ET_REL);
	MUTATE(ls, "ET_CORE", -ENOEXEC, "core dump (ET_CORE), not a program", E(&m)->e_type = ET_CORE);
	MUTATE(ls, "ET_NONE", -ENOEXEC, "unknown ELF file type (e_type)", E(&m)->e_type = ET_NONE);
	MUTATE(ls, "ET_LOOS", -ENOEXEC, "unknown ELF file type (e_type)", E(&m)->e_type = 0xfe00);

	CHECK(strcmp(elf_machine_name(EM_X86_64), "x86-64") == 0);
	CHECK(strcmp(elf_machine_name(EM_AARCH64), "aarch64") == 0);
	CHECK(strcmp(elf_machine_name(0xbeef), "unknown") == 0);
}

static void test_ehdr(struct file *ls)
{
	size_t len = ls->len;

	MUTATE(ls, "phentsize 32", -EINVAL, "e_phentsize is not sizeof(Elf64_Phdr)",
	       E(&m)->e_phentsize = 32);
	MUTATE(ls, "phentsize 64", -EINVAL, "e_phentsize is not sizeof(Elf64_Phdr)",
	       E(&m)->e_phentsize = 64);
	MUTATE(ls, "phentsize 0", -EINVAL, "e_phentsize is not sizeof(Elf64_Phdr)",
	       E(&m)->e_phentsize = 0);
	MUTATE(ls, "phnum 0", -EINVAL, "no program headers", E(&m)->e_phnum = 0);
	MUTATE(ls, "phnum 129", -EINVAL, "too many program headers", E(&m)->e_phnum = 129);
	MUTATE(ls, "phnum PN_XNUM", -EINVAL, "too many program headers", E(&m)->e_phnum = PN_XNUM);
	MUTATE(ls, "phoff EOF", -EINVAL, "program headers extend past the end of the file",
	       E(&m)->e_phoff = (len + 7) & ~7ULL);
	MUTATE(ls, "phoff near EOF", -EINVAL, "program headers extend past the end of the file",
	       E(&m)->e_phoff = (len - 8) & ~7ULL);
	MUTATE(ls, "phoff wraps", -EINVAL, "program headers extend past the end of the file",
	       E(&m)->e_phoff = ~7ULL);
	MUTATE(ls, "phoff 2^63", -EINVAL, "program headers extend past the end of the file",
	       E(&m)->e_phoff = 1ULL << 63);
	MUTATE(ls, "phoff misaligned", -EINVAL, "e_phoff not 8-byte aligned", E(&m)->e_phoff = 65);

	/* Contract violations by the caller. */
	struct elf_image img;
	const char *why = NULL;
	unsigned char *odd = malloc(len + 8);
	memcpy(odd + 1, ls->buf, len);
	CHECK(elf_parse(odd + 1, len, len, &img, &why) == -EINVAL &&
	      strcmp(why, "buffer not 8-byte aligned") == 0);
	free(odd);
	CHECK(elf_parse(ls->buf, len, len - 1, &img, &why) == -EINVAL &&
	      strcmp(why, "buffer longer than the file") == 0);
	/* why may be NULL. */
	CHECK(elf_parse(ls->buf, 10, len, &img, NULL) == -EINVAL);
}

/* Every truncation of the header area, as a short read and as a short file. */
static void test_truncation(struct file *ls)
{
	uint64_t phend = E(ls)->e_phoff + E(ls)->e_phnum * sizeof(Elf64_Phdr);
	Elf64_Phdr *ip = P(ls, nth(ls, PT_INTERP, 0));
	uint64_t iend = ip->p_offset + ip->p_filesz;
	int bad_read = 0, bad_file = 0, bad_need = 0;

	CHECK(iend > phend);
	for (uint64_t n = 0; n <= iend; n++) {
		struct elf_image img;
		const char *why = NULL, *want;
		int want_err = -EINVAL;

		if (n < sizeof(Elf64_Ehdr))
			want = "truncated ELF header";
		else if (n < phend)
			want = "program headers extend past the bytes read";
		else if (n < iend)
			want = "PT_INTERP string extends past the bytes read";
		else
			want = NULL, want_err = 0;
		int r = elf_parse(ls->buf, n, ls->len, &img, &why);
		if (r != want_err || (want && strcmp(why, want))) {
			if (bad_read++ < 3)
				fprintf(stderr, "  read %llu bytes: %d %s\n", (unsigned long long)n, r,
					str(why));
		}
		/* The file itself cut at n bytes. */
		r = elf_parse(ls->buf, n, n, &img, &why);
		if (r == 0 || (n < 4 && r != -ENOEXEC) || (n >= 4 && r != -EINVAL)) {
			if (bad_file++ < 3)
				fprintf(stderr, "  file of %llu bytes: %d %s\n", (unsigned long long)n, r,
					str(why));
		}
		uint64_t need = elf_header_bytes(ls->buf, n);
		uint64_t want_need = n < sizeof(Elf64_Ehdr) ? sizeof(Elf64_Ehdr) : n < phend ? phend : iend;
		if (need != want_need && bad_need++ < 3)
			fprintf(stderr, "  elf_header_bytes(%llu) = %llu, want %llu\n",
				(unsigned long long)n, (unsigned long long)need,
				(unsigned long long)want_need);
	}
	CHECK(bad_read == 0);
	CHECK(bad_file == 0);
	CHECK(bad_need == 0);
}

static void test_load(struct file *ls, struct file *st)
{
	int l0 = nth(ls, PT_LOAD, 0), l1 = nth(ls, PT_LOAD, 1), l2 = nth(ls, PT_LOAD, 2);
	int last = nth(ls, PT_LOAD, 3);
	uint64_t len = ls->len;

	CHECK(l0 >= 0 && l1 >= 0 && l2 >= 0 && last >= 0);
	MUTATE(ls, "filesz > memsz", -EINVAL, "segment file size larger than memory size",
	       P(&m, l1)->p_filesz = P(&m, l1)->p_memsz + 1);
	MUTATE(ls, "load past EOF", -EINVAL, "PT_LOAD extends past the end of the file",
	       P(&m, last)->p_offset += len);
	MUTATE(ls, "load 1 byte past EOF", -EINVAL, "PT_LOAD extends past the end of the file",
	       P(&m, l1)->p_filesz = len - P(&m, l1)->p_offset + 1;
	       P(&m, l1)->p_memsz = P(&m, l1)->p_filesz);
	MUTATE(ls, "load ends at EOF", 0, NULL,
	       P(&m, last)->p_filesz = len - P(&m, last)->p_offset;
	       P(&m, last)->p_memsz = P(&m, last)->p_filesz + 0x10000);
	MUTATE(ls, "offset+filesz wraps", -EINVAL, "PT_LOAD extends past the end of the file",
	       P(&m, l1)->p_offset = -PG; P(&m, l1)->p_filesz = 2 * PG);
	MUTATE(ls, "filesz ~0", -EINVAL, "PT_LOAD extends past the end of the file",
	       P(&m, last)->p_filesz = ~0ULL; P(&m, last)->p_memsz = ~0ULL);
	MUTATE(ls, "vaddr+memsz wraps", -EINVAL, "segment past the end of the address space",
	       P(&m, last)->p_memsz = ~0ULL - P(&m, last)->p_vaddr + 2);
	MUTATE(ls, "memsz ~0", -EINVAL, "segment past the end of the address space",
	       P(&m, last)->p_memsz = ~0ULL);
	MUTATE(ls, "end past 2^47", -EINVAL, "segment past the end of the address space",
	       P(&m, last)->p_vaddr = ELF_USER_TOP - PG + (P(&m, last)->p_offset % PG);
	       P(&m, last)->p_memsz = 2 * PG);
	MUTATE(ls, "end at 2^47 (ET_DYN span too big)", -EINVAL, "ET_DYN span larger than 1 TiB",
	       P(&m, last)->p_vaddr = ELF_USER_TOP - 3 * PG + (P(&m, last)->p_offset % PG);
	       P(&m, last)->p_memsz = 2 * PG);
	MUTATE(ls, "kernel address", -EINVAL, "segment past the end of the address space",
	       P(&m, last)->p_vaddr = 0xffffffff80000000ULL + (P(&m, last)->p_offset % PG));
	MUTATE(ls, "span > 1 TiB", -EINVAL, "ET_DYN span larger than 1 TiB",
	       P(&m, last)->p_vaddr += 1ULL << 41);
	/* Move the last PT_LOAD up, with the segments inside it. */
	uint64_t up = (1ULL << 40) - 0x30000;
	MUTATE(ls, "span just under 1 TiB", 0, NULL,
	       P(&m, last)->p_vaddr += up; P(&m, nth(&m, PT_DYNAMIC, 0))->p_vaddr += up;
	       P(&m, nth(&m, PT_GNU_RELRO, 0))->p_vaddr += up);
	MUTATE(ls, "incongruent", -EINVAL, "p_offset and p_vaddr not congruent modulo the page size",
	       P(&m, l1)->p_vaddr += 1);
	MUTATE(ls, "incongruent offset", -EINVAL,
	       "p_offset and p_vaddr not congruent modulo the page size", P(&m, last)->p_offset -= 8);
	MUTATE(ls, "p_align 3", -EINVAL, "PT_LOAD p_align is not a power of two",
	       P(&m, l1)->p_align = 3);
	MUTATE(ls, "p_align 0", 0, NULL, P(&m, l1)->p_align = 0);
	MUTATE(ls, "p_align 2 MiB", 0, NULL, P(&m, l1)->p_align = 0x200000);
	MUTATE(ls, "overlap", -EINVAL, "PT_LOAD segments overlap",
	       P(&m, l1)->p_vaddr = P(&m, l0)->p_vaddr + P(&m, l0)->p_memsz - 1 -
				    ((P(&m, l0)->p_memsz - 1 - P(&m, l1)->p_offset) % PG));
	MUTATE(ls, "same vaddr", -EINVAL, "PT_LOAD segments overlap",
	       P(&m, l1)->p_vaddr = P(&m, l0)->p_vaddr; P(&m, l1)->p_offset = P(&m, l0)->p_offset);
	MUTATE(ls, "unsorted", -EINVAL, "PT_LOAD segments not sorted by p_vaddr",
	       Elf64_Phdr t = *P(&m, l1); *P(&m, l1) = *P(&m, l2); *P(&m, l2) = t);
	MUTATE(ls, "unsorted last", -EINVAL, "PT_LOAD segments not sorted by p_vaddr",
	       Elf64_Phdr t = *P(&m, l0); *P(&m, l0) = *P(&m, last); *P(&m, last) = t);
	MUTATE(ls, "no PT_LOAD", -EINVAL, "no PT_LOAD segment",
	       for (int i = 0; i < E(&m)->e_phnum; i++) if (P(&m, i)->p_type == PT_LOAD)
		       P(&m, i)->p_type = PT_NULL);
	MUTATE(ls, "empty PT_LOAD ok", 0, NULL,
	       P(&m, last)->p_filesz = 0; P(&m, last)->p_memsz = 0;
	       P(&m, nth(&m, PT_DYNAMIC, 0))->p_type = PT_NULL;
	       P(&m, nth(&m, PT_GNU_RELRO, 0))->p_type = PT_NULL);

	/* ET_EXEC rules, on the static binary (text at 0x401000, entry in it). */
	int s0 = nth(st, PT_LOAD, 0), s1 = nth(st, PT_LOAD, 1);
	MUTATE(st, "ET_EXEC below 64 KiB", -EINVAL, "ET_EXEC segment below 64 KiB",
	       P(&m, s0)->p_vaddr = 0xf000);
	MUTATE(st, "ET_EXEC at 64 KiB", 0, NULL, P(&m, s0)->p_vaddr = 0x10000);
	MUTATE(st, "ET_EXEC at 0", -EINVAL, "ET_EXEC segment below 64 KiB", P(&m, s0)->p_vaddr = 0);
	/*
	 * Page sharing is legal: move text down so that it starts in the page
	 * where the first PT_LOAD ends, without sharing a byte.
	 */
	uint64_t end0 = P(st, s0)->p_vaddr + P(st, s0)->p_memsz;
	CHECK(end0 % PG != 0 && end0 / PG == P(st, s0)->p_vaddr / PG);
	MUTATE(st, "page sharing ok", 0, NULL,
	       P(&m, s1)->p_vaddr = end0; P(&m, s1)->p_offset = end0 % PG;
	       E(&m)->e_entry = end0 + 16);
	MUTATE(st, "one shared byte", -EINVAL, "PT_LOAD segments overlap",
	       P(&m, s1)->p_vaddr = end0 - 1; P(&m, s1)->p_offset = (end0 - 1) % PG;
	       E(&m)->e_entry = end0 + 16);
}

static void test_entry(struct file *ls, struct file *st)
{
	int l0 = nth(ls, PT_LOAD, 0), l1 = nth(ls, PT_LOAD, 1), l2 = nth(ls, PT_LOAD, 2);
	const char *why = "entry point outside every executable segment";

	MUTATE(ls, "entry in R segment", -EINVAL, why, E(&m)->e_entry = P(&m, l0)->p_vaddr + 0x10);
	MUTATE(ls, "entry in rodata", -EINVAL, why, E(&m)->e_entry = P(&m, l2)->p_vaddr);
	MUTATE(ls, "entry one past text", -EINVAL, why,
	       E(&m)->e_entry = P(&m, l1)->p_vaddr + P(&m, l1)->p_memsz);
	MUTATE(ls, "entry last byte of text", 0, NULL,
	       E(&m)->e_entry = P(&m, l1)->p_vaddr + P(&m, l1)->p_memsz - 1);
	MUTATE(ls, "entry ~0", -EINVAL, why, E(&m)->e_entry = ~0ULL);
	MUTATE(ls, "text not executable", -EINVAL, why, P(&m, l1)->p_flags &= ~PF_X);
	/* ET_DYN with e_entry 0 is a library without an entry point. */
	MUTATE(ls, "ET_DYN entry 0", 0, NULL, E(&m)->e_entry = 0);
	MUTATE(st, "ET_EXEC entry 0", -EINVAL, why, E(&m)->e_entry = 0);
}

static void test_interp(struct file *ls)
{
	int ii = nth(ls, PT_INTERP, 0), note = nth(ls, PT_NOTE, 0);

	CHECK(ii >= 0 && note >= 0);
	MUTATE(ls, "interp unterminated", -EINVAL, "PT_INTERP string not NUL-terminated",
	       m.buf[P(&m, ii)->p_offset + P(&m, ii)->p_filesz - 1] = 'x');
	MUTATE(ls, "interp shortened", -EINVAL, "PT_INTERP string not NUL-terminated",
	       P(&m, ii)->p_filesz -= 1);
	MUTATE(ls, "interp empty", -EINVAL, "empty PT_INTERP string", m.buf[P(&m, ii)->p_offset] = 0);
	MUTATE(ls, "interp size 1", -EINVAL, "empty PT_INTERP string", P(&m, ii)->p_filesz = 1);
	MUTATE(ls, "interp size 0", -EINVAL, "empty PT_INTERP string", P(&m, ii)->p_filesz = 0);
	MUTATE(ls, "interp > PATH_MAX", -EINVAL, "PT_INTERP string longer than PATH_MAX",
	       P(&m, ii)->p_filesz = 4097);
	MUTATE(ls, "interp past EOF", -EINVAL, "segment extends past the end of the file",
	       P(&m, ii)->p_offset = m.len - 4);
	MUTATE(ls, "interp offset wraps", -EINVAL, "segment extends past the end of the file",
	       P(&m, ii)->p_offset = ~0ULL - 4);
	MUTATE(ls, "two PT_INTERP", -EINVAL, "more than one PT_INTERP", *P(&m, note) = *P(&m, ii));
	/* An embedded NUL just ends the string early, as on Linux. */
	MUTATE(ls, "interp embedded NUL", 0, NULL, m.buf[P(&m, ii)->p_offset + 5] = 0);

	/* Interp string beyond the bytes read but inside the file. */
	struct elf_image img;
	const char *why = NULL;
	size_t n = P(ls, ii)->p_offset + 4;
	CHECK(elf_parse(ls->buf, n, ls->len, &img, &why) == -EINVAL &&
	      strcmp(why, "PT_INTERP string extends past the bytes read") == 0);
}

static void test_other_segments(struct file *ls, struct file *st)
{
	int tls = nth(st, PT_TLS, 0), note = nth(st, PT_NOTE, 0);
	int dyn = nth(ls, PT_DYNAMIC, 0), phdr = nth(ls, PT_PHDR, 0);
	int relro = nth(ls, PT_GNU_RELRO, 0), lnote = nth(ls, PT_NOTE, 0);
	int stack = nth(ls, PT_GNU_STACK, 0);

	CHECK(tls >= 0 && note >= 0 && dyn >= 0 && phdr >= 0 && relro >= 0 && stack >= 0);
	MUTATE(st, "tls filesz > memsz", -EINVAL, "segment file size larger than memory size",
	       P(&m, tls)->p_filesz = P(&m, tls)->p_memsz + 1);
	MUTATE(st, "tls align 3", -EINVAL, "PT_TLS p_align is not a power of two",
	       P(&m, tls)->p_align = 3);
	MUTATE(st, "tls align 2 MiB", -EINVAL, "PT_TLS p_align larger than 1 MiB",
	       P(&m, tls)->p_align = 2 << 20);
	MUTATE(st, "tls align 0", 0, NULL, P(&m, tls)->p_align = 0);
	MUTATE(st, "tls 2 GiB", -EINVAL, "PT_TLS larger than 1 GiB", P(&m, tls)->p_memsz = 2ULL << 30);
	MUTATE(st, "tls outside", -EINVAL, "PT_TLS initialization image outside every PT_LOAD",
	       P(&m, tls)->p_vaddr = 0x100000);
	MUTATE(st, "tls vaddr wraps", -EINVAL, "PT_TLS initialization image outside every PT_LOAD",
	       P(&m, tls)->p_vaddr = ~0ULL - 2);
	MUTATE(st, "tls tbss only, anywhere", 0, NULL,
	       P(&m, tls)->p_filesz = 0; P(&m, tls)->p_vaddr = 0x100000);
	MUTATE(st, "two PT_TLS", -EINVAL, "more than one PT_TLS", *P(&m, note) = *P(&m, tls));
	MUTATE(st, "note past EOF", -EINVAL, "segment extends past the end of the file",
	       P(&m, note)->p_offset = m.len);

	MUTATE(ls, "dynamic size 17", -EINVAL, "PT_DYNAMIC size not a multiple of sizeof(Elf64_Dyn)",
	       P(&m, dyn)->p_filesz = 17);
	MUTATE(ls, "dynamic outside", -EINVAL, "PT_DYNAMIC outside every PT_LOAD",
	       P(&m, dyn)->p_vaddr = 0x10000000);
	MUTATE(ls, "dynamic straddles end", -EINVAL, "PT_DYNAMIC outside every PT_LOAD",
	       P(&m, dyn)->p_memsz = 0x100000);
	MUTATE(ls, "two PT_DYNAMIC", -EINVAL, "more than one PT_DYNAMIC", *P(&m, lnote) = *P(&m, dyn));
	MUTATE(ls, "relro outside", -EINVAL, "PT_GNU_RELRO outside every PT_LOAD",
	       P(&m, relro)->p_vaddr = 0x10000000);
	MUTATE(ls, "two relro", -EINVAL, "more than one PT_GNU_RELRO", *P(&m, lnote) = *P(&m, relro));
	MUTATE(ls, "phdr small", -EINVAL, "PT_PHDR smaller than the program header table",
	       P(&m, phdr)->p_memsz = 56);
	MUTATE(ls, "phdr outside", -EINVAL, "PT_PHDR outside every PT_LOAD",
	       P(&m, phdr)->p_vaddr = 0x10000000);
	MUTATE(ls, "two PT_PHDR", -EINVAL, "more than one PT_PHDR", *P(&m, lnote) = *P(&m, phdr));

	/* Flags and values the launcher reads. */
	struct elf_image img;
	struct file m = clone(ls);
	P(&m, stack)->p_flags |= PF_X;
	P(&m, stack)->p_memsz = 8 << 20;
	CHECK(elf_parse(m.buf, m.len, m.len, &img, NULL) == 0 && img.has_gnu_stack &&
	      img.has_gnu_stack_exec && img.stack_size == 8 << 20);
	P(&m, stack)->p_type = PT_NULL;
	CHECK(elf_parse(m.buf, m.len, m.len, &img, NULL) == 0 && !img.has_gnu_stack &&
	      !img.has_gnu_stack_exec && img.stack_size == 0);
	/* Without PT_PHDR, AT_PHDR comes from the PT_LOAD covering e_phoff. */
	P(&m, phdr)->p_type = PT_NULL;
	CHECK(elf_parse(m.buf, m.len, m.len, &img, NULL) == 0 && img.phdr_seg == NULL &&
	      img.phdr_mapped && img.phdr_vaddr == E(&m)->e_phoff);
	/* ... and if none covers them, phdr_mapped says so. */
	int l0 = nth(&m, PT_LOAD, 0);
	P(&m, l0)->p_offset += PG;
	P(&m, l0)->p_vaddr += PG;
	P(&m, l0)->p_filesz -= PG;
	P(&m, l0)->p_memsz -= PG;
	int r = elf_parse(m.buf, m.len, m.len, &img, NULL);
	CHECK(r == 0 && !img.phdr_mapped && img.phdr_vaddr == 0 && img.lo == PG);
	free(m.buf);

	m = clone(st);
	P(&m, nth(&m, PT_LOAD, 1))->p_align = 1ULL << 40;
	CHECK(elf_parse(m.buf, m.len, m.len, &img, NULL) == 0 && img.load_align == ELF_MAX_LOAD_ALIGN);
	free(m.buf);
}

/* ---- 3. fuzzing ------------------------------------------------------- */

static uint64_t rng_state = 0x6b65656c2d656c66ULL; /* "keel-elf" */

static uint64_t rnd(void)
{
	uint64_t x = rng_state;
	x ^= x << 13;
	x ^= x >> 7;
	x ^= x << 17;
	return rng_state = x;
}

/* The guarantees of elf.h, re-derived with 128-bit sums. Return: NULL or the broken one. */
static const char *broken_guarantee(const struct file *f, size_t len, const struct elf_image *img)
{
	const unsigned char *b = f->buf;
	u128 prev_end = 0;
	uint64_t prev_vaddr = 0;
	unsigned nload = 0;
	bool entry_ok = img->type == ET_DYN && img->entry == 0;

	if (img->type != ET_EXEC && img->type != ET_DYN)
		return "type";
	if (img->phnum < 1 || img->phnum > ELF_MAX_PHNUM || (const unsigned char *)img->ph < b ||
	    (const unsigned char *)(img->ph + img->phnum) > b + len)
		return "ph inside buffer";
	if (img->lo % PG || img->hi % PG || img->lo > img->hi)
		return "span alignment";
	if (img->type == ET_EXEC && img->lo < ELF_EXEC_MIN)
		return "ET_EXEC lo";
	if (img->type == ET_DYN && img->hi - img->lo > ELF_DYN_MAX_SPAN)
		return "ET_DYN span";
	for (unsigned i = 0; i < img->phnum; i++) {
		const Elf64_Phdr *p = &img->ph[i];
		if (p->p_type != PT_NULL && (u128)p->p_offset + p->p_filesz > f->len)
			return "file range";
		if (p->p_type != PT_LOAD)
			continue;
		u128 end = (u128)p->p_vaddr + p->p_memsz;
		if (p->p_filesz > p->p_memsz)
			return "filesz <= memsz";
		if ((p->p_offset - p->p_vaddr) % PG)
			return "congruence";
		if (end > ELF_USER_TOP)
			return "below 2^47";
		if (p->p_vaddr < img->lo || end > img->hi)
			return "span covers";
		if (nload && (p->p_vaddr < prev_vaddr || p->p_vaddr < prev_end))
			return "sorted, no overlap";
		if (end > prev_end)
			prev_end = end;
		prev_vaddr = p->p_vaddr;
		nload++;
		if ((p->p_flags & PF_X) && img->entry >= p->p_vaddr && img->entry < end)
			entry_ok = true;
	}
	if (nload != img->nload || nload == 0)
		return "nload";
	if (!entry_ok)
		return "entry";
	if (img->interp) {
		const unsigned char *s = (const unsigned char *)img->interp;
		if (s < b || s >= b + len || !memchr(s, 0, b + len - s) || !*s)
			return "interp";
	}
	if (img->tls && (img->tls->p_filesz > img->tls->p_memsz ||
			 img->tls->p_memsz > ELF_MAX_TLS_SIZE || img->tls->p_align > ELF_MAX_TLS_ALIGN ||
			 (img->tls->p_align & (img->tls->p_align - 1))))
		return "tls";
	if (img->load_align < PG || img->load_align > ELF_MAX_LOAD_ALIGN)
		return "load_align";
	return NULL;
}

static const uint64_t interesting[] = {
	0, 1, 7, 8, 56, 64, 0xfff, 0x1000, 0x10000, 0x400000, 1ULL << 40, (1ULL << 40) + 1,
	ELF_USER_TOP - 0x1000, ELF_USER_TOP, 1ULL << 63, ~0ULL, ~0ULL - 0xfff, 0x7fffffff,
	0x80000000, 0xffffffff,
};
static const uint32_t types[] = {
	PT_NULL, PT_LOAD, PT_DYNAMIC, PT_INTERP, PT_NOTE, PT_PHDR, PT_TLS,
	PT_GNU_STACK, PT_GNU_RELRO, PT_GNU_EH_FRAME, 0x12345678,
};
#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

static void mutate_once(struct file *w, size_t region)
{
	unsigned phnum = E(w)->e_phnum <= 64 ? E(w)->e_phnum : 64;
	size_t off = rnd() % region;
	uint64_t v, phoff = E(w)->e_phoff;
	/* Whether the (possibly mutated) table is where this function may touch it. */
	bool table = phnum && phoff % 8 == 0 && phoff <= region && phnum * 56ULL <= region - phoff;

	switch (rnd() % 7) {
	case 0: /* flip one bit */
		w->buf[off] ^= 1u << (rnd() % 8);
		break;
	case 1: /* a random byte */
		w->buf[off] = rnd();
		break;
	case 2: /* an interesting 64-bit value at an aligned offset */
		v = rnd() % 3 ? interesting[rnd() % NELEM(interesting)] : w->len + rnd() % 17 - 8;
		off &= ~7UL;
		if (off + 8 <= region)
			memcpy(w->buf + off, &v, 8);
		break;
	case 3: { /* an interesting value in an ELF header half-word */
		static const uint16_t halves[] = { 0, 1, 2, 3, 4, 55, 56, 57, 128, 129, 0xffff };
		uint16_t h = halves[rnd() % NELEM(halves)];
		memcpy(w->buf + 0x10 + 2 * (rnd() % 24), &h, 2);
		break;
	}
	case 4: /* retype a program header */
		if (table)
			P(w, rnd() % phnum)->p_type = types[rnd() % NELEM(types)];
		break;
	case 5: /* duplicate one program header over another */
		if (table)
			*P(w, rnd() % phnum) = *P(w, rnd() % phnum);
		break;
	case 6: /* nudge a program header field */
		if (table) {
			static const int64_t d[] = { 1, -1, 8, -8, 0x1000, -0x1000, 1LL << 40 };
			uint64_t *field = (uint64_t *)P(w, rnd() % phnum) + 1 + rnd() % 6;
			*field += d[rnd() % NELEM(d)];
		}
		break;
	}
}

static void fuzz(const struct file *base, int iterations)
{
	struct file w = clone(base);
	Elf64_Ehdr *eh = E(&w);
	size_t region = eh->e_phoff + eh->e_phnum * sizeof(Elf64_Phdr) + 256;
	int ii = nth(&w, PT_INTERP, 0);
	if (ii >= 0 && P(&w, ii)->p_offset + P(&w, ii)->p_filesz + 64 > region)
		region = P(&w, ii)->p_offset + P(&w, ii)->p_filesz + 64;
	if (region > w.len)
		region = w.len;

	int accepted = 0, broken = 0;
	for (int it = 0; it < iterations; it++) {
		memcpy(w.buf, base->buf, region);
		int n = 1 + rnd() % 6;
		for (int k = 0; k < n; k++)
			mutate_once(&w, region);
		size_t len = rnd() % 8 ? w.len : rnd() % (region + 1);

		struct elf_image img;
		const char *why = NULL;
		int r = elf_parse(w.buf, len, w.len, &img, &why);
		uint64_t need = elf_header_bytes(w.buf, len);
		if (need < sizeof(Elf64_Ehdr))
			broken++;
		if (r == 0) {
			accepted++;
			const char *b = broken_guarantee(&w, len, &img);
			if (b) {
				if (broken++ < 5)
					fprintf(stderr, "  fuzz %s #%d: accepted but breaks \"%s\"\n",
						base->name, it, b);
			}
		} else if ((r != -EINVAL && r != -ENOEXEC) || !why || !*why) {
			if (broken++ < 5)
				fprintf(stderr, "  fuzz %s #%d: bad error %d\n", base->name, it, r);
		}
	}
	printf("  fuzz: %s: %d iterations, %d accepted, %d rejected\n", base->name, iterations,
	       accepted, iterations - accepted);
	CHECK(broken == 0);
	CHECK(accepted > 0 && accepted < iterations); /* the mutations reach both sides */
	free(w.buf);
}

int main(void)
{
	struct file ls, st, spie, musl;

	test_real();
	if (!load("/bin/ls", &ls) || !load("build/host/elf-hello-static", &st) ||
	    !load("build/host/elf-hello-static-pie", &spie)) {
		fprintf(stderr, "test_parse: cannot read the test binaries (run from the repo root)\n");
		CHECK(!"inputs");
		return TEST_END();
	}
	test_ident(&ls);
	test_ehdr(&ls);
	test_truncation(&ls);
	test_load(&ls, &st);
	test_entry(&ls, &st);
	test_interp(&ls);
	test_other_segments(&ls, &st);

	fuzz(&ls, 20000);
	fuzz(&st, 20000);
	fuzz(&spie, 20000);
	if (load("build/host/elf-hello-musl", &musl)) {
		fuzz(&musl, 20000);
		free(musl.buf);
	}
	free(ls.buf);
	free(st.buf);
	free(spie.buf);
	return TEST_END();
}
