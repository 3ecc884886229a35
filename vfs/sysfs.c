/*
 * sysfs.c - /sys: the few files of Linux's sysfs that programs read to
 * learn about the machine.
 *
 * keel has no device model to export; /sys is a fixed tree built with
 * procfs.c's mechanism (read-only generated files, no computed entries):
 *   devices/system/cpu/online, possible, present   "0": one CPU. glibc's
 *       get_nprocs() and sysconf(_SC_NPROCESSORS_ONLN) read "online",
 *       libuv, Go and Rust count CPUs from these.
 *   devices/system/cpu/cpu0/          the one CPU's directory, which
 *       sysconf(_SC_NPROCESSORS_CONF) counts, with its topology/ (one
 *       package, one core, one thread) for lscpu and hwloc.
 *   kernel/mm/transparent_hugepage/   enabled and defrag in madvise mode,
 *       and the huge page size: jemalloc and redis read them.
 * Opening any of them for writing is -EACCES.
 *
 * Callers: vfs_init.
 */
#include "internal.h"

#define TEXT(n, t) { .name = n, .mode = S_IFREG | 0444, .text = t }
#define DIR(n, tab) { .name = n, .mode = S_IFDIR | 0755, .sub = tab }

/* one core, one thread, one package: what lscpu and hwloc count */
static const struct pnode topology_tab[] = {
	TEXT("physical_package_id", "0\n"),
	TEXT("die_id", "0\n"),
	TEXT("core_id", "0\n"),
	TEXT("core_cpus", "1\n"),
	TEXT("core_cpus_list", "0\n"),
	TEXT("thread_siblings", "1\n"),
	TEXT("thread_siblings_list", "0\n"),
	TEXT("core_siblings", "1\n"),
	TEXT("core_siblings_list", "0\n"),
	TEXT("package_cpus", "1\n"),
	TEXT("package_cpus_list", "0\n"),
	{ 0 }
};

static const struct pnode cpu0_tab[] = {
	TEXT("online", "1\n"),
	DIR("topology", topology_tab),
	{ 0 }
};

static const struct pnode cpu_tab[] = {
	TEXT("online", "0\n"),
	TEXT("possible", "0\n"),
	TEXT("present", "0\n"),
	TEXT("offline", "\n"),
	TEXT("kernel_max", "0\n"),
	DIR("cpu0", cpu0_tab),
	{ 0 }
};

static const struct pnode system_tab[] = {
	DIR("cpu", cpu_tab),
	{ 0 }
};

static const struct pnode devices_tab[] = {
	DIR("system", system_tab),
	{ 0 }
};

static const struct pnode thp_tab[] = {
	TEXT("enabled", "always [madvise] never\n"),
	TEXT("defrag", "always defer defer+madvise [madvise] never\n"),
	TEXT("hpage_pmd_size", "2097152\n"),
	{ 0 }
};

static const struct pnode mm_tab[] = {
	DIR("transparent_hugepage", thp_tab),
	{ 0 }
};

static const struct pnode kernel_tab[] = {
	DIR("mm", mm_tab),
	{ 0 }
};

static const struct pnode fs_tab[] = {
	{ 0 }
};

static const struct pnode sys_tab[] = {
	DIR("devices", devices_tab),
	DIR("kernel", kernel_tab),
	DIR("fs", fs_tab),
	{ 0 }
};

static const struct pnode sys_node = { .name = "sys", .mode = S_IFDIR | 0555, .sub = sys_tab };

int sysfs_init(void)
{
	return pseudo_mount(&sys_node);
}
