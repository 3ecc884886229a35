/*
 * oracle.h - what libelf says about an executable, for test_parse.c to
 * compare elf_parse() against. A separate file because libelf's <elf.h>
 * (glibc's) and <linux/elf.h> define the same typedefs differently, so one
 * translation unit cannot include both; this header uses neither.
 */
#ifndef KEEL_ELF_ORACLE_H
#define KEEL_ELF_ORACLE_H
#include <stdbool.h>
#include <stdint.h>

struct oracle {
	int type;			/* e_type */
	uint64_t entry;
	unsigned phnum;
	char interp[4096];		/* "" if no PT_INTERP */
	uint64_t lo, hi;		/* page-aligned span of the PT_LOADs */
	unsigned nload;
	bool has_tls;
	uint64_t tls_vaddr, tls_filesz, tls_memsz, tls_align;
	bool has_dynamic, has_phdr, stack_exec;
	uint64_t phdr_vaddr;		/* PT_PHDR, else from the PT_LOAD covering e_phoff */
};

/* Return: 0, or -1 with a message on stderr. */
int oracle_read(const char *path, struct oracle *o);
#endif
