/*
 * proc_meminfo.c - /proc/meminfo: "MemTotal:", "MemFree:" and
 * "MemAvailable:" lines in kB, with 0 < MemFree <= MemTotal and
 * MemAvailable <= MemTotal; MemTotal agrees with sysinfo's totalram to
 * within 1%.
 */
#include <stdio.h>
#include <string.h>
#include <sys/sysinfo.h>
#include "compat.h"

static long long value(const char *key, int *kb)
{
	FILE *f = fopen("/proc/meminfo", "r");
	char line[256];
	long long v = -1;
	*kb = 0;
	while (f && fgets(line, sizeof line, f)) {
		size_t l = strlen(key);
		if (strncmp(line, key, l) == 0 && line[l] == ':') {
			char unit[8] = "";
			sscanf(line + l + 1, "%lld %7s", &v, unit);
			*kb = strcmp(unit, "kB") == 0;
			break;
		}
	}
	if (f)
		fclose(f);
	return v;
}

int main(void)
{
	int kt, kf, ka;
	long long total = value("MemTotal", &kt), free = value("MemFree", &kf), avail = value("MemAvailable", &ka);
	printf("in kB: %d %d %d\n", kt, kf, ka);
	printf("MemTotal > 0: %s\n", total > 0 ? "yes" : "no");
	printf("0 < MemFree <= MemTotal: %s\n", free > 0 && free <= total ? "yes" : "no");
	printf("0 <= MemAvailable <= MemTotal: %s\n", avail >= 0 && avail <= total ? "yes" : "no");
	struct sysinfo si;
	CHECK_OK(sysinfo(&si));
	long long st = (long long)si.totalram * si.mem_unit / 1024;
	printf("agrees with sysinfo: %s\n", st > 0 && (st - total < st / 100 && total - st < st / 100) ? "yes" : "no");
	return compat_done();
}
