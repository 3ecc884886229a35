/*
 * vdso.c - keel's vDSO: the shared object every program finds through
 * AT_SYSINFO_EHDR, exporting the calls libcs look for there
 * (__vdso_clock_gettime, __vdso_gettimeofday, __vdso_time, __vdso_getcpu
 * and their plain names, version LINUX_2.6).
 *
 * Program code runs in ring 0 in keel's single address space, so these
 * functions do not read a shared clock page the way Linux's do: they call
 * the kernel's own sys_* functions directly, through a table of pointers
 * the kernel writes into the "vvar" page mapped just below this object
 * (elf/vdso.c). A vDSO clock_gettime is therefore a pair of indirect calls,
 * with no trap. This file is built as a standalone -shared object and
 * embedded in the kernel image; it includes nothing of the kernel's.
 */
struct vdso_table {
	long (*clock_gettime)(long clk, void *ts);
	long (*gettimeofday)(void *tv, void *tz);
	long (*time)(long *t);
	long (*getcpu)(unsigned *cpu, unsigned *node, void *cache);
};

extern const char __ehdr_start[] __attribute__((visibility("hidden")));

static const struct vdso_table *table(void)
{
	return (const struct vdso_table *)((unsigned long)__ehdr_start - 4096);
}

long __vdso_clock_gettime(long clk, void *ts)
{
	return table()->clock_gettime(clk, ts);
}

long __vdso_gettimeofday(void *tv, void *tz)
{
	return table()->gettimeofday(tv, tz);
}

long __vdso_time(long *t)
{
	return table()->time(t);
}

long __vdso_getcpu(unsigned *cpu, unsigned *node, void *cache)
{
	return table()->getcpu(cpu, node, cache);
}

long clock_gettime(long, void *) __attribute__((weak, alias("__vdso_clock_gettime")));
long gettimeofday(void *, void *) __attribute__((weak, alias("__vdso_gettimeofday")));
long time(long *) __attribute__((weak, alias("__vdso_time")));
long getcpu(unsigned *, unsigned *, void *) __attribute__((weak, alias("__vdso_getcpu")));
