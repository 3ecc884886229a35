/*
 * hello.c - boot-to-main probe: prints one line as soon as main() runs,
 * then exits 0. Built static (gcc -static), like getppid.c.
 *
 * The line carries two in-guest clocks read at the top of main():
 *   monotonic  CLOCK_MONOTONIC in ns. Its zero is the kernel's own: keel
 *              starts it at its PVH entry, Linux at its timekeeping start
 *              (early in boot, after the PVH entry and some setup).
 *   tsc        the raw time-stamp counter. Under QEMU TCG it starts near
 *              zero when the VM starts; under -icount shift=0,sleep=off it
 *              counts 1 per guest instruction, so it is the number of
 *              instructions from the first one the VM ran (firmware
 *              included) to main(), for any guest kernel alike.
 *
 * Output (parsed by tools/bench-syscall):
 *   hello: main reached: monotonic N ns, tsc M
 */
#include <stdio.h>
#include <time.h>

int main(void)
{
	unsigned int lo, hi;
	struct timespec ts;

	__asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
	clock_gettime(CLOCK_MONOTONIC, &ts);
	printf("hello: main reached: monotonic %lld ns, tsc %llu\n",
	       ts.tv_sec * 1000000000LL + ts.tv_nsec, (unsigned long long)hi << 32 | lo);
	return 0;
}
