/*
 * sys_proc.c - process-level system calls: exit, ids, limits, uname,
 * TLS (arch_prctl), and the calls keel answers with a fixed, documented
 * result because there is one process and it is root.
 *
 * fork, vfork, execve and wait4 fail with a clear error the program can
 * handle (DESIGN.md "Running a program"): -ENOSYS for the process-creating
 * calls (glibc and musl then report "Function not implemented"), -ECHILD
 * for wait4. Each logs once.
 */
#include "proc.h"
#include "sched.h"
#include "cpu.h"
#include "klib.h"
#include "uaccess.h"
#include "mm.h"
#include "time.h"
#include "syscall.h"
#include <asm-generic/errno.h>
#include <asm/prctl.h>
#include <linux/utsname.h>
#include <linux/resource.h>
#include <linux/prctl.h>

__attribute__((noreturn)) void proc_exit(int status)
{
	if (proc.syscall_stats)
		syscall_print_stats();
	machine_exit(status & 0xff);
}

long sys_exit_group(int status)
{
	proc_exit(status);
}

long sys_exit(int status)
{
	unsigned long flags = sched_lock_irqsave();
	unsigned left = --proc.nr_threads;
	sched_unlock_irqrestore(flags);
	if (left == 0) /* the last thread: the process ends with its status */
		proc_exit(status);
	thread_exit_program(status);
}

long sys_getpid(void) { return proc.pid; }
long sys_gettid(void) { return thread_current()->tid; }
long sys_getppid(void) { return 0; } /* like init: no parent */
long sys_getuid(void) { return 0; }
long sys_geteuid(void) { return 0; }
long sys_getgid(void) { return 0; }
long sys_getegid(void) { return 0; }
long sys_getpgrp(void) { return proc.pid; }
long sys_getpgid(int pid) { return pid == 0 || pid == proc.pid ? proc.pid : -ESRCH; }
long sys_getsid(int pid) { return pid == 0 || pid == proc.pid ? proc.pid : -ESRCH; }
long sys_setsid(void) { return -EPERM; } /* already a group leader, as Linux says */
long sys_setpgid(int pid, int pgid)
{
	return (pid == 0 || pid == proc.pid) && (pgid == 0 || pgid == proc.pid) ? 0 : -EPERM;
}

long sys_getgroups(int size, uint32_t *list)
{
	(void)list;
	return size < 0 ? -EINVAL : 0; /* root with no supplementary groups */
}

/* The set*id family: accepted when it asks for the ids the process already has (0). */
long sys_setuid(uint32_t uid) { return uid == 0 ? 0 : -EPERM; }
long sys_setgid(uint32_t gid) { return gid == 0 ? 0 : -EPERM; }
long sys_setreuid(uint32_t r, uint32_t e) { return (r == 0 || r == ~0u) && (e == 0 || e == ~0u) ? 0 : -EPERM; }
long sys_setregid(uint32_t r, uint32_t e) { return (r == 0 || r == ~0u) && (e == 0 || e == ~0u) ? 0 : -EPERM; }
long sys_setresuid(uint32_t r, uint32_t e, uint32_t s)
{
	return sys_setreuid(r, e) == 0 && (s == 0 || s == ~0u) ? 0 : -EPERM;
}
long sys_setresgid(uint32_t r, uint32_t e, uint32_t s)
{
	return sys_setregid(r, e) == 0 && (s == 0 || s == ~0u) ? 0 : -EPERM;
}
long sys_setgroups(int size, const uint32_t *list)
{
	(void)list;
	return size == 0 ? 0 : -EPERM;
}

long sys_getresuid(uint32_t *r, uint32_t *e, uint32_t *s)
{
	uint32_t z = 0;
	if (copy_to_user(r, &z, 4) || copy_to_user(e, &z, 4) || copy_to_user(s, &z, 4))
		return -EFAULT;
	return 0;
}

long sys_getresgid(uint32_t *r, uint32_t *e, uint32_t *s)
{
	return sys_getresuid(r, e, s);
}

long sys_uname(struct new_utsname *u)
{
	struct new_utsname k;
	memset(&k, 0, sizeof(k));
	strlcpy(k.sysname, "Linux", sizeof(k.sysname)); /* programs parse this; keel speaks Linux */
	strlcpy(k.nodename, "keel", sizeof(k.nodename));
	strlcpy(k.release, "6.1.0-keel", sizeof(k.release));
	strlcpy(k.version, "#1 keel unikernel", sizeof(k.version));
	strlcpy(k.machine, "x86_64", sizeof(k.machine));
	strlcpy(k.domainname, "(none)", sizeof(k.domainname));
	return copy_to_user(u, &k, sizeof(k));
}

long sys_arch_prctl(int code, uint64_t addr)
{
	struct thread *t = thread_current();
	switch (code) {
	case ARCH_SET_FS:
		if (!user_range_ok((void *)addr, 1)) /* the kernel's libc may name its own memory */
			return -EPERM;
		{
			/* the field and the MSR change together (sched.c switch_to reads both) */
			unsigned long irq = sched_lock_irqsave();
			t->fs_base = addr;
			wrmsr(MSR_FS_BASE, addr);
			this_cpu()->fs_loaded = addr;
			sched_unlock_irqrestore(irq);
		}
		return 0;
	case ARCH_GET_FS:
		return copy_to_user((void *)addr, &t->fs_base, 8);
	case ARCH_SET_GS:
		/* %gs holds keel's per-CPU data (DESIGN.md); x86-64 Linux programs do not use it */
		printk("keel: arch_prctl(ARCH_SET_GS) refused: %%gs belongs to the kernel\n");
		return -EPERM;
	case ARCH_GET_GS: {
		uint64_t zero = 0;
		return copy_to_user((void *)addr, &zero, 8);
	}
	default:
		return -EINVAL;
	}
}

long sys_set_tid_address(int *tidptr)
{
	thread_current()->clear_child_tid = tidptr;
	return thread_current()->tid;
}

long sys_set_robust_list(void *head, size_t len)
{
	if (len != 24) /* sizeof(struct robust_list_head) */
		return -EINVAL;
	thread_current()->robust_list = head;
	return 0;
}

long sys_get_robust_list(int pid, void **head, size_t *len)
{
	if (pid != 0 && pid != thread_current()->tid)
		return -ESRCH;
	size_t l = 24;
	void *h = thread_current()->robust_list;
	if (copy_to_user(head, &h, sizeof(h)) || copy_to_user(len, &l, sizeof(l)))
		return -EFAULT;
	return 0;
}

/* Limits: reported as a generous Linux default; setting is accepted within them. */
#define INF { RLIM64_INFINITY, RLIM64_INFINITY }
static struct rlimit64 limits[RLIM_NLIMITS] = {
	[RLIMIT_CPU] = INF, [RLIMIT_FSIZE] = INF, [RLIMIT_DATA] = INF, [RLIMIT_RSS] = INF,
	[RLIMIT_AS] = INF, [RLIMIT_LOCKS] = INF, [RLIMIT_RTTIME] = INF,
	[RLIMIT_STACK] = { 8UL << 20, RLIM64_INFINITY },
	[RLIMIT_NOFILE] = { 1024, 1024 },
	[RLIMIT_CORE] = { 0, RLIM64_INFINITY },
	[RLIMIT_NPROC] = { 4096, 4096 },
	[RLIMIT_SIGPENDING] = { 4096, 4096 },
	[RLIMIT_MSGQUEUE] = { 819200, 819200 },
	[RLIMIT_MEMLOCK] = { 8UL << 20, 8UL << 20 },
	[RLIMIT_NICE] = { 0, 0 },
	[RLIMIT_RTPRIO] = { 0, 0 },
};

uint64_t proc_rlimit(unsigned res)
{
	return res < RLIM_NLIMITS ? limits[res].rlim_cur : 0;
}

long sys_prlimit64(int pid, unsigned res, const struct rlimit64 *new, struct rlimit64 *old)
{
	struct rlimit64 n;
	if (pid != 0 && pid != proc.pid)
		return -ESRCH;
	if (res >= RLIM_NLIMITS)
		return -EINVAL;
	if (new && copy_from_user(&n, new, sizeof(n)))
		return -EFAULT;
	if (new && n.rlim_cur > n.rlim_max)
		return -EINVAL;
	if (new && res == RLIMIT_NOFILE && n.rlim_max > 1048576) /* above fs.nr_open */
		return -EPERM;
	if (old && copy_to_user(old, &limits[res], sizeof(*old)))
		return -EFAULT;
	if (new)
		limits[res] = n;
	return 0;
}

long sys_getrlimit(unsigned res, struct rlimit64 *old)
{
	return sys_prlimit64(0, res, NULL, old);
}

long sys_setrlimit(unsigned res, const struct rlimit64 *new)
{
	return sys_prlimit64(0, res, new, NULL);
}

long sys_getrandom(void *buf, size_t len, unsigned flags)
{
	char tmp[256];
	if (flags & ~7u) /* GRND_NONBLOCK | GRND_RANDOM | GRND_INSECURE */
		return -EINVAL;
	if ((flags & 6u) == 6u) /* GRND_RANDOM with GRND_INSECURE makes no sense: getrandom(2) */
		return -EINVAL;
	for (size_t done = 0; done < len;) {
		size_t n = MIN(len - done, sizeof(tmp));
		random_bytes(tmp, n);
		if (copy_to_user((char *)buf + done, tmp, n))
			return done ? (long)done : -EFAULT;
		done += n;
	}
	return (long)len;
}

static int dumpable = 1, pdeathsig, no_new_privs; /* prctl state: one process */

long sys_prctl(int option, unsigned long a2, unsigned long a3, unsigned long a4, unsigned long a5)
{
	struct thread *t = thread_current();
	switch (option) {
	case PR_SET_NAME: {
		char name[16];
		long n = strncpy_from_user(name, (const char *)a2, sizeof(name));
		if (n == -EFAULT)
			return -EFAULT;
		name[sizeof(name) - 1] = 0; /* longer names are truncated, as on Linux */
		strlcpy(t->name, name, sizeof(t->name));
		return 0;
	}
	case PR_GET_NAME:
		return copy_to_user((void *)a2, t->name, 16);
	case PR_SET_DUMPABLE:
		return a2 <= 1 ? (dumpable = (int)a2, 0) : -EINVAL;
	case PR_GET_DUMPABLE:
		return dumpable;
	case PR_SET_PDEATHSIG: /* kept: there is no parent to die, so it never fires */
		if (a2 > 64)
			return -EINVAL;
		pdeathsig = (int)a2;
		return 0;
	case PR_GET_PDEATHSIG:
		return copy_to_user((void *)a2, &pdeathsig, sizeof(pdeathsig));
	case PR_SET_NO_NEW_PRIVS:
		if (a2 != 1 || a3 || a4 || a5)
			return -EINVAL;
		no_new_privs = 1;
		return 0;
	case PR_GET_NO_NEW_PRIVS:
		return a2 || a3 || a4 || a5 ? -EINVAL : no_new_privs;
	default:
		return -EINVAL;
	}
}

static void log_once(bool *done, const char *what)
{
	if (!*done) {
		*done = true;
		printk("keel: %s (reported once)\n", what);
	}
}

long sys_fork(void)
{
	static bool once;
	log_once(&once, "fork/vfork/clone of a process refused: keel runs one process; "
			"configure the program not to fork");
	return -ENOSYS;
}

long sys_vfork(void) { return sys_fork(); }

long sys_execve(const char *path, char *const argv[], char *const envp[])
{
	static bool once;
	(void)path, (void)argv, (void)envp;
	log_once(&once, "execve refused: keel runs one program per VM");
	return -ENOSYS;
}

long sys_wait4(int pid, int *status, int options, void *ru)
{
	(void)pid, (void)status, (void)options, (void)ru;
	return -ECHILD; /* there are never children */
}

long sys_sched_yield(void)
{
	thread_yield();
	return 0;
}

long sys_getcpu(unsigned *cpu, unsigned *node, void *cache)
{
	unsigned zero = 0;
	(void)cache;
	if ((cpu && copy_to_user(cpu, &zero, 4)) || (node && copy_to_user(node, &zero, 4)))
		return -EFAULT;
	return 0;
}

/*
 * rseq: restartable sequences need the kernel to rewrite a program's
 * instruction pointer on preemption; keel does not offer them. Every libc
 * that registers rseq treats -ENOSYS as "not available" and carries on, so
 * this is answered quietly instead of being reported as an unknown call.
 */
long sys_rseq(void *rseq, uint32_t len, int flags, uint32_t sig)
{
	(void)rseq, (void)len, (void)flags, (void)sig;
	return -ENOSYS;
}
