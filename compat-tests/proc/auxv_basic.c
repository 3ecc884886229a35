/*
 * auxv_basic.c - the auxiliary vector: getauxval gives AT_PAGESZ 4096,
 * AT_SECURE 0, AT_UID/AT_EUID/AT_GID/AT_EGID equal to the ids, AT_RANDOM
 * pointing at 16 readable bytes, AT_PHDR at program headers whose
 * PT_PHDR/first entry is in memory, AT_EXECFN ending in the program's
 * name, AT_SYSINFO_EHDR at an ELF header; /proc/self/auxv holds the same
 * AT_PAGESZ pair and ends with AT_NULL.
 */
#include <elf.h>
#include <fcntl.h>
#include <string.h>
#include <sys/auxv.h>
#include <unistd.h>
#include "compat.h"

int main(int argc, char **argv)
{
	(void)argc;
	printf("AT_PAGESZ: %lu\n", getauxval(AT_PAGESZ));
	printf("AT_SECURE: %lu\n", getauxval(AT_SECURE));
	printf("ids match: %s\n", getauxval(AT_UID) == getuid() && getauxval(AT_EUID) == geteuid() &&
	       getauxval(AT_GID) == getgid() && getauxval(AT_EGID) == getegid() ? "yes" : "no");
	const unsigned char *rnd = (const unsigned char *)getauxval(AT_RANDOM);
	int nz = 0;
	for (int i = 0; rnd && i < 16; i++)
		nz |= rnd[i];
	printf("AT_RANDOM set, not all zero: %s\n", rnd && nz ? "yes" : "no");
	const Elf64_Phdr *ph = (const Elf64_Phdr *)getauxval(AT_PHDR);
	unsigned long phnum = getauxval(AT_PHNUM);
	int has_load = 0;
	for (unsigned long i = 0; ph && i < phnum; i++)
		has_load |= ph[i].p_type == PT_LOAD;
	printf("AT_PHDR has a PT_LOAD, AT_PHENT %lu: %s\n", getauxval(AT_PHENT), has_load ? "yes" : "no");
	const char *fn = (const char *)getauxval(AT_EXECFN);
	const char *base = strrchr(argv[0], '/') ? strrchr(argv[0], '/') + 1 : argv[0];
	size_t fl = fn ? strlen(fn) : 0, bl = strlen(base);
	printf("AT_EXECFN ends with the name: %s\n", fn && fl >= bl && strcmp(fn + fl - bl, base) == 0 ? "yes" : "no");
	const unsigned char *vdso = (const unsigned char *)getauxval(AT_SYSINFO_EHDR);
	printf("AT_SYSINFO_EHDR is an ELF header: %s\n", vdso && memcmp(vdso, ELFMAG, SELFMAG) == 0 ? "yes" : "no");
	printf("AT_HWCAP nonzero: %s\n", getauxval(AT_HWCAP) ? "yes" : "no");

	unsigned long pairs[512];
	int fd = open("/proc/self/auxv", O_RDONLY);
	CHECK_OK(fd);
	ssize_t n = read(fd, pairs, sizeof pairs);
	close(fd);
	int found = 0, ends = 0;
	for (ssize_t i = 0; i + 1 < n / 8; i += 2) {
		if (pairs[i] == AT_PAGESZ && pairs[i + 1] == 4096)
			found = 1;
		if (pairs[i] == AT_NULL) {
			ends = (i + 2) * 8 == n;
			break;
		}
	}
	printf("/proc/self/auxv: AT_PAGESZ 4096: %s, ends at AT_NULL: %s\n", found ? "yes" : "no", ends ? "yes" : "no");
	return compat_done();
}
