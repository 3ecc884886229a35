/*
 * itimer.c - alarm(2) and setitimer/getitimer(2) for ITIMER_REAL: a
 * one-shot or periodic ktimer that sends SIGALRM to the process.
 *
 * ITIMER_VIRTUAL and ITIMER_PROF count the process's CPU time, which keel
 * does not account per process yet; they are refused with -EINVAL rather
 * than silently never firing.
 *
 * Locking: itimer_lock (interrupts off) guards the interval and the armed
 * state; the ktimer callback runs in interrupt context and takes it too.
 */
#include "proc.h"
#include "time.h"
#include "klib.h"
#include "uaccess.h"
#include "spinlock.h"
#include <linux/time.h>
#include <linux/time_types.h>
#include <asm/signal.h>
#include <asm/siginfo.h>
#include <asm-generic/errno.h>

static struct spinlock itimer_lock = SPINLOCK_INIT("itimer");
static struct ktimer real_timer;  /* itimer_lock */
static uint64_t real_interval;    /* ns; 0: one-shot */

static void real_fired(struct ktimer *t)
{
	unsigned long flags = spin_lock_irqsave(&itimer_lock);
	if (real_interval)
		ktimer_arm(t, t->deadline + real_interval);
	spin_unlock_irqrestore(&itimer_lock, flags);
	signal_send_process(SIGALRM, SI_KERNEL);
}

static uint64_t tv_ns(const struct __kernel_old_timeval *tv)
{
	return (uint64_t)tv->tv_sec * NSEC_PER_SEC + (uint64_t)tv->tv_usec * 1000;
}

static struct __kernel_old_timeval ns_tv(uint64_t ns)
{
	return (struct __kernel_old_timeval){ (long)(ns / NSEC_PER_SEC), (long)(ns % NSEC_PER_SEC / 1000) };
}

/* Set ITIMER_REAL (value 0: disarm); report the old setting. Return: 0. */
static void set_real(uint64_t value, uint64_t interval, uint64_t *old_value, uint64_t *old_interval)
{
	unsigned long flags = spin_lock_irqsave(&itimer_lock);
	uint64_t now = clock_ns();
	real_timer.fn = real_fired;
	if (old_value)
		*old_value = real_timer.armed && real_timer.deadline > now ? real_timer.deadline - now : 0;
	if (old_interval)
		*old_interval = real_interval;
	ktimer_cancel(&real_timer);
	real_interval = interval;
	if (value)
		ktimer_arm(&real_timer, now + value);
	spin_unlock_irqrestore(&itimer_lock, flags);
}

long sys_setitimer(int which, const struct __kernel_old_itimerval *value,
		   struct __kernel_old_itimerval *ovalue)
{
	struct __kernel_old_itimerval k = { { 0, 0 }, { 0, 0 } }, o;
	uint64_t ov, oi;

	if (which != ITIMER_REAL)
		return -EINVAL; /* VIRTUAL and PROF: see the top of the file; others: unknown */
	if (value && copy_from_user(&k, value, sizeof(k)))
		return -EFAULT;
	if (k.it_value.tv_usec < 0 || k.it_value.tv_usec >= 1000000 || k.it_value.tv_sec < 0 ||
	    k.it_interval.tv_usec < 0 || k.it_interval.tv_usec >= 1000000 || k.it_interval.tv_sec < 0)
		return -EINVAL;
	set_real(tv_ns(&k.it_value), tv_ns(&k.it_interval), &ov, &oi);
	o.it_value = ns_tv(ov);
	o.it_interval = ns_tv(oi);
	if (ovalue && copy_to_user(ovalue, &o, sizeof(o)))
		return -EFAULT;
	return 0;
}

long sys_getitimer(int which, struct __kernel_old_itimerval *value)
{
	if (which != ITIMER_REAL)
		return -EINVAL;
	unsigned long flags = spin_lock_irqsave(&itimer_lock);
	uint64_t now = clock_ns();
	struct __kernel_old_itimerval o = {
		ns_tv(real_interval),
		ns_tv(real_timer.armed && real_timer.deadline > now ? real_timer.deadline - now : 0),
	};
	spin_unlock_irqrestore(&itimer_lock, flags);
	return copy_to_user(value, &o, sizeof(o));
}

long sys_alarm(unsigned int seconds)
{
	uint64_t old;
	set_real((uint64_t)seconds * NSEC_PER_SEC, 0, &old, NULL);
	/* the seconds that were left, rounded up as alarm(2) says (a fraction counts as 1) */
	return (long)((old + NSEC_PER_SEC - 1) / NSEC_PER_SEC);
}
