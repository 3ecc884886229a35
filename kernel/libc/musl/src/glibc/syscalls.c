/*
 * syscalls.c - system-call wrappers glibc has and musl 1.2.3 lacks:
 * statx (glibc 2.28), renameat2 (2.28), close_range (2.34), and fcntl64,
 * the name glibc 2.28 gave fcntl (identical on x86-64, where off_t and
 * struct flock are 64-bit). Errors set errno, as in musl, through its
 * syscall macro.
 *
 * glibc emulates statx with fstatat when the kernel lacks it (ENOSYS);
 * keel implements statx, so that path is left out.
 *
 * gettimeofday with a timezone: glibc's (the vDSO's) fills it from the
 * kernel (tz_minuteswest and tz_dsttime, 0 unless settimeofday set them),
 * musl's leaves it alone; the system call does what glibc does.
 *
 * And the four sched_* calls on a process's scheduling policy, which musl
 * deliberately fails with ENOSYS (on Linux they act on one thread, not the
 * process POSIX describes) and glibc passes to the kernel as they are: a
 * glibc program gets glibc's behaviour.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdarg.h>
#include <sched.h>
#include <sys/time.h>
#include <stdio.h>
#include "syscall.h"
#include "glibc.h"

struct statx;

int statx(int dirfd, const char *restrict path, int flags, unsigned mask, struct statx *restrict st)
{
	return syscall(SYS_statx, dirfd, path, flags, mask, st);
}

int renameat2(int olddirfd, const char *old, int newdirfd, const char *new, unsigned flags)
{
	if (!flags)
		return renameat(olddirfd, old, newdirfd, new);
	return syscall(SYS_renameat2, olddirfd, old, newdirfd, new, flags);
}

int close_range(unsigned first, unsigned last, int flags)
{
	return syscall(SYS_close_range, first, last, flags);
}

int fcntl64(int fd, int cmd, ...)
{
	va_list ap;
	va_start(ap, cmd);
	unsigned long arg = va_arg(ap, unsigned long);
	va_end(ap);
	return fcntl(fd, cmd, arg);
}

int GLIBC_OVERRIDE(sched_getparam)(pid_t pid, struct sched_param *param)
{
	return syscall(SYS_sched_getparam, pid, param);
}

int GLIBC_OVERRIDE(sched_setparam)(pid_t pid, const struct sched_param *param)
{
	return syscall(SYS_sched_setparam, pid, param);
}

int GLIBC_OVERRIDE(sched_getscheduler)(pid_t pid)
{
	return syscall(SYS_sched_getscheduler, pid);
}

int GLIBC_OVERRIDE(sched_setscheduler)(pid_t pid, int policy, const struct sched_param *param)
{
	return syscall(SYS_sched_setscheduler, pid, policy, param);
}

int GLIBC_OVERRIDE(gettimeofday)(struct timeval *restrict tv, void *restrict tz)
{
	if (!tz)
		return gettimeofday(tv, 0);
	return syscall(SYS_gettimeofday, tv, tz);
}
