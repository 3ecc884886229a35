/* exec.h - merged into elf.h once the parser's header settles (see elf.h). */
#ifndef KEEL_EXEC_H
#define KEEL_EXEC_H
#include <stdint.h>
#include <stdbool.h>

struct elf_loaded {
	uint64_t base;   /* load bias (0 for ET_EXEC) */
	uint64_t entry;  /* entry point, relocated */
	uint64_t phdr;   /* program headers in memory, for AT_PHDR (0: see phdr_copy) */
	void *phdr_copy; /* kmalloc'd headers when no segment maps them, else NULL */
	unsigned phnum;
	uint64_t end;    /* end of the highest segment: the break starts above it */
	char interp[256];
};

/* load.c: map path's segments. Return: 0 or -errno (a message is printed). */
int elf_load(const char *path, bool is_program, struct elf_loaded *out);

/* vdso.c: map the vDSO. Return: its address for AT_SYSINFO_EHDR, or 0. */
uint64_t vdso_map(void);

/* exec.c: load the program and its interpreter, build its stack, run it. */
struct exec_args {
	int argc;
	char **argv;
	int envc;
	char **envp;
};
int exec_start(const struct exec_args *a); /* Return: -errno if it could not start */

#endif
