/*
 * libdlreloc.c - data that needs load-time relocation in a library:
 * pointers to its own strings, functions and variables (R_X86_64_RELATIVE)
 * and to libc's (R_X86_64_64/GLOB_DAT).
 */
#include <string.h>

static int one(int x) { return x + 1; }
static int two(int x) { return x * 2; }

int reloc_value = 11;
const char *reloc_names[] = { "zero", "one", "two" };
int (*reloc_ops[])(int) = { one, two };
int *reloc_ptr = &reloc_value;
size_t (*reloc_strlen)(const char *) = strlen;

struct entry {
	const char *name;
	int (*fn)(int);
} reloc_table[] = { { "one", one }, { "two", two }, { 0, 0 } };
