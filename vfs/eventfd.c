/*
 * eventfd.c - eventfd(2) and eventfd2(2): a 64-bit counter behind a file.
 *
 * Semantics, as eventfd(2):
 *   - write(8 bytes) adds the value to the counter; the counter never
 *     exceeds 0xfffffffffffffffe, so a write that would pass it blocks
 *     (-EAGAIN with EFD_NONBLOCK); writing 0xffffffffffffffff is -EINVAL;
 *   - read(8 bytes) waits until the counter is non-zero (-EAGAIN with
 *     EFD_NONBLOCK), then returns it and resets it to 0 -- or, with
 *     EFD_SEMAPHORE, returns 1 and decrements it;
 *   - a read buffer shorter than 8 bytes is -EINVAL, and so is a write of
 *     anything but exactly 8 bytes (Linux 6.7 made that check strict);
 *   - poll: POLLIN while non-zero, POLLOUT while at least 1 can be added
 *     (the bare bits, no RDNORM/WRNORM, as Linux reports them).
 *
 * Locking: the counter is protected by sched_lock, so a reader or writer
 * checks it and goes to sleep on the one wait queue in one critical
 * section, and the other side's wake cannot fall in between. Wakes carry
 * the key POLLIN (count became non-zero) or POLLOUT (room was made), so an
 * epoll item waiting for the other direction is not disturbed.
 *
 * Callers: the syscall table (sys_eventfd, sys_eventfd2).
 */
#include "internal.h"
#include <asm-generic/poll.h>

/* eventfd(2) flags; no UAPI header defines them (glibc's <sys/eventfd.h> does) */
#define EFD_SEMAPHORE 1
#define EFD_CLOEXEC O_CLOEXEC
#define EFD_NONBLOCK O_NONBLOCK

#define EVENTFD_MAX 0xfffffffffffffffeULL

struct eventfd {
	uint64_t count;        /* sched_lock */
	bool semaphore;        /* fixed at creation */
	struct waitq wq;       /* readers and writers waiting */
};

static long eventfd_read(struct file *f, void *buf, size_t n, uint64_t *pos, unsigned io)
{
	struct eventfd *e = f->priv;
	unsigned long flags;
	uint64_t v;

	(void)pos;
	if (n < sizeof(v))
		return -EINVAL;
	flags = sched_lock_irqsave();
	while (e->count == 0) {
		if (f->flags & O_NONBLOCK) {
			sched_unlock_irqrestore(flags);
			return -EAGAIN;
		}
		waitq_wait_locked(&e->wq, 0);
	}
	v = e->semaphore ? 1 : e->count;
	e->count -= v;
	waitq_wake_key_locked(&e->wq, -1, POLLOUT);
	sched_unlock_irqrestore(flags);
	/* as Linux: a bad buffer loses the value read (it has been consumed) */
	if (vfs_copy_out(buf, &v, sizeof(v), io))
		return -EFAULT;
	return sizeof(v);
}

static long eventfd_write(struct file *f, const void *buf, size_t n, uint64_t *pos, unsigned io)
{
	struct eventfd *e = f->priv;
	unsigned long flags;
	uint64_t v;

	(void)pos;
	if (n != sizeof(v)) /* exactly 8 since Linux 6.7; the man page still says "less than" */
		return -EINVAL;
	if (vfs_copy_in(&v, buf, sizeof(v), io))
		return -EFAULT;
	if (v == ~0ULL)
		return -EINVAL;
	flags = sched_lock_irqsave();
	while (EVENTFD_MAX - e->count < v) {
		if (f->flags & O_NONBLOCK) {
			sched_unlock_irqrestore(flags);
			return -EAGAIN;
		}
		waitq_wait_locked(&e->wq, 0);
	}
	e->count += v;
	waitq_wake_key_locked(&e->wq, -1, POLLIN);
	sched_unlock_irqrestore(flags);
	return sizeof(v);
}

static unsigned eventfd_poll(struct file *f, struct poll_table *pt)
{
	struct eventfd *e = f->priv;
	unsigned long flags;
	unsigned mask = 0;
	uint64_t count;

	poll_wait(pt, &e->wq);
	flags = sched_lock_irqsave();
	count = e->count;
	sched_unlock_irqrestore(flags);
	if (count > 0)
		mask |= POLLIN;
	if (count == ~0ULL)
		mask |= POLLERR; /* cannot happen through write(); kept for the ABI's sake */
	if (count < EVENTFD_MAX)
		mask |= POLLOUT;
	return mask;
}

static void eventfd_release(struct file *f)
{
	kfree(f->priv);
}

static const struct file_ops eventfd_fops = {
	.name = "eventfd",
	.read = eventfd_read,
	.write = eventfd_write,
	.poll = eventfd_poll,
	.release = eventfd_release,
};

long sys_eventfd2(unsigned int count, int flags)
{
	struct eventfd *e;
	struct file *f;
	int fd;

	if (flags & ~(EFD_SEMAPHORE | EFD_CLOEXEC | EFD_NONBLOCK))
		return -EINVAL;
	e = kzalloc(sizeof(*e));
	if (!e)
		return -ENOMEM;
	e->count = count;
	e->semaphore = flags & EFD_SEMAPHORE;
	waitq_init(&e->wq);
	f = vfs_file_anon(&eventfd_fops, e, O_RDWR | (flags & EFD_NONBLOCK), 0600);
	if (!f) {
		kfree(e);
		return -ENOMEM;
	}
	f->flags &= ~O_LARGEFILE; /* F_GETFL: Linux's anonymous files lack it */
	fd = fd_install(f, (unsigned)flags & EFD_CLOEXEC);
	if (fd < 0)
		file_put(f);
	return fd;
}

long sys_eventfd(unsigned int count)
{
	return sys_eventfd2(count, 0);
}
