/*
 * procfs_sys.c - the machine-wide files of /proc: cpuinfo, meminfo, stat,
 * uptime, loadavg, version, filesystems, mounts, sys/ (the sysctls
 * programs read) and keel/syscalls.
 *
 * Formats are Linux 6.1's, because programs parse them: libuv and
 * Python's os.cpu_count fallback count "processor" lines, glibc's
 * get_nprocs falls back to counting "cpuN" lines of stat, redis reads
 * overcommit_memory, the JVM reads Hugepagesize and max_map_count, and
 * systemd-style code reads random/boot_id. Values keel does not track are
 * 0 (Buffers, Cached, swap, idle time). keel runs on one CPU.
 *
 *   cpuinfo        one "processor : 0" block from CPUID: vendor, family,
 *                  model, brand string, and a flags list in Linux's order
 *                  and spelling; AVX flags only when XCR0 enables AVX state
 *                  (Linux hides them otherwise too). cpu MHz is the
 *                  calibrated TSC rate.
 *   meminfo        MemTotal/MemFree/MemAvailable from the page allocator.
 *   stat           cpu lines (all time counted as user time: no idle
 *                  accounting yet), ctxt, btime (boot time, from the
 *                  real-time clock), processes, procs_running.
 *   keel/syscalls  how many times each system call trapped: one
 *                  "name count" line per call that did, most frequent
 *                  first, then "total count". (The same counts that
 *                  --syscall-stats prints at exit.)
 *
 * Callers: procfs.c builds /proc from procfs_root_tab.
 */
#include "internal.h"
#include "proc.h"
#include "cpu.h"
#include "time.h"
#include "../syscall-trap/syscall.h"

#define KEEL_RELEASE "6.1.0-keel"     /* what uname(2) says (kernel/sys_proc.c) */
#define KEEL_VERSION "#1 keel unikernel"

/* --- cpuinfo --- */

enum { EAX, EBX, ECX, EDX };
#define NEED_AVX 1      /* XCR0 must enable SSE and AVX state */
#define NEED_AVX512 2   /* ... and the three AVX-512 components */

struct cpu_flag {
	uint32_t leaf, sub;
	uint8_t reg, bit, need;
	const char *name;
};

/* CPUID bits and their /proc/cpuinfo names, in the order Linux prints them. */
static const struct cpu_flag cpu_flags[] = {
	{ 1, 0, EDX, 0, 0, "fpu" }, { 1, 0, EDX, 1, 0, "vme" }, { 1, 0, EDX, 2, 0, "de" },
	{ 1, 0, EDX, 3, 0, "pse" }, { 1, 0, EDX, 4, 0, "tsc" }, { 1, 0, EDX, 5, 0, "msr" },
	{ 1, 0, EDX, 6, 0, "pae" }, { 1, 0, EDX, 7, 0, "mce" }, { 1, 0, EDX, 8, 0, "cx8" },
	{ 1, 0, EDX, 9, 0, "apic" }, { 1, 0, EDX, 11, 0, "sep" }, { 1, 0, EDX, 12, 0, "mtrr" },
	{ 1, 0, EDX, 13, 0, "pge" }, { 1, 0, EDX, 14, 0, "mca" }, { 1, 0, EDX, 15, 0, "cmov" },
	{ 1, 0, EDX, 16, 0, "pat" }, { 1, 0, EDX, 17, 0, "pse36" }, { 1, 0, EDX, 19, 0, "clflush" },
	{ 1, 0, EDX, 21, 0, "dts" }, { 1, 0, EDX, 22, 0, "acpi" }, { 1, 0, EDX, 23, 0, "mmx" },
	{ 1, 0, EDX, 24, 0, "fxsr" }, { 1, 0, EDX, 25, 0, "sse" }, { 1, 0, EDX, 26, 0, "sse2" },
	{ 1, 0, EDX, 27, 0, "ss" }, { 1, 0, EDX, 28, 0, "ht" }, { 1, 0, EDX, 29, 0, "tm" },
	{ 1, 0, EDX, 31, 0, "pbe" },
	{ 0x80000001, 0, EDX, 11, 0, "syscall" }, { 0x80000001, 0, EDX, 20, 0, "nx" },
	{ 0x80000001, 0, EDX, 22, 0, "mmxext" }, { 0x80000001, 0, EDX, 25, 0, "fxsr_opt" },
	{ 0x80000001, 0, EDX, 26, 0, "pdpe1gb" }, { 0x80000001, 0, EDX, 27, 0, "rdtscp" },
	{ 0x80000001, 0, EDX, 29, 0, "lm" },
	{ 0x80000007, 0, EDX, 8, 0, "constant_tsc" }, { 0, 0, EAX, 32, 0, "nopl" },
	{ 0x80000007, 0, EDX, 8, 0, "nonstop_tsc" }, { 0, 0, EAX, 32, 0, "cpuid" },
	{ 1, 0, ECX, 0, 0, "pni" }, { 1, 0, ECX, 1, 0, "pclmulqdq" }, { 1, 0, ECX, 2, 0, "dtes64" },
	{ 1, 0, ECX, 3, 0, "monitor" }, { 1, 0, ECX, 4, 0, "ds_cpl" }, { 1, 0, ECX, 5, 0, "vmx" },
	{ 1, 0, ECX, 6, 0, "smx" }, { 1, 0, ECX, 7, 0, "est" }, { 1, 0, ECX, 8, 0, "tm2" },
	{ 1, 0, ECX, 9, 0, "ssse3" }, { 1, 0, ECX, 11, 0, "sdbg" },
	{ 1, 0, ECX, 12, NEED_AVX, "fma" }, { 1, 0, ECX, 13, 0, "cx16" },
	{ 1, 0, ECX, 14, 0, "xtpr" }, { 1, 0, ECX, 15, 0, "pdcm" }, { 1, 0, ECX, 17, 0, "pcid" },
	{ 1, 0, ECX, 18, 0, "dca" }, { 1, 0, ECX, 19, 0, "sse4_1" }, { 1, 0, ECX, 20, 0, "sse4_2" },
	{ 1, 0, ECX, 21, 0, "x2apic" }, { 1, 0, ECX, 22, 0, "movbe" }, { 1, 0, ECX, 23, 0, "popcnt" },
	{ 1, 0, ECX, 24, 0, "tsc_deadline_timer" }, { 1, 0, ECX, 25, 0, "aes" },
	{ 1, 0, ECX, 26, 0, "xsave" }, { 1, 0, ECX, 28, NEED_AVX, "avx" },
	{ 1, 0, ECX, 29, NEED_AVX, "f16c" }, { 1, 0, ECX, 30, 0, "rdrand" },
	{ 1, 0, ECX, 31, 0, "hypervisor" },
	{ 0x80000001, 0, ECX, 0, 0, "lahf_lm" }, { 0x80000001, 0, ECX, 1, 0, "cmp_legacy" },
	{ 0x80000001, 0, ECX, 2, 0, "svm" }, { 0x80000001, 0, ECX, 3, 0, "extapic" },
	{ 0x80000001, 0, ECX, 4, 0, "cr8_legacy" }, { 0x80000001, 0, ECX, 5, 0, "abm" },
	{ 0x80000001, 0, ECX, 6, 0, "sse4a" }, { 0x80000001, 0, ECX, 7, 0, "misalignsse" },
	{ 0x80000001, 0, ECX, 8, 0, "3dnowprefetch" }, { 0x80000001, 0, ECX, 9, 0, "osvw" },
	{ 0x80000001, 0, ECX, 11, 0, "xop" }, { 0x80000001, 0, ECX, 16, NEED_AVX, "fma4" },
	{ 0x80000001, 0, ECX, 21, 0, "tbm" }, { 0x80000001, 0, ECX, 22, 0, "topoext" },
	{ 7, 0, EBX, 0, 0, "fsgsbase" }, { 7, 0, EBX, 1, 0, "tsc_adjust" },
	{ 7, 0, EBX, 3, 0, "bmi1" }, { 7, 0, EBX, 4, 0, "hle" }, { 7, 0, EBX, 5, NEED_AVX, "avx2" },
	{ 7, 0, EBX, 7, 0, "smep" }, { 7, 0, EBX, 8, 0, "bmi2" }, { 7, 0, EBX, 9, 0, "erms" },
	{ 7, 0, EBX, 10, 0, "invpcid" }, { 7, 0, EBX, 11, 0, "rtm" },
	{ 7, 0, EBX, 16, NEED_AVX512, "avx512f" }, { 7, 0, EBX, 17, NEED_AVX512, "avx512dq" },
	{ 7, 0, EBX, 18, 0, "rdseed" }, { 7, 0, EBX, 19, 0, "adx" }, { 7, 0, EBX, 20, 0, "smap" },
	{ 7, 0, EBX, 21, NEED_AVX512, "avx512ifma" }, { 7, 0, EBX, 23, 0, "clflushopt" },
	{ 7, 0, EBX, 24, 0, "clwb" }, { 7, 0, EBX, 28, NEED_AVX512, "avx512cd" },
	{ 7, 0, EBX, 29, 0, "sha_ni" }, { 7, 0, EBX, 30, NEED_AVX512, "avx512bw" },
	{ 7, 0, EBX, 31, NEED_AVX512, "avx512vl" },
	{ 0xd, 1, EAX, 0, 0, "xsaveopt" }, { 0xd, 1, EAX, 1, 0, "xsavec" },
	{ 0xd, 1, EAX, 2, 0, "xgetbv1" }, { 0xd, 1, EAX, 3, 0, "xsaves" },
	{ 7, 1, EAX, 4, NEED_AVX, "avx_vnni" }, { 7, 1, EAX, 5, NEED_AVX512, "avx512_bf16" },
	{ 7, 0, ECX, 1, NEED_AVX512, "avx512vbmi" }, { 7, 0, ECX, 2, 0, "umip" },
	{ 7, 0, ECX, 3, 0, "pku" }, { 7, 0, ECX, 5, 0, "waitpkg" },
	{ 7, 0, ECX, 6, NEED_AVX512, "avx512_vbmi2" }, { 7, 0, ECX, 8, 0, "gfni" },
	{ 7, 0, ECX, 9, NEED_AVX, "vaes" }, { 7, 0, ECX, 10, NEED_AVX, "vpclmulqdq" },
	{ 7, 0, ECX, 11, NEED_AVX512, "avx512_vnni" }, { 7, 0, ECX, 12, NEED_AVX512, "avx512_bitalg" },
	{ 7, 0, ECX, 14, NEED_AVX512, "avx512_vpopcntdq" }, { 7, 0, ECX, 16, 0, "la57" },
	{ 7, 0, ECX, 22, 0, "rdpid" }, { 7, 0, ECX, 25, 0, "cldemote" },
	{ 7, 0, ECX, 27, 0, "movdiri" }, { 7, 0, ECX, 28, 0, "movdir64b" },
	{ 7, 0, EDX, 4, 0, "fsrm" }, { 7, 0, EDX, 10, 0, "md_clear" },
	{ 7, 0, EDX, 14, 0, "serialize" }, { 7, 0, EDX, 29, 0, "arch_capabilities" },
};

static bool flag_present(const struct cpu_flag *f, uint32_t max, uint32_t ext_max)
{
	uint32_t r[4];

	if (f->bit == 32)
		return true; /* always set on x86-64 Linux (nopl, cpuid) */
	if (f->leaf >= 0x80000000 ? f->leaf > ext_max : f->leaf > max)
		return false;
	if (f->need == NEED_AVX && (cpu.xcr0 & 6) != 6)
		return false;
	if (f->need == NEED_AVX512 && (cpu.xcr0 & 0xe6) != 0xe6)
		return false;
	cpuid(f->leaf, f->sub, r);
	return r[f->reg] & (1u << f->bit);
}

static int show_cpuinfo(struct sbuf *sb, long arg)
{
	uint32_t r1[4], r[4], max, ext_max, phys = 36, virt = 48;
	uint64_t khz = tsc_hz / 1000, bogo = tsc_hz / 5000; /* 2 x MHz, in hundredths */
	unsigned l2 = 0;

	(void)arg;
	cpuid(0, 0, r);
	max = r[0];
	cpuid(0x80000000, 0, r);
	ext_max = r[0];
	cpuid(1, 0, r1);
	if (ext_max >= 0x80000006) {
		cpuid(0x80000006, 0, r);
		l2 = r[2] >> 16;
	}
	if (ext_max >= 0x80000008) {
		cpuid(0x80000008, 0, r);
		phys = r[0] & 0xff;
		virt = (r[0] >> 8) & 0xff;
	}
	sb_printf(sb, "processor\t: 0\nvendor_id\t: %s\ncpu family\t: %u\nmodel\t\t: %u\n",
		  cpu.vendor, cpu.family, cpu.model);
	sb_printf(sb, "model name\t: %s\nstepping\t: %u\n", cpu.brand, cpu.stepping);
	sb_printf(sb, "cpu MHz\t\t: %lu.%03lu\ncache size\t: %u KB\n", khz / 1000, khz % 1000, l2);
	sb_printf(sb, "physical id\t: 0\nsiblings\t: 1\ncore id\t\t: 0\ncpu cores\t: 1\n");
	sb_printf(sb, "apicid\t\t: %u\ninitial apicid\t: %u\n", r1[1] >> 24, r1[1] >> 24);
	sb_printf(sb, "fpu\t\t: yes\nfpu_exception\t: yes\ncpuid level\t: %u\nwp\t\t: yes\n", max);
	sb_printf(sb, "flags\t\t:");
	for (size_t i = 0; i < ARRAY_SIZE(cpu_flags); i++)
		if (flag_present(&cpu_flags[i], max, ext_max))
			sb_printf(sb, " %s", cpu_flags[i].name);
	sb_printf(sb, "\nbugs\t\t:\nbogomips\t: %lu.%02lu\n", bogo / 100, bogo % 100);
	sb_printf(sb, "clflush size\t: %u\ncache_alignment\t: %u\n", ((r1[1] >> 8) & 0xff) * 8,
		  ((r1[1] >> 8) & 0xff) * 8);
	sb_printf(sb, "address sizes\t: %u bits physical, %u bits virtual\npower management:\n\n",
		  phys, virt);
	return 0;
}

/* --- memory, time, load --- */

static void meminfo_kb(struct sbuf *sb, const char *key, uint64_t pages)
{
	char label[24];

	snprintf(label, sizeof(label), "%s:", key);
	sb_printf(sb, "%-15s %8lu kB\n", label, pages * (PAGE_SIZE / 1024));
}

static int show_meminfo(struct sbuf *sb, long arg)
{
	static const char *const zero[] = {
		"Buffers", "Cached", "SwapCached", "Active", "Inactive", "Unevictable", "Mlocked",
		"SwapTotal", "SwapFree", "Dirty", "Writeback", "Mapped", "Shmem", "Slab",
		"SReclaimable", "SUnreclaim", "PageTables", "Bounce", "WritebackTmp",
	};
	uint64_t total = palloc_total_pages(), free = palloc_free_pages();

	(void)arg;
	meminfo_kb(sb, "MemTotal", total);
	meminfo_kb(sb, "MemFree", free);
	meminfo_kb(sb, "MemAvailable", free);
	for (size_t i = 0; i < ARRAY_SIZE(zero); i++)
		meminfo_kb(sb, zero[i], 0);
	meminfo_kb(sb, "AnonPages", total - free);
	meminfo_kb(sb, "CommitLimit", total);
	meminfo_kb(sb, "Committed_AS", total - free);
	sb_printf(sb, "HugePages_Total:       0\nHugePages_Free:        0\n"
		      "HugePages_Rsvd:        0\nHugePages_Surp:        0\n");
	meminfo_kb(sb, "Hugepagesize", LARGE_PAGE_SIZE / PAGE_SIZE);
	meminfo_kb(sb, "Hugetlb", 0);
	return 0;
}

static uint64_t ticks(void)
{
	return clock_ns() / (NSEC_PER_SEC / 100); /* USER_HZ */
}

static int show_stat(struct sbuf *sb, long arg)
{
	uint64_t t = ticks(), boot = (clock_realtime_ns() - clock_ns()) / NSEC_PER_SEC;

	(void)arg;
	sb_printf(sb, "cpu  %lu 0 0 0 0 0 0 0 0 0\ncpu0 %lu 0 0 0 0 0 0 0 0 0\n", t, t);
	sb_printf(sb, "intr %lu\nctxt %lu\nbtime %lu\n", timer_interrupts(),
		  sched_context_switches(), boot);
	sb_printf(sb, "processes %u\nprocs_running 1\nprocs_blocked 0\n", sched_nr_threads());
	sb_printf(sb, "softirq 0 0 0 0 0 0 0 0 0 0 0\n");
	return 0;
}

static int show_uptime(struct sbuf *sb, long arg)
{
	uint64_t cs = clock_ns() / (NSEC_PER_SEC / 100);

	(void)arg;
	sb_printf(sb, "%lu.%02lu 0.00\n", cs / 100, cs % 100);
	return 0;
}

static void max_tid_fn(struct thread *t, void *arg)
{
	int *max = arg;

	if (t->tid > *max)
		*max = t->tid;
}

static int show_loadavg(struct sbuf *sb, long arg)
{
	int last = 0;

	(void)arg;
	thread_walk(max_tid_fn, &last);
	sb_printf(sb, "0.00 0.00 0.00 1/%u %d\n", sched_nr_threads(), last);
	return 0;
}

static int show_version(struct sbuf *sb, long arg)
{
	(void)arg;
	sb_printf(sb, "Linux version " KEEL_RELEASE " (keel@keel) (gcc) " KEEL_VERSION "\n");
	return 0;
}

static int show_filesystems(struct sbuf *sb, long arg)
{
	(void)arg;
	sb_printf(sb, "nodev\tsysfs\nnodev\trootfs\nnodev\tramfs\nnodev\tproc\n");
	return 0;
}

/* --- keel/syscalls --- */

struct sc_count {
	unsigned nr;
	uint64_t n;
};

static int show_syscalls(struct sbuf *sb, long arg)
{
	struct sc_count *v = kmalloc((NR_SYSCALLS + 1) * sizeof(*v));
	size_t n = 0;
	uint64_t total = 0;

	(void)arg;
	if (!v)
		return -ENOMEM;
	for (unsigned nr = 0; nr <= NR_SYSCALLS; nr++) { /* NR_SYSCALLS: out-of-range numbers */
		uint64_t c = syscall_count(nr);
		if (!c)
			continue;
		size_t i = n++;
		for (; i > 0 && v[i - 1].n < c; i--) /* insertion: most frequent first */
			v[i] = v[i - 1];
		v[i] = (struct sc_count){ nr, c };
		total += c;
	}
	for (size_t i = 0; i < n; i++)
		sb_printf(sb, "%-24s %lu\n", v[i].nr < NR_SYSCALLS ? syscall_name(v[i].nr) : "(other)",
			  v[i].n);
	sb_printf(sb, "%-24s %lu\n", "total", total);
	kfree(v);
	return 0;
}

/* --- sys/ --- */

/* A UUID in the text form, version 4 (random). */
static void uuid_text(char out[37])
{
	uint8_t b[16];

	random_bytes(b, sizeof(b));
	b[6] = (uint8_t)((b[6] & 0x0f) | 0x40);
	b[8] = (uint8_t)((b[8] & 0x3f) | 0x80);
	snprintf(out, 37, "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
		 b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12],
		 b[13], b[14], b[15]);
}

static int show_uuid(struct sbuf *sb, long arg)
{
	char u[37];

	(void)arg;
	uuid_text(u);
	sb_printf(sb, "%s\n", u);
	return 0;
}

/* One id per boot, made on first use (vfs_lock makes that happen once). */
static int show_boot_id(struct sbuf *sb, long arg)
{
	static char id[37];

	(void)arg;
	mutex_lock(&vfs_lock);
	if (!id[0])
		uuid_text(id);
	mutex_unlock(&vfs_lock);
	sb_printf(sb, "%s\n", id);
	return 0;
}

/* Linux: totalram / (8 * THREAD_SIZE / PAGE_SIZE); keel's kernel stacks are KSTACK_SIZE. */
static int show_threads_max(struct sbuf *sb, long arg)
{
	(void)arg;
	sb_printf(sb, "%lu\n", palloc_total_pages() / (8 * KSTACK_SIZE / PAGE_SIZE));
	return 0;
}

/* The descriptor table is the only limit on open files. */
static int show_fd_max(struct sbuf *sb, long arg)
{
	(void)arg;
	sb_printf(sb, "%d\n", VFS_MAX_FDS);
	return 0;
}

static int show_file_nr(struct sbuf *sb, long arg)
{
	unsigned open = 0;

	(void)arg;
	for (int fd = 0; fd < VFS_MAX_FDS; fd++)
		open += fd_get_cloexec(fd) >= 0;
	sb_printf(sb, "%u\t0\t%d\n", open, VFS_MAX_FDS);
	return 0;
}

/*
 * The sysctls programs read. All are read-only here: opening one for
 * writing is -EACCES (as for a user without CAP_SYS_ADMIN), which is
 * what a program that tunes them must already handle.
 */
#define TEXT(n, t) { .name = n, .mode = S_IFREG | 0444, .text = t }
#define FILE(n, fn) { .name = n, .mode = S_IFREG | 0444, .show = fn }
#define DIR(n, tab) { .name = n, .mode = S_IFDIR | 0555, .sub = tab }

static const struct pnode kernel_random_tab[] = {
	FILE("boot_id", show_boot_id),
	FILE("uuid", show_uuid),
	TEXT("entropy_avail", "256\n"),
	TEXT("poolsize", "256\n"),
	{ 0 }
};

static const struct pnode kernel_tab[] = {
	TEXT("ostype", "Linux\n"),
	TEXT("osrelease", KEEL_RELEASE "\n"),
	TEXT("version", KEEL_VERSION "\n"),
	TEXT("hostname", "keel\n"),
	TEXT("domainname", "(none)\n"),
	TEXT("pid_max", "4194304\n"),
	FILE("threads-max", show_threads_max),
	TEXT("ngroups_max", "65536\n"),
	TEXT("cap_last_cap", "40\n"),
	TEXT("randomize_va_space", "2\n"),
	TEXT("overflowuid", "65534\n"),
	TEXT("overflowgid", "65534\n"),
	DIR("random", kernel_random_tab),
	{ 0 }
};

static const struct pnode vm_tab[] = {
	TEXT("overcommit_memory", "0\n"),
	TEXT("overcommit_ratio", "50\n"),
	TEXT("max_map_count", "65530\n"),
	TEXT("nr_hugepages", "0\n"),
	TEXT("swappiness", "60\n"),
	{ 0 }
};

static const struct pnode fs_tab[] = {
	FILE("file-max", show_fd_max),
	FILE("nr_open", show_fd_max),
	FILE("file-nr", show_file_nr),
	TEXT("pipe-max-size", "1048576\n"),
	{ 0 }
};

static const struct pnode net_core_tab[] = {
	TEXT("somaxconn", "4096\n"),
	{ 0 }
};

static const struct pnode net_tab[] = {
	DIR("core", net_core_tab),
	{ 0 }
};

static const struct pnode sys_tab[] = {
	DIR("kernel", kernel_tab),
	DIR("vm", vm_tab),
	DIR("fs", fs_tab),
	DIR("net", net_tab),
	{ 0 }
};

static const struct pnode keel_tab[] = {
	FILE("syscalls", show_syscalls),
	{ 0 }
};

/* /proc's fixed entries; procfs.c adds <pid>, self and thread-self. */
const struct pnode procfs_root_tab[] = {
	FILE("cpuinfo", show_cpuinfo),
	FILE("meminfo", show_meminfo),
	FILE("stat", show_stat),
	FILE("uptime", show_uptime),
	FILE("loadavg", show_loadavg),
	FILE("version", show_version),
	FILE("filesystems", show_filesystems),
	{ .name = "mounts", .mode = S_IFLNK | 0777, .target = "self/mounts" },
	DIR("sys", sys_tab),
	DIR("keel", keel_tab),
	{ 0 }
};
