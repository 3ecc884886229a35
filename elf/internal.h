/*
 * elf/internal.h - helpers shared by the linker's files (dyn.c, version.c,
 * symbols.c, reloc.c) and not part of elf/'s interface.
 */
#ifndef KEEL_ELF_INTERNAL_H
#define KEEL_ELF_INTERNAL_H
#include "elf.h"

/* version.c */

/* Walk @d's DT_VERDEF/DT_VERNEED records and DT_VERSYM; elf_dyn_parse() calls it. */
int elf_ver_check(struct elf_dso *d, struct elf_err *err);
/* The name of @d's verdef with vd_ndx == @ndx, or NULL. */
const char *elf_verdef_name(const struct elf_dso *d, unsigned ndx);
/* The name of @d's vernaux with vna_other == @ndx and its vn_file in *@file, or NULL. */
const char *elf_verneed_name(const struct elf_dso *d, unsigned ndx, const char **file);

/* symbols.c */

/* Fill @out for symbol @idx (< nsyms) of @d, whatever its binding. */
void elf_symdef_set(struct elf_symdef *out, struct elf_dso *d, uint32_t idx);

/* klibc.c: the kernel's libc as a lookup-scope object (linked mode) */

/* Return: the object (built at the first call), or NULL when out of memory. */
struct elf_dso *klibc_dso(void);
/* The glibc layer's overrides as their glibc names, searched first for glibc programs. */
struct elf_dso *klibc_glibc_dso(void);
/* Point the kernel's musl at @to for variable @def (a program's COPY). Return: GOT slots changed. */
int klibc_redirect(const struct elf_symdef *def, uint64_t to);

#endif
