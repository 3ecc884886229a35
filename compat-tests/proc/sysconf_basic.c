/*
 * sysconf_basic.c - sysconf values a program sizes itself by: at least
 * one online CPU and no more online than configured, 4096-byte pages,
 * 100 clock ticks a second, _SC_OPEN_MAX equal to RLIMIT_NOFILE's soft
 * limit (and following it when lowered), physical pages > 0.
 */
#include <sys/resource.h>
#include <unistd.h>
#include "compat.h"

int main(void)
{
	long on = sysconf(_SC_NPROCESSORS_ONLN), conf = sysconf(_SC_NPROCESSORS_CONF);
	printf("online >= 1: %s\n", on >= 1 ? "yes" : "no");
	printf("configured >= online: %s\n", conf >= on ? "yes" : "no");
	printf("_SC_PAGESIZE: %ld\n", sysconf(_SC_PAGESIZE));
	printf("getpagesize: %d\n", getpagesize());
	printf("_SC_CLK_TCK: %ld\n", sysconf(_SC_CLK_TCK));
	printf("_SC_PHYS_PAGES > 0: %s\n", sysconf(_SC_PHYS_PAGES) > 0 ? "yes" : "no");
	struct rlimit rl;
	CHECK_OK(getrlimit(RLIMIT_NOFILE, &rl));
	printf("_SC_OPEN_MAX == soft RLIMIT_NOFILE: %s\n", sysconf(_SC_OPEN_MAX) == (long)rl.rlim_cur ? "yes" : "no");
	rl.rlim_cur = 77;
	CHECK_OK(setrlimit(RLIMIT_NOFILE, &rl));
	printf("after lowering: _SC_OPEN_MAX %ld\n", sysconf(_SC_OPEN_MAX));
	return compat_done();
}
