/*
 * proc_cpuinfo.c - /proc/cpuinfo describes each online CPU: one
 * "processor" line per CPU (as many as sysconf(_SC_NPROCESSORS_ONLN),
 * numbered from 0), each with "vendor_id", "flags" (which name "fpu")
 * and "model name" lines.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "compat.h"

int main(void)
{
	FILE *f = fopen("/proc/cpuinfo", "r");
	CHECK(f != NULL, "fopen");
	char line[8192];
	int processors = 0, vendor = 0, flags = 0, model = 0, fpu = 0, numbered = 1;
	while (f && fgets(line, sizeof line, f)) {
		int n;
		if (sscanf(line, "processor : %d", &n) == 1 || sscanf(line, "processor\t: %d", &n) == 1) {
			if (n != processors)
				numbered = 0;
			processors++;
		} else if (strncmp(line, "vendor_id", 9) == 0) {
			vendor++;
		} else if (strncmp(line, "model name", 10) == 0) {
			model++;
		} else if (strncmp(line, "flags", 5) == 0) {
			flags++;
			if (strstr(line, " fpu "))
				fpu++;
		}
	}
	if (f)
		fclose(f);
	long online = sysconf(_SC_NPROCESSORS_ONLN);
	printf("processors >= 1: %s\n", processors >= 1 ? "yes" : "no");
	printf("processors == online CPUs: %s\n", processors == online ? "yes" : "no");
	printf("numbered from 0: %s\n", numbered ? "yes" : "no");
	printf("vendor_id, model name, flags per CPU: %s %s %s\n", vendor == processors ? "yes" : "no",
	       model == processors ? "yes" : "no", flags == processors ? "yes" : "no");
	printf("flags name fpu: %s\n", fpu == processors ? "yes" : "no");
	return compat_done();
}
