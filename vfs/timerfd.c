/*
 * timerfd.c - timerfd_create(2), timerfd_settime(2), timerfd_gettime(2):
 * a timer whose expirations are read from a file.
 *
 * Design. Each timerfd owns one ktimer (kernel/timer.c), armed for the
 * next expiry in clock_ns() time. Its function runs in the timer
 * interrupt with interrupts off, so it only counts the expiry and wakes
 * the queue (readers, poll/epoll entries). Like Linux, an interval timer
 * is not re-armed there: after it fires it waits until somebody reads it
 * or asks for its time (timerfd_gettime, settime's old value); then
 * forward() adds the whole intervals that went by since (the "overrun")
 * and arms the next expiry. So a timer nobody reads costs one interrupt,
 * not one per interval, and a read still counts every expiry since the
 * last read.
 *
 * Clocks: CLOCK_MONOTONIC and CLOCK_BOOTTIME are clock_ns() (keel never
 * suspends); CLOCK_REALTIME is clock_ns() plus the boot-time offset of
 * clock_realtime_ns(), and an absolute REALTIME expiry is converted once,
 * when set. The *_ALARM clocks are accepted as their plain clocks (there is
 * no suspend to wake from). TFD_TIMER_CANCEL_ON_SET is accepted, but
 * keel's real-time clock is never set, so it never cancels.
 *
 * Locking: every field below the comment in struct timerfd is protected by
 * sched_lock; the timer function takes it too (lock order: sched_lock
 * before timer_lock, so ktimer_arm/cancel may be called with it held).
 *
 * Callers: the syscall table.
 */
#include "internal.h"
#include "time.h"
#include <asm-generic/poll.h>
#include <linux/time.h>
#include <linux/timerfd.h>
#include <linux/time_types.h>

#define TFD_CREATE_FLAGS (TFD_CLOEXEC | TFD_NONBLOCK)
#define TFD_SETTIME_FLAGS (TFD_TIMER_ABSTIME | TFD_TIMER_CANCEL_ON_SET)
#ifndef CLOCK_REALTIME_ALARM
#define CLOCK_REALTIME_ALARM 8
#define CLOCK_BOOTTIME_ALARM 9
#endif

struct timerfd {
	int clockid;                /* fixed at creation */
	struct ktimer timer;
	/* protected by sched_lock */
	int64_t expires;            /* the pending (or last) expiry, clock_ns() time */
	uint64_t interval;          /* ns between expiries; 0: one-shot */
	bool armed;                 /* expires is a real expiry, not yet counted */
	bool expired;               /* fired; an interval timer waits for forward() */
	uint64_t ticks;             /* expiries not yet read */
	struct waitq wq;            /* readers and pollers */
};

static const struct file_ops timerfd_fops;

/* The timer interrupt: count the expiry, wake the readers. */
static void timerfd_fire(struct ktimer *kt)
{
	struct timerfd *t = container_of(kt, struct timerfd, timer);
	unsigned long flags = sched_lock_irqsave();

	if (t->armed) {
		t->armed = false;
		t->expired = true;
		t->ticks++;
		waitq_wake_key_locked(&t->wq, -1, POLLIN);
	}
	sched_unlock_irqrestore(flags);
}

/* Arm the ktimer for t->expires (sched_lock held). */
static void arm(struct timerfd *t)
{
	t->armed = true;
	t->expired = false;
	ktimer_arm(&t->timer, t->expires > 0 ? (uint64_t)t->expires : 1);
}

/*
 * An interval timer that fired: count the intervals that have passed since
 * and arm the next expiry (sched_lock held).
 */
static void forward(struct timerfd *t)
{
	int64_t now = (int64_t)clock_ns();
	uint64_t missed;

	if (!t->expired || !t->interval)
		return;
	missed = now > t->expires ? (uint64_t)(now - t->expires) / t->interval : 0;
	t->ticks += missed;
	t->expires += (int64_t)((missed + 1) * t->interval);
	arm(t);
}

/* The time left and the interval, as timerfd_gettime reports them (sched_lock held). */
static void current_value(struct timerfd *t, struct __kernel_itimerspec *out)
{
	int64_t now = (int64_t)clock_ns();
	uint64_t left;

	forward(t);
	left = t->armed && t->expires > now ? (uint64_t)(t->expires - now) : 0;
	out->it_value.tv_sec = (long long)(left / NSEC_PER_SEC);
	out->it_value.tv_nsec = (long long)(left % NSEC_PER_SEC);
	out->it_interval.tv_sec = (long long)(t->interval / NSEC_PER_SEC);
	out->it_interval.tv_nsec = (long long)(t->interval % NSEC_PER_SEC);
}

static long timerfd_read(struct file *f, void *buf, size_t n, uint64_t *pos, unsigned io)
{
	struct timerfd *t = f->priv;
	unsigned long flags;
	uint64_t v;

	(void)pos;
	if (n < sizeof(v))
		return -EINVAL;
	flags = sched_lock_irqsave();
	for (;;) {
		forward(t);
		if (t->ticks)
			break;
		if (f->flags & O_NONBLOCK) {
			sched_unlock_irqrestore(flags);
			return -EAGAIN;
		}
		waitq_wait_locked(&t->wq, 0);
	}
	v = t->ticks;
	t->ticks = 0;
	sched_unlock_irqrestore(flags);
	if (vfs_copy_out(buf, &v, sizeof(v), io))
		return -EFAULT;
	return sizeof(v);
}

static unsigned timerfd_poll(struct file *f, struct poll_table *pt)
{
	struct timerfd *t = f->priv;
	unsigned long flags;
	bool ready;

	poll_wait(pt, &t->wq);
	flags = sched_lock_irqsave();
	ready = t->ticks != 0;
	sched_unlock_irqrestore(flags);
	return ready ? POLLIN : 0; /* the bare bit, as Linux reports it */
}

static void timerfd_release(struct file *f)
{
	struct timerfd *t = f->priv;
	unsigned long flags = sched_lock_irqsave();

	/* the function runs with interrupts off on this CPU: after this it cannot run */
	ktimer_cancel(&t->timer);
	t->armed = false;
	sched_unlock_irqrestore(flags);
	kfree(t);
}

static const struct file_ops timerfd_fops = {
	.name = "timerfd",
	.read = timerfd_read,
	.poll = timerfd_poll,
	.release = timerfd_release,
};

long sys_timerfd_create(int clockid, int flags)
{
	struct timerfd *t;
	struct file *f;
	int fd;

	if (clockid != CLOCK_REALTIME && clockid != CLOCK_MONOTONIC && clockid != CLOCK_BOOTTIME &&
	    clockid != CLOCK_REALTIME_ALARM && clockid != CLOCK_BOOTTIME_ALARM)
		return -EINVAL;
	if (flags & ~TFD_CREATE_FLAGS)
		return -EINVAL;
	t = kzalloc(sizeof(*t));
	if (!t)
		return -ENOMEM;
	t->clockid = clockid;
	t->timer.fn = timerfd_fire;
	waitq_init(&t->wq);
	f = vfs_file_anon(&timerfd_fops, t, O_RDWR | (flags & TFD_NONBLOCK), 0600);
	if (!f) {
		kfree(t);
		return -ENOMEM;
	}
	f->flags &= ~O_LARGEFILE; /* F_GETFL: Linux's anonymous files lack it */
	fd = fd_install(f, (unsigned)flags & TFD_CLOEXEC);
	if (fd < 0)
		file_put(f);
	return fd;
}

static bool ts_valid(const struct __kernel_timespec *ts)
{
	return ts->tv_sec >= 0 && ts->tv_nsec >= 0 && ts->tv_nsec < (long long)NSEC_PER_SEC;
}

/* ts as nanoseconds, saturating where int64 ends (292 years). */
static int64_t ts_ns(const struct __kernel_timespec *ts)
{
	if (ts->tv_sec >= INT64_MAX / (int64_t)NSEC_PER_SEC - 1)
		return INT64_MAX / 2;
	return ts->tv_sec * (int64_t)NSEC_PER_SEC + ts->tv_nsec;
}

/* The first expiry of a new setting, in clock_ns() time. */
static int64_t first_expiry(struct timerfd *t, int64_t value, int flags)
{
	int64_t now = (int64_t)clock_ns();

	if (!(flags & TFD_TIMER_ABSTIME))
		return value > INT64_MAX / 2 ? INT64_MAX / 2 : now + value;
	if (t->clockid == CLOCK_REALTIME || t->clockid == CLOCK_REALTIME_ALARM)
		return value - ((int64_t)clock_realtime_ns() - now); /* may lie before boot */
	return value;
}

/* Get the timerfd behind ufd. Return: it (file referenced in *fp), or NULL and *err. */
static struct timerfd *timerfd_get(int ufd, struct file **fp, long *err)
{
	struct file *f = fd_get(ufd);

	*fp = f;
	if (!f || (f->fmode & FMODE_PATH)) {
		*err = -EBADF;
		return NULL;
	}
	if (f->ops != &timerfd_fops) {
		*err = -EINVAL;
		return NULL;
	}
	return f->priv;
}

long sys_timerfd_settime(int ufd, int flags, const struct __kernel_itimerspec *utmr,
			 struct __kernel_itimerspec *otmr)
{
	struct __kernel_itimerspec new, old;
	struct timerfd *t;
	struct file *f;
	unsigned long irq;
	long ret = 0;

	if (copy_from_user(&new, utmr, sizeof(new)))
		return -EFAULT;
	if ((flags & ~TFD_SETTIME_FLAGS) || !ts_valid(&new.it_value) || !ts_valid(&new.it_interval))
		return -EINVAL;
	t = timerfd_get(ufd, &f, &ret);
	if (!t)
		goto out;
	irq = sched_lock_irqsave();
	current_value(t, &old);
	ktimer_cancel(&t->timer);
	t->armed = t->expired = false;
	t->ticks = 0;
	t->interval = (uint64_t)ts_ns(&new.it_interval);
	t->expires = 0;
	if (new.it_value.tv_sec || new.it_value.tv_nsec) {
		t->expires = first_expiry(t, ts_ns(&new.it_value), flags);
		arm(t);
	}
	sched_unlock_irqrestore(irq);
	if (otmr && copy_to_user(otmr, &old, sizeof(old)))
		ret = -EFAULT;
out:
	if (f)
		file_put(f);
	return ret;
}

long sys_timerfd_gettime(int ufd, struct __kernel_itimerspec *otmr)
{
	struct __kernel_itimerspec cur;
	struct timerfd *t;
	struct file *f;
	unsigned long irq;
	long ret = 0;

	t = timerfd_get(ufd, &f, &ret);
	if (!t)
		goto out;
	irq = sched_lock_irqsave();
	current_value(t, &cur);
	sched_unlock_irqrestore(irq);
	if (copy_to_user(otmr, &cur, sizeof(cur)))
		ret = -EFAULT;
out:
	if (f)
		file_put(f);
	return ret;
}
