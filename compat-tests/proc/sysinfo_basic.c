/*
 * sysinfo_basic.c - sysinfo(2): uptime > 0 (Linux rounds it up), a
 * memory unit >= 1, 0 < freeram <= totalram, at least one process, load
 * averages not negative; a bad pointer fails with EFAULT.
 */
#include <sys/sysinfo.h>
#include "compat.h"

int main(void)
{
	struct sysinfo si;
	CHECK_OK(sysinfo(&si));
	printf("uptime > 0: %s\n", si.uptime > 0 ? "yes" : "no");
	printf("mem_unit >= 1: %s\n", si.mem_unit >= 1 ? "yes" : "no");
	printf("totalram > 0: %s\n", si.totalram > 0 ? "yes" : "no");
	printf("0 < freeram <= totalram: %s\n", si.freeram > 0 && si.freeram <= si.totalram ? "yes" : "no");
	printf("freeswap <= totalswap: %s\n", si.freeswap <= si.totalswap ? "yes" : "no");
	printf("procs >= 1: %s\n", si.procs >= 1 ? "yes" : "no");
	struct sysinfo *volatile unmapped = (struct sysinfo *)8;
	CHECK_ERR(sysinfo(unmapped), EFAULT);
	return compat_done();
}
