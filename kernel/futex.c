/*
 * futex.c - fast user-space mutexes: the sleeping half of every libc's
 * locks, condition variables, thread joins and semaphores.
 *
 * Waiters sit on one list with the address they wait on and a bitset.
 * Everything -- reading the futex word, queueing, waking, requeueing, and
 * the read-modify-write of FUTEX_WAKE_OP -- happens under sched_lock with
 * interrupts off, which on one CPU makes "compare the word, then sleep"
 * atomic with respect to every wake (the property futex(2) promises). A
 * list scan per wake is fine at the thread counts programs use here; a hash
 * of lists is the obvious next step if that changes. FUTEX_PRIVATE_FLAG is
 * accepted and changes nothing: there is one address space.
 */
#include "proc.h"
#include "sched.h"
#include "time.h"
#include "klib.h"
#include "list.h"
#include "uaccess.h"
#include <linux/futex.h>
#include <linux/time_types.h>
#include <asm-generic/errno.h>

struct futex_waiter {
	struct list link;    /* on waiters; sched_lock */
	uint32_t *uaddr;
	uint32_t bitset;
	bool woken;
	struct waitq wq;     /* the sleeping thread alone */
};

static struct list waiters = { &waiters, &waiters }; /* sched_lock */

/* Wake up to n waiters on uaddr whose bitset meets mask. sched_lock held. */
static int wake_locked(uint32_t *uaddr, int n, uint32_t mask)
{
	int woken = 0;
	struct list *l, *next;
	for (l = waiters.next; l != &waiters && woken < n; l = next) {
		next = l->next;
		struct futex_waiter *w = container_of(l, struct futex_waiter, link);
		if (w->uaddr != uaddr || !(w->bitset & mask))
			continue;
		list_remove(&w->link);
		w->woken = true;
		waitq_wake_locked(&w->wq, 1);
		woken++;
	}
	return woken;
}

/* Move up to n waiters from uaddr to uaddr2. sched_lock held. */
static int requeue_locked(uint32_t *uaddr, uint32_t *uaddr2, int n)
{
	int moved = 0;
	for (struct list *l = waiters.next; l != &waiters && moved < n; l = l->next) {
		struct futex_waiter *w = container_of(l, struct futex_waiter, link);
		if (w->uaddr == uaddr) {
			w->uaddr = uaddr2;
			moved++;
		}
	}
	return moved;
}

/* Public for thread exit (CLONE_CHILD_CLEARTID). */
int futex_wake(uint32_t *uaddr, int n)
{
	unsigned long flags = sched_lock_irqsave();
	int r = wake_locked(uaddr, n, FUTEX_BITSET_MATCH_ANY);
	sched_unlock_irqrestore(flags);
	return r;
}

static long wait(uint32_t *uaddr, uint32_t val, uint64_t deadline, uint32_t bitset)
{
	struct futex_waiter w = { .uaddr = uaddr, .bitset = bitset };
	uint32_t cur;
	long ret = 0;

	if (!bitset)
		return -EINVAL;
	waitq_init(&w.wq);
	unsigned long flags = sched_lock_irqsave();
	if (copy_from_user(&cur, uaddr, 4)) {
		ret = -EFAULT;
		goto out_unlock;
	}
	if (cur != val) {
		ret = -EAGAIN;
		goto out_unlock;
	}
	list_push_back(&waiters, &w.link);
	while (!w.woken) {
		if (deadline && clock_ns() >= deadline) {
			ret = -ETIMEDOUT;
			break;
		}
		if (waitq_wait_intr_locked(&w.wq, deadline) == -EINTR && !w.woken) {
			/* as Linux: an untimed wait restarts under SA_RESTART, a timed one says EINTR */
			ret = deadline ? -EINTR : -ERESTARTSYS;
			break;
		}
	}
	if (!w.woken)
		list_remove(&w.link);
out_unlock:
	sched_unlock_irqrestore(flags);
	return ret;
}

/* Return: 0 and *deadline (clock_ns() time; 0 = none), or -errno. */
static int deadline_of(const struct __kernel_timespec *ut, bool absolute, bool realtime,
		       uint64_t *deadline)
{
	struct __kernel_timespec t;
	*deadline = 0;
	if (!ut)
		return 0;
	if (copy_from_user(&t, ut, sizeof(t)))
		return -EFAULT;
	if (t.tv_sec < 0 || t.tv_nsec < 0 || t.tv_nsec >= (long long)NSEC_PER_SEC)
		return -EINVAL;
	int64_t ns = t.tv_sec * (int64_t)NSEC_PER_SEC + t.tv_nsec;
	int64_t now = (int64_t)clock_ns();
	if (absolute && realtime)
		ns -= (int64_t)clock_realtime_ns() - now; /* to the monotonic clock */
	else if (!absolute)
		ns += now;
	*deadline = ns > 0 ? (uint64_t)ns : 1; /* in the past: time out at once */
	return 0;
}

/* FUTEX_WAKE_OP: *uaddr2 = op(old, oparg); then maybe wake uaddr2 waiters. */
static long wake_op(uint32_t *uaddr, int n, uint32_t *uaddr2, int n2, uint32_t code)
{
	unsigned op = (code >> 28) & 7, cmp = (code >> 24) & 15;
	uint32_t oparg = (code >> 12) & 0xfff, cmparg = code & 0xfff, old, new;
	if (code & (FUTEX_OP_OPARG_SHIFT << 28)) {
		if (oparg >= 32)
			return -EINVAL;
		oparg = 1u << oparg;
	}
	unsigned long flags = sched_lock_irqsave();
	long ret;
	if (copy_from_user(&old, uaddr2, 4)) {
		ret = -EFAULT;
		goto out_unlock;
	}
	switch (op) {
	case FUTEX_OP_SET: new = oparg; break;
	case FUTEX_OP_ADD: new = old + oparg; break;
	case FUTEX_OP_OR: new = old | oparg; break;
	case FUTEX_OP_ANDN: new = old & ~oparg; break;
	case FUTEX_OP_XOR: new = old ^ oparg; break;
	default: ret = -ENOSYS; goto out_unlock;
	}
	if (copy_to_user(uaddr2, &new, 4)) {
		ret = -EFAULT;
		goto out_unlock;
	}
	bool hit;
	switch (cmp) {
	case FUTEX_OP_CMP_EQ: hit = old == cmparg; break;
	case FUTEX_OP_CMP_NE: hit = old != cmparg; break;
	case FUTEX_OP_CMP_LT: hit = (int32_t)old < (int32_t)cmparg; break;
	case FUTEX_OP_CMP_LE: hit = (int32_t)old <= (int32_t)cmparg; break;
	case FUTEX_OP_CMP_GT: hit = (int32_t)old > (int32_t)cmparg; break;
	case FUTEX_OP_CMP_GE: hit = (int32_t)old >= (int32_t)cmparg; break;
	default: ret = -ENOSYS; goto out_unlock;
	}
	ret = wake_locked(uaddr, n, FUTEX_BITSET_MATCH_ANY);
	if (hit)
		ret += wake_locked(uaddr2, n2, FUTEX_BITSET_MATCH_ANY);
out_unlock:
	sched_unlock_irqrestore(flags);
	return ret;
}

long sys_futex(uint32_t *uaddr, int op, uint32_t val, const void *timeout, uint32_t *uaddr2,
	       uint32_t val3)
{
	int cmd = op & FUTEX_CMD_MASK;
	bool realtime = op & FUTEX_CLOCK_REALTIME;
	uint64_t deadline;
	int err;

	if ((uintptr_t)uaddr & 3)
		return -EINVAL; /* futex(2): the word must be 4-byte aligned */
	if (!user_range_ok(uaddr, 4))
		return -EFAULT;
	switch (cmd) {
	case FUTEX_WAIT:
		if ((err = deadline_of(timeout, false, false, &deadline)))
			return err;
		return wait(uaddr, val, deadline, FUTEX_BITSET_MATCH_ANY);
	case FUTEX_WAIT_BITSET:
		if ((err = deadline_of(timeout, true, realtime, &deadline)))
			return err;
		return wait(uaddr, val, deadline, val3);
	case FUTEX_WAKE:
		return futex_wake(uaddr, val ? (int)val : 1); /* Linux wakes one for 0 */
	case FUTEX_WAKE_BITSET: {
		if (!val3)
			return -EINVAL;
		unsigned long flags = sched_lock_irqsave();
		long r = wake_locked(uaddr, (int)val, val3);
		sched_unlock_irqrestore(flags);
		return r;
	}
	case FUTEX_REQUEUE:
	case FUTEX_CMP_REQUEUE: {
		long n2 = (long)(uintptr_t)timeout; /* the argument slot carries a count here */
		uint32_t cur;
		unsigned long flags = sched_lock_irqsave();
		long r;
		if (cmd == FUTEX_CMP_REQUEUE && copy_from_user(&cur, uaddr, 4))
			r = -EFAULT;
		else if (cmd == FUTEX_CMP_REQUEUE && cur != val3)
			r = -EAGAIN;
		else
			r = wake_locked(uaddr, (int)val, FUTEX_BITSET_MATCH_ANY) +
			    requeue_locked(uaddr, uaddr2, (int)n2);
		sched_unlock_irqrestore(flags);
		return r;
	}
	case FUTEX_WAKE_OP:
		return wake_op(uaddr, (int)val, uaddr2, (int)(uintptr_t)timeout, val3);
	default:
		return -ENOSYS; /* PI futexes and FUTEX_WAIT_REQUEUE_PI: not yet */
	}
}
