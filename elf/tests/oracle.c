/*
 * oracle.c - read an executable's headers with elfutils' libelf, an
 * implementation independent of elf/parse.c, so test_parse.c can check that
 * both agree on real binaries. Only for well-formed files: the malformed
 * cases are test_parse.c's own.
 */
#include <fcntl.h>
#include <gelf.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "oracle.h"

int oracle_read(const char *path, struct oracle *o)
{
	memset(o, 0, sizeof(*o));
	elf_version(EV_CURRENT);
	int fd = open(path, O_RDONLY);
	if (fd < 0) {
		perror(path);
		return -1;
	}
	Elf *e = elf_begin(fd, ELF_C_READ, NULL);
	GElf_Ehdr eh;
	size_t phnum, size;
	int ret = -1;

	if (!e || !gelf_getehdr(e, &eh) || elf_getphdrnum(e, &phnum)) {
		fprintf(stderr, "%s: libelf: %s\n", path, elf_errmsg(-1));
		goto out;
	}
	const char *raw = elf_rawfile(e, &size);
	o->type = eh.e_type;
	o->entry = eh.e_entry;
	o->phnum = phnum;
	o->lo = UINT64_MAX;
	for (size_t i = 0; i < phnum; i++) {
		GElf_Phdr p;
		if (!gelf_getphdr(e, i, &p))
			goto out;
		switch (p.p_type) {
		case PT_LOAD:
			if ((p.p_vaddr & ~0xfffULL) < o->lo)
				o->lo = p.p_vaddr & ~0xfffULL;
			if (((p.p_vaddr + p.p_memsz + 0xfff) & ~0xfffULL) > o->hi)
				o->hi = (p.p_vaddr + p.p_memsz + 0xfff) & ~0xfffULL;
			o->nload++;
			break;
		case PT_INTERP:
			if (p.p_filesz < sizeof(o->interp) && p.p_offset + p.p_filesz <= size)
				memcpy(o->interp, raw + p.p_offset, p.p_filesz);
			break;
		case PT_TLS:
			o->has_tls = true;
			o->tls_vaddr = p.p_vaddr;
			o->tls_filesz = p.p_filesz;
			o->tls_memsz = p.p_memsz;
			o->tls_align = p.p_align;
			break;
		case PT_DYNAMIC:
			o->has_dynamic = true;
			break;
		case PT_PHDR:
			o->has_phdr = true;
			o->phdr_vaddr = p.p_vaddr;
			break;
		case PT_GNU_STACK:
			o->stack_exec = (p.p_flags & PF_X) != 0;
			break;
		}
	}
	if (!o->has_phdr) {
		for (size_t i = 0; i < phnum; i++) {
			GElf_Phdr p;
			gelf_getphdr(e, i, &p);
			if (p.p_type == PT_LOAD && eh.e_phoff >= p.p_offset &&
			    eh.e_phoff + phnum * sizeof(Elf64_Phdr) <= p.p_offset + p.p_filesz) {
				o->phdr_vaddr = p.p_vaddr + eh.e_phoff - p.p_offset;
				break;
			}
		}
	}
	ret = 0;
out:
	if (e)
		elf_end(e);
	close(fd);
	return ret;
}
