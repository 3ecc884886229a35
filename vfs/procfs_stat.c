/*
 * procfs_stat.c - what a process or thread looks like: /proc/<pid>/maps,
 * status, stat and statm (also under task/<tid>/).
 *
 * Each file is made from two snapshots taken at open: the VMAs (vm_walk,
 * copied into an array under mm_lock, then formatted with no lock held)
 * and the thread (thread_walk, copied under sched_lock). The formats are
 * Linux 6.1's, field for field, because programs parse them:
 *   maps    "start-end perms offset MM:mm inode", the name starting at
 *           column 73. glibc's pthread_getattr_np reads it to find the
 *           main thread's stack ("[stack]"); the inode of a file mapping
 *           comes from looking its path up again. Names are the VMAs'
 *           (vm_name); an unnamed shared file mapping (VMA_FILE, perms
 *           "s") is named after its file (vfs_file_path).
 *   status  "Key:\tvalue" lines; VmSize etc. in kB with width 8.
 *   stat    one line of 52 fields; the ones keel does not track are 0.
 *   statm   seven page counts.
 * Memory figures: sizes come from the VMAs. keel does not count resident
 * pages per mapping, so RSS is the memory in use in the whole machine
 * (everything there serves the one program), capped at the mapped size.
 * CPU time: there is no per-thread accounting yet, so utime is the time
 * since boot, as times(2) and getrusage(2) report it.
 *
 * Callers: procfs_pid.c's tables (through procfs.c's file ops).
 */
#include "internal.h"
#include "proc.h"
#include "vma.h"
#include "ksignal.h"
#include "time.h"
#include <linux/auxvec.h>

#define USER_HZ 100        /* the unit of times in stat: AT_CLKTCK */
#define CAP_ALL 0x1ffffffffffUL  /* CAP_LAST_CAP 40: root has every capability */

/* --- the address space --- */

struct vrec {
	uint64_t start, end, offset;
	unsigned prot, flags;
	const char *name;  /* interned by vm_name, never freed */
	struct file *file; /* an unnamed shared file mapping's file, referenced */
};

struct vsnap {
	struct vrec *v;
	size_t n, cap;
	bool overflow;
};

static void vsnap_fn(const struct vma *v, void *arg)
{
	struct vsnap *s = arg;

	if (s->n == s->cap) {
		s->overflow = true;
		return;
	}
	s->v[s->n] = (struct vrec){ v->start, v->end, v->offset, v->prot, v->flags, v->name, NULL };
	if ((v->flags & VMA_FILE) && v->file && !v->name) {
		s->v[s->n].file = v->file; /* named after the walk: vfs_file_path sleeps */
		file_get(v->file);         /* an atomic increment: fine under mm_lock */
	}
	s->n++;
}

static void vsnap_free(struct vsnap *s)
{
	for (size_t i = 0; i < s->n; i++)
		if (s->v[i].file)
			file_put(s->v[i].file);
	kfree(s->v);
}

/* Copy the VMAs; retry with more room if mmap added some meanwhile. */
static int vsnap_take(struct vsnap *s)
{
	size_t cap = __atomic_load_n(&user_vmas->count, __ATOMIC_RELAXED) + 16;

	for (;;) {
		s->v = kmalloc(cap * sizeof(*s->v));
		if (!s->v)
			return -ENOMEM;
		s->cap = cap;
		s->n = 0;
		s->overflow = false;
		vm_walk(vsnap_fn, s);
		if (!s->overflow)
			return 0;
		vsnap_free(s);
		cap *= 2;
	}
}

static uint64_t auxv_get(uint64_t type)
{
	for (size_t i = 0; i + 1 < proc.auxv_len / 8; i += 2)
		if (proc.auxv[i] == type)
			return proc.auxv[i + 1];
	return 0;
}

/* A VMA's name; an unnamed one holding AT_RANDOM's bytes is the initial stack. */
static const char *vrec_name(const struct vrec *r)
{
	uint64_t rnd = auxv_get(AT_RANDOM);

	if (r->name)
		return r->name;
	if (rnd >= r->start && rnd < r->end)
		return "[stack]";
	return NULL;
}

static bool is_exe(const char *name)
{
	const char *exe = proc.exe;

	if (exe[0] != '/' && name[0] == '/')
		name++;
	return strcmp(name, exe) == 0;
}

struct vm_sum {
	uint64_t size, data, stack, exe, lib, rss; /* bytes */
	uint64_t code_start, code_end;
};

static void vm_summarize(const struct vsnap *s, struct vm_sum *m)
{
	uint64_t used = (palloc_total_pages() - palloc_free_pages()) * PAGE_SIZE;

	memset(m, 0, sizeof(*m));
	for (size_t i = 0; i < s->n; i++) {
		const struct vrec *r = &s->v[i];
		const char *name = vrec_name(r);
		uint64_t len = r->end - r->start;

		m->size += len;
		if (name && strcmp(name, "[stack]") == 0)
			m->stack += len;
		else if (r->prot & PROT_W)
			m->data += len;
		if (!(r->prot & PROT_X) || !name || name[0] != '/')
			continue;
		if (!is_exe(name)) {
			m->lib += len;
			continue;
		}
		m->exe += len;
		if (!m->code_start || r->start < m->code_start)
			m->code_start = r->start;
		m->code_end = MAX(m->code_end, r->end);
	}
	m->rss = MIN(used, m->size);
}

static int vm_sum_take(struct vm_sum *m)
{
	struct vsnap s;
	int err = vsnap_take(&s);

	if (err)
		return err;
	vm_summarize(&s, m);
	vsnap_free(&s);
	return 0;
}

/* One maps line: the name, if any, starts at column 73 as in Linux's show_map_vma. */
static void maps_line(struct sbuf *sb, const struct vrec *r, const char *name, uint64_t dev,
		      uint64_t ino)
{
	size_t start = sb->len;

	sb_printf(sb, "%08lx-%08lx %c%c%c%c %08lx %02x:%02x %lu ", r->start, r->end,
		  (r->prot & PROT_R) ? 'r' : '-', (r->prot & PROT_W) ? 'w' : '-',
		  (r->prot & PROT_X) ? 'x' : '-', (r->flags & VMA_FILE) ? 's' : 'p',
		  r->offset, DEV_MAJOR((uint32_t)dev),
		  DEV_MINOR((uint32_t)dev), ino);
	if (name) {
		while (!sb->oom && sb->len - start < 73)
			sb_write(sb, " ", 1);
		sb_printf(sb, "%s", name);
	}
	sb_write(sb, "\n", 1);
}

int procfs_show_maps(struct sbuf *sb, long tid)
{
	const char *looked_up = NULL;
	uint64_t dev = 0, ino = 0;
	char *path = NULL;
	struct vsnap s;
	int err;

	(void)tid; /* threads share the address space */
	err = vsnap_take(&s);
	if (err)
		return err;
	for (size_t i = 0; i < s.n; i++) {
		const char *name = vrec_name(&s.v[i]);
		bool file;

		if (!name && s.v[i].file && (path || (path = kmalloc(PATH_MAX)))) {
			vfs_file_path(s.v[i].file, path, PATH_MAX);
			name = path;
			looked_up = NULL;
		}
		file = name && name[0] == '/';

		if (file && name != looked_up) { /* segments of one file come in a row */
			struct kstat ks;
			looked_up = name;
			dev = ino = 0;
			if (vfs_statat(AT_FDCWD, name, WALK_FOLLOW, &ks) == 0) {
				dev = ks.dev;
				ino = ks.ino;
			}
		}
		maps_line(sb, &s.v[i], name, file ? dev : 0, file ? ino : 0);
	}
	kfree(path);
	vsnap_free(&s);
	return 0;
}

/* --- threads --- */

struct tinfo {
	int tid;                 /* asked for */
	bool found;
	char name[16];
	enum thread_state state;
	uint64_t sig_mask, sig_pending, switches, preemptions;
	unsigned nthreads;       /* program threads */
};

static void tinfo_fn(struct thread *t, void *arg)
{
	struct tinfo *ti = arg;

	if (!procfs_program_thread(t))
		return; /* a kernel thread */
	ti->nthreads++;
	if (t->tid != ti->tid)
		return;
	ti->found = true;
	memcpy(ti->name, t->name, sizeof(ti->name));
	ti->name[sizeof(ti->name) - 1] = '\0';
	ti->state = t->state;
	ti->sig_mask = t->sig_mask;
	ti->sig_pending = t->sig_pending;
	ti->switches = t->switches;
	ti->preemptions = t->preemptions;
}

/* The thread tid; the process's first thread may have exited (a zombie leader). */
static int tinfo_take(long tid, struct tinfo *ti)
{
	memset(ti, 0, sizeof(*ti));
	ti->tid = (int)tid;
	thread_walk(tinfo_fn, ti);
	if (ti->found)
		return 0;
	if (tid != proc.pid || proc.pid <= 0)
		return -ESRCH;
	ti->state = T_ZOMBIE;
	return 0;
}

static char state_letter(enum thread_state s)
{
	return s == T_BLOCKED ? 'S' : s == T_ZOMBIE ? 'Z' : 'R';
}

static const char *state_name(enum thread_state s)
{
	return s == T_BLOCKED ? "S (sleeping)" : s == T_ZOMBIE ? "Z (zombie)" : "R (running)";
}

static uint64_t caught_signals(void)
{
	uint64_t m = 0;

	for (int sig = 1; sig <= KSIG_MAX; sig++)
		if (signal_handler_for(sig))
			m |= SIGBIT(sig);
	return m;
}

#define KB(x) ((x) / 1024)

int procfs_show_status(struct sbuf *sb, long tid)
{
	struct tinfo ti;
	struct vm_sum m;
	int err;

	if ((err = tinfo_take(tid, &ti)) || (err = vm_sum_take(&m)))
		return err;
	sb_printf(sb, "Name:\t%s\nUmask:\t%04o\nState:\t%s\n", ti.name, vfs_umask_get(),
		  state_name(ti.state));
	sb_printf(sb, "Tgid:\t%d\nNgid:\t0\nPid:\t%ld\nPPid:\t0\nTracerPid:\t0\n", proc.pid, tid);
	sb_printf(sb, "Uid:\t0\t0\t0\t0\nGid:\t0\t0\t0\t0\nFDSize:\t%d\nGroups:\t \n", VFS_MAX_FDS);
	sb_printf(sb, "NStgid:\t%d\nNSpid:\t%ld\nNSpgid:\t%d\nNSsid:\t%d\nKthread:\t0\n", proc.pid,
		  tid, proc.pid, proc.pid);
	sb_printf(sb, "VmPeak:\t%8lu kB\nVmSize:\t%8lu kB\nVmLck:\t%8u kB\nVmPin:\t%8u kB\n",
		  KB(m.size), KB(m.size), 0, 0);
	sb_printf(sb, "VmHWM:\t%8lu kB\nVmRSS:\t%8lu kB\nRssAnon:\t%8lu kB\n", KB(m.rss),
		  KB(m.rss), KB(m.rss));
	sb_printf(sb, "RssFile:\t%8u kB\nRssShmem:\t%8u kB\n", 0, 0);
	sb_printf(sb, "VmData:\t%8lu kB\nVmStk:\t%8lu kB\nVmExe:\t%8lu kB\nVmLib:\t%8lu kB\n",
		  KB(m.data), KB(m.stack), KB(m.exe), KB(m.lib));
	sb_printf(sb, "VmPTE:\t%8u kB\nVmSwap:\t%8u kB\nHugetlbPages:\t%8u kB\n", 0, 0, 0);
	sb_printf(sb, "CoreDumping:\t0\nTHP_enabled:\t1\nThreads:\t%u\nSigQ:\t0/%lu\n",
		  ti.nthreads, palloc_total_pages() / 8);
	sb_printf(sb, "SigPnd:\t%016lx\nShdPnd:\t%016x\nSigBlk:\t%016lx\n", ti.sig_pending, 0,
		  ti.sig_mask);
	sb_printf(sb, "SigIgn:\t%016x\nSigCgt:\t%016lx\n", 0, caught_signals());
	sb_printf(sb, "CapInh:\t%016x\nCapPrm:\t%016lx\nCapEff:\t%016lx\nCapBnd:\t%016lx\n", 0,
		  CAP_ALL, CAP_ALL, CAP_ALL);
	sb_printf(sb, "CapAmb:\t%016x\nNoNewPrivs:\t0\nSeccomp:\t0\nSeccomp_filters:\t0\n", 0);
	sb_printf(sb, "Speculation_Store_Bypass:\tvulnerable\n"
		      "SpeculationIndirectBranch:\talways enabled\n");
	sb_printf(sb, "Cpus_allowed:\t1\nCpus_allowed_list:\t0\n"
		      "Mems_allowed:\t00000001\nMems_allowed_list:\t0\n");
	sb_printf(sb, "voluntary_ctxt_switches:\t%lu\nnonvoluntary_ctxt_switches:\t%lu\n",
		  ti.switches - MIN(ti.switches, ti.preemptions), ti.preemptions);
	return 0;
}

int procfs_show_stat(struct sbuf *sb, long tid)
{
	uint64_t ticks = clock_ns() / (NSEC_PER_SEC / USER_HZ);
	struct tinfo ti;
	struct vm_sum m;
	int err;

	if ((err = tinfo_take(tid, &ti)) || (err = vm_sum_take(&m)))
		return err;
	/* 1-13: pid (comm) state ppid pgrp session tty_nr tpgid flags minflt cminflt majflt cmajflt */
	sb_printf(sb, "%ld (%s) %c 0 %d %d 0 -1 4194304 0 0 0 0 ", tid, ti.name,
		  state_letter(ti.state), proc.pid, proc.pid);
	/* 14-22: utime stime cutime cstime priority nice num_threads itrealvalue starttime */
	sb_printf(sb, "%lu 0 0 0 20 0 %u 0 0 ", ticks, ti.nthreads);
	/* 23-28: vsize rss rsslim startcode endcode startstack */
	sb_printf(sb, "%lu %lu %lu %lu %lu %lu ", m.size, m.rss / PAGE_SIZE, UINT64_MAX,
		  m.code_start, m.code_end, auxv_get(AT_RANDOM));
	/* 29-37: kstkesp kstkeip signal blocked sigignore sigcatch wchan nswap cnswap */
	sb_printf(sb, "0 0 %lu %lu 0 %lu 0 0 0 ", ti.sig_pending, ti.sig_mask, caught_signals());
	/* 38-44: exit_signal processor rt_priority policy delayacct_blkio_ticks guest cguest */
	sb_printf(sb, "17 0 0 0 0 0 0 ");
	/* 45-52: start_data end_data start_brk arg_start arg_end env_start env_end exit_code */
	sb_printf(sb, "0 0 %lu 0 0 0 0 0\n", proc.brk_start);
	return 0;
}

int procfs_show_statm(struct sbuf *sb, long tid)
{
	struct vm_sum m;
	int err;

	(void)tid;
	if ((err = vm_sum_take(&m)))
		return err;
	/* size resident shared text lib data dt, in pages */
	sb_printf(sb, "%lu %lu 0 %lu 0 %lu 0\n", m.size / PAGE_SIZE, m.rss / PAGE_SIZE,
		  m.exe / PAGE_SIZE, (m.data + m.stack) / PAGE_SIZE);
	return 0;
}
