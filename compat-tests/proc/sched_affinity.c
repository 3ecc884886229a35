/*
 * sched_affinity.c - sched_getaffinity: the mask has at least one CPU,
 * includes the CPU the thread runs on, and counts no more than are
 * configured; the raw call returns the bytes it wrote (a multiple of
 * 8, sized by the kernel's CPU count). Setting the mask to one CPU reads back as exactly that CPU. A
 * size that is not a multiple of 8 fails with EINVAL; an empty mask with
 * EINVAL.
 */
#define _GNU_SOURCE
#include <sched.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "compat.h"

int main(void)
{
	cpu_set_t set;
	CPU_ZERO(&set);
	CHECK_OK(sched_getaffinity(0, sizeof set, &set));
	int count = CPU_COUNT(&set), cpu = sched_getcpu();
	printf("CPUs >= 1: %s\n", count >= 1 ? "yes" : "no");
	printf("<= configured: %s\n", count <= sysconf(_SC_NPROCESSORS_CONF) ? "yes" : "no");
	printf("includes current CPU: %s\n", cpu >= 0 && CPU_ISSET(cpu, &set) ? "yes" : "no");
	long n = syscall(SYS_sched_getaffinity, 0, sizeof set, &set);
	printf("raw call returns a size, a multiple of 8: %s\n", n > 0 && n % 8 == 0 ? "yes" : "no");

	cpu_set_t one;
	CPU_ZERO(&one);
	CPU_SET(cpu, &one);
	CHECK_OK(sched_setaffinity(0, sizeof one, &one));
	CHECK_OK(sched_getaffinity(0, sizeof set, &set));
	printf("after setting one CPU: count %d, the one set: %s\n", CPU_COUNT(&set), CPU_ISSET(cpu, &set) ? "yes" : "no");

	CHECK_ERR(syscall(SYS_sched_getaffinity, 0, 5, &set), EINVAL);
	cpu_set_t none;
	CPU_ZERO(&none);
	CHECK_ERR(sched_setaffinity(0, sizeof none, &none), EINVAL);
	CHECK_ERR(sched_getaffinity(0x3ffffff0, sizeof set, &set), ESRCH);
	return compat_done();
}
