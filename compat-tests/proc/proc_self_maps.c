/*
 * proc_self_maps.c - /proc/self/maps lists the program's mappings: an
 * executable (r-xp) line whose path is the program (the target of
 * /proc/self/exe) and contains the address of main, a [stack] line
 * containing a local variable, a [vdso] line, and an anonymous mapping
 * the program made, with its exact bounds and permissions.
 */
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include "compat.h"

int main(void)
{
	char exe[PATH_MAX + 1];
	ssize_t n = readlink("/proc/self/exe", exe, PATH_MAX);
	CHECK(n > 0, "readlink");
	exe[n > 0 ? n : 0] = 0;
	char *anon = mmap(NULL, 3 * 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK(anon != MAP_FAILED, "mmap");
	int local = 0;
	uintptr_t pmain = (uintptr_t)(void *)main, plocal = (uintptr_t)&local, panon = (uintptr_t)anon;

	FILE *f = fopen("/proc/self/maps", "r");
	CHECK(f != NULL, "fopen");
	char line[PATH_MAX + 256];
	int exe_text = 0, exe_main = 0, stack = 0, vdso = 0, anon_exact = 0, lines = 0, well_formed = 1;
	while (f && fgets(line, sizeof line, f)) {
		unsigned long lo, hi, off;
		char perms[5], dev[16], path[PATH_MAX + 1] = "";
		unsigned long ino;
		lines++;
		int k = sscanf(line, "%lx-%lx %4s %lx %15s %lu %4096[^\n]", &lo, &hi, perms, &off, dev, &ino, path);
		if (k < 6 || lo >= hi) {
			well_formed = 0;
			continue;
		}
		char *p = path + strspn(path, " ");
		if (strcmp(p, exe) == 0 && strcmp(perms, "r-xp") == 0) {
			exe_text = 1;
			if (pmain >= lo && pmain < hi)
				exe_main = 1;
		}
		if (strcmp(p, "[stack]") == 0 && plocal >= lo && plocal < hi)
			stack = 1;
		if (strcmp(p, "[vdso]") == 0)
			vdso = 1;
		if (lo == panon && hi == panon + 3 * 4096 && strcmp(perms, "r--p") == 0 && !*p && ino == 0)
			anon_exact = 1;
	}
	if (f)
		fclose(f);
	printf("every line well formed: %s\n", lines > 0 && well_formed ? "yes" : "no");
	printf("r-xp line of the program: %s\n", exe_text ? "yes" : "no");
	printf("  it contains main: %s\n", exe_main ? "yes" : "no");
	printf("[stack] contains a local: %s\n", stack ? "yes" : "no");
	printf("[vdso] present: %s\n", vdso ? "yes" : "no");
	printf("anonymous r--p mapping with exact bounds: %s\n", anon_exact ? "yes" : "no");
	return compat_done();
}
