/*
 * sys_time.c - clocks and sleeps: clock_gettime/getres/nanosleep,
 * nanosleep, gettimeofday, time, times.
 *
 * CLOCK_MONOTONIC (and _RAW, _COARSE, BOOTTIME) is clock_ns(), the TSC
 * since boot; CLOCK_REALTIME is the RTC at boot plus that. The CPU-time
 * clocks add up the time each program thread has been running (the
 * scheduler accounts it at every switch); user and system time are not
 * told apart.
 */
#include "time.h"
#include "sched.h"
#include "klib.h"
#include "uaccess.h"
#include "proc.h"
#include <linux/time.h>
#include <linux/time_types.h>
#include <linux/times.h>
#include <asm-generic/errno.h>

/* thread_walk callback: sched_lock is held, so read the fields directly */
static void add_cpu(struct thread *t, void *arg)
{
	if (t->tid == proc.pid || t->detached) /* the program's threads, not the kernel's */
		*(uint64_t *)arg += t->cpu_ns + (t == thread_current() ? clock_ns() - t->switched_in : 0);
}

/* CPU time of the whole program. */
uint64_t proc_cpu_ns(void)
{
	uint64_t ns = 0;
	thread_walk(add_cpu, &ns);
	return ns;
}

/*
 * A CPU-time clock of a given thread or process (pthread_getcpuclockid,
 * clock_getcpuclockid): the id holds ~tid << 3, bit 2 for "thread", and
 * the kind in bits 0-1 (0 prof, 1 virt, 2 sched; keel counts all alike).
 */
static int64_t cpu_clock_read(int clk)
{
	int id = ~(clk >> 3);
	if ((clk & 3) == 3)
		return -EINVAL;
	if (clk & 4) {
		struct thread *t = thread_find(id ? id : thread_current()->tid);
		return t ? (int64_t)thread_cpu_ns(t) : -EINVAL;
	}
	return id == 0 || id == proc.pid ? (int64_t)proc_cpu_ns() : -EINVAL;
}

/* Return: the clock's value in ns, or -EINVAL for an unknown clock. */
static int64_t clock_read(int clk)
{
	if (clk < 0)
		return cpu_clock_read(clk);
	switch (clk) {
	case CLOCK_REALTIME:
	case CLOCK_REALTIME_COARSE:
	case CLOCK_TAI:
		return (int64_t)clock_realtime_ns();
	case CLOCK_MONOTONIC:
	case CLOCK_MONOTONIC_RAW:
	case CLOCK_MONOTONIC_COARSE:
	case CLOCK_BOOTTIME:
		return (int64_t)clock_ns();
	case CLOCK_PROCESS_CPUTIME_ID:
		return (int64_t)proc_cpu_ns();
	case CLOCK_THREAD_CPUTIME_ID:
		return (int64_t)thread_cpu_ns(thread_current());
	default:
		return -EINVAL;
	}
}

static struct __kernel_timespec to_ts(int64_t ns)
{
	return (struct __kernel_timespec){ ns / (int64_t)NSEC_PER_SEC, ns % (int64_t)NSEC_PER_SEC };
}

long sys_clock_gettime(int clk, struct __kernel_timespec *ts)
{
	int64_t ns = clock_read(clk);
	if (ns < 0)
		return ns;
	struct __kernel_timespec k = to_ts(ns);
	return copy_to_user(ts, &k, sizeof(k));
}

long sys_clock_getres(int clk, struct __kernel_timespec *ts)
{
	if (clock_read(clk) < 0)
		return -EINVAL;
	struct __kernel_timespec k = { 0, 1 };
	return ts ? copy_to_user(ts, &k, sizeof(k)) : 0;
}

long sys_gettimeofday(struct __kernel_old_timeval *tv, void *tz)
{
	uint64_t ns = clock_realtime_ns();
	struct __kernel_old_timeval k = { ns / NSEC_PER_SEC, (ns % NSEC_PER_SEC) / 1000 };
	if (tz) { /* struct timezone: minutes west and dst, both 0 (UTC) */
		int z[2] = { 0, 0 };
		if (copy_to_user(tz, z, sizeof(z)))
			return -EFAULT;
	}
	return tv ? copy_to_user(tv, &k, sizeof(k)) : 0;
}

long sys_time(long *t)
{
	long now = (long)(clock_realtime_ns() / NSEC_PER_SEC);
	if (t && copy_to_user(t, &now, sizeof(now)))
		return -EFAULT;
	return now;
}

long sys_times(struct tms *buf)
{
	long ticks = (long)(clock_ns() / (NSEC_PER_SEC / 100)); /* USER_HZ = 100 */
	struct tms k = { ticks, 0, 0, 0 };
	if (buf && copy_to_user(buf, &k, sizeof(k)))
		return -EFAULT;
	return ticks;
}

/*
 * Sleep until clk reaches deadline (ns). A signal ends the sleep early:
 * -EINTR, and for a relative sleep the time left goes to *rem (nanosleep
 * is never restarted, even under SA_RESTART: signal(7)).
 */
static int sleep_until(int clk, int64_t deadline, bool relative, struct __kernel_timespec *rem)
{
	int64_t now = clock_read(clk);
	if (deadline <= now)
		return 0;
	/* clk runs at the monotonic rate; sleep on the monotonic clock */
	uint64_t mono_deadline = clock_ns() + (uint64_t)(deadline - now);
	if (thread_sleep_until_intr(mono_deadline) == 0)
		return 0;
	if (relative && rem) {
		int64_t left = (int64_t)mono_deadline - (int64_t)clock_ns();
		struct __kernel_timespec k = to_ts(left > 0 ? left : 0);
		if (copy_to_user(rem, &k, sizeof(k)))
			return -EFAULT;
	}
	return -EINTR;
}

static int ts_valid(const struct __kernel_timespec *t)
{
	return t->tv_sec >= 0 && t->tv_nsec >= 0 && t->tv_nsec < (long long)NSEC_PER_SEC;
}

long sys_clock_nanosleep(int clk, int flags, const struct __kernel_timespec *req,
			 struct __kernel_timespec *rem)
{
	struct __kernel_timespec t;
	if (clk == CLOCK_THREAD_CPUTIME_ID || (clk < 0 && (clk & 4)))
		return -EOPNOTSUPP; /* as Linux: a thread's CPU clock cannot be slept on */
	int64_t now = clock_read(clk);
	if (now < 0)
		return -EINVAL;
	if (copy_from_user(&t, req, sizeof(t)))
		return -EFAULT;
	if (!ts_valid(&t))
		return -EINVAL;
	int64_t ns = t.tv_sec * (int64_t)NSEC_PER_SEC + t.tv_nsec;
	bool abs = flags & TIMER_ABSTIME;
	return sleep_until(clk, abs ? ns : now + ns, !abs, rem);
}

long sys_nanosleep(const struct __kernel_timespec *req, struct __kernel_timespec *rem)
{
	return sys_clock_nanosleep(CLOCK_MONOTONIC, 0, req, rem);
}
