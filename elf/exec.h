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
	uint64_t start;  /* the mapped span [start, end) */
	uint64_t end;    /* end of the highest segment: the break starts above it */
	int type;        /* ET_EXEC or ET_DYN */
	char interp[256];
};

/* load.c: map path's segments. Return: 0 or -errno (a message is printed). */
int elf_load(const char *path, bool is_program, struct elf_loaded *out);
/* The same, also describing the mapped object in *dso for the linker (dso->name = path). */
struct elf_dso;
int elf_load_dso(const char *path, bool is_program, struct elf_loaded *out, struct elf_dso *dso);

/* vdso.c: map the vDSO. Return: its address for AT_SYSINFO_EHDR, or 0. */
uint64_t vdso_map(void);

/* exec.c: load the program and its interpreter, build its stack, run it. */
enum exec_mode { EXEC_AUTO, EXEC_INTERP, EXEC_LINKED };
struct exec_args {
	int argc;
	char **argv;
	int envc;
	char **envp;
	enum exec_mode mode; /* --mode= */
	bool quiet;          /* --quiet: no "linked mode: ..." line */
};
int exec_start(const struct exec_args *a); /* Return: -errno if it could not start */

/*
 * linked.c: linked mode. Given the mapped executable (@exe, described by
 * elf_load_dso), load its DT_NEEDED libraries, bind its imports to them
 * and to the kernel's libc, lay out TLS, relocate, apply RELRO; the
 * initializers run later, from musl's start-up (the keel_libc_* hooks).
 * Return: 0 when the program is ready to start at its own entry point;
 * 1 when it cannot run linked and a->mode is EXEC_AUTO (the reason was
 * printed, nothing of the attempt is left mapped: run it in interp mode);
 * -ENOENT when forced linked mode finds symbols or libraries missing (all
 * of them were printed), another -errno for other failures.
 */
struct elf_dso;
int linked_prepare(const struct exec_args *a, const struct elf_loaded *prog, struct elf_dso *exe);

#endif
