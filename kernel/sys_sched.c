/*
 * sys_sched.c - scheduling and resource queries: affinity, policy,
 * priorities, sysinfo, getrusage, membarrier.
 *
 * keel runs its threads on one CPU (sched.h), so the affinity mask has
 * one bit, the policy is SCHED_OTHER, and a membarrier is trivially
 * complete. The answers are the true ones for this machine, not stubs.
 */
#include "proc.h"
#include "sched.h"
#include "time.h"
#include "mm.h"
#include "klib.h"
#include "uaccess.h"
#include <linux/sched.h>
#include <linux/resource.h>
#include <linux/sysinfo.h>
#include <linux/membarrier.h>
#include <asm-generic/errno.h>

static bool our_thread(int pid)
{
	return pid == 0 || pid == proc.pid || pid == thread_current()->tid;
}

/* The sched_* calls: a negative pid is invalid, another one does not exist. */
static long check_pid(int pid)
{
	return pid < 0 ? -EINVAL : our_thread(pid) ? 0 : -ESRCH;
}

long sys_sched_getaffinity(int pid, unsigned len, unsigned long *mask)
{
	unsigned long m = 1; /* CPU 0 */
	if (!our_thread(pid))
		return -ESRCH;
	if (len < sizeof(m) || (len & (sizeof(long) - 1)))
		return -EINVAL;
	if (copy_to_user(mask, &m, sizeof(m)) || clear_user(mask + 1, len - sizeof(m)))
		return -EFAULT;
	return sizeof(m); /* the kernel's cpumask size, as Linux returns */
}

long sys_sched_setaffinity(int pid, unsigned len, const unsigned long *mask)
{
	unsigned long m;
	if (!our_thread(pid))
		return -ESRCH;
	if (len < sizeof(m))
		return -EINVAL;
	if (copy_from_user(&m, mask, sizeof(m)))
		return -EFAULT;
	return m & 1 ? 0 : -EINVAL; /* a mask without CPU 0 names no CPU we have */
}

long sys_sched_getscheduler(int pid)
{
	long e = check_pid(pid);
	return e ? e : SCHED_NORMAL;
}

long sys_sched_getparam(int pid, int *param)
{
	int zero = 0;
	long e = check_pid(pid);
	if (e)
		return e;
	return copy_to_user(param, &zero, sizeof(zero));
}

long sys_sched_setscheduler(int pid, int policy, const int *param)
{
	int prio;
	long e = check_pid(pid);
	if (e)
		return e;
	if (copy_from_user(&prio, param, sizeof(prio)))
		return -EFAULT;
	return (policy & ~SCHED_RESET_ON_FORK) == SCHED_NORMAL && prio == 0 ? 0 : -EPERM;
}

long sys_sched_setparam(int pid, const int *param)
{
	return sys_sched_setscheduler(pid, SCHED_NORMAL, param);
}

long sys_sched_get_priority_max(int policy)
{
	return policy == SCHED_FIFO || policy == SCHED_RR ? 99 : policy >= 0 && policy <= 5 ? 0 : -EINVAL;
}

long sys_sched_get_priority_min(int policy)
{
	return policy == SCHED_FIFO || policy == SCHED_RR ? 1 : policy >= 0 && policy <= 5 ? 0 : -EINVAL;
}

/*
 * Nice values are kept (one for the process: keel's threads all run at one
 * priority, so the value only affects what is read back), clamped to
 * -20..19 as setpriority(2) says; getpriority returns 20 - nice.
 */
static int nice_value;

static long check_who(int which, int who)
{
	if (which != 0 && which != 1 && which != 2) /* PRIO_PROCESS, PGRP, USER */
		return -EINVAL;
	return who == 0 || who == proc.pid ? 0 : -ESRCH; /* for PRIO_USER, uid 0 is who == 0 */
}

long sys_getpriority(int which, int who)
{
	long e = check_who(which, who);
	return e ? e : 20 - nice_value;
}

long sys_setpriority(int which, int who, int nice)
{
	long e = check_who(which, who);
	if (e)
		return e;
	nice_value = nice < -20 ? -20 : nice > 19 ? 19 : nice; /* root may also lower it */
	return 0;
}

long sys_sysinfo(struct sysinfo *info)
{
	struct sysinfo k;
	memset(&k, 0, sizeof(k));
	k.uptime = (long)((clock_ns() + NSEC_PER_SEC - 1) / NSEC_PER_SEC); /* rounded up, as Linux */
	k.totalram = palloc_total_pages();
	k.freeram = palloc_free_pages();
	k.procs = (uint16_t)sched_nr_threads();
	k.mem_unit = PAGE_SIZE;
	return copy_to_user(info, &k, sizeof(k));
}

long sys_getrusage(int who, struct rusage *ru)
{
	struct rusage k;
	if (who != RUSAGE_SELF && who != RUSAGE_CHILDREN && who != RUSAGE_THREAD)
		return -EINVAL;
	memset(&k, 0, sizeof(k));
	if (who != RUSAGE_CHILDREN) { /* all CPU time counts as user time */
		uint64_t us = (who == RUSAGE_THREAD ? thread_cpu_ns(thread_current()) : proc_cpu_ns()) / 1000;
		k.ru_utime.tv_sec = (long)(us / 1000000);
		k.ru_utime.tv_usec = (long)(us % 1000000);
		k.ru_maxrss = (long)((palloc_total_pages() - palloc_free_pages()) * (PAGE_SIZE / 1024));
	}
	return copy_to_user(ru, &k, sizeof(k));
}

long sys_membarrier(int cmd, unsigned flags, int cpu)
{
	(void)cpu;
	if (flags & ~MEMBARRIER_CMD_FLAG_CPU)
		return -EINVAL;
	switch (cmd) {
	case MEMBARRIER_CMD_QUERY:
		return MEMBARRIER_CMD_GLOBAL | MEMBARRIER_CMD_PRIVATE_EXPEDITED |
		       MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED;
	case MEMBARRIER_CMD_GLOBAL:
	case MEMBARRIER_CMD_PRIVATE_EXPEDITED:
	case MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED:
		__asm__ volatile("mfence" ::: "memory"); /* one CPU: a fence is a full barrier */
		return 0;
	default:
		return -EINVAL;
	}
}
