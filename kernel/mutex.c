/*
 * mutex.c - a sleeping lock. The owner field and the wait queue are both
 * protected by sched_lock, so "check owner, else sleep" cannot race with
 * an unlock. Unlock hands the lock to nobody in particular: the woken
 * thread retries, which keeps the code simple and is fair enough on one CPU.
 */
#include "sched_internal.h"
#include "klib.h"

void mutex_init(struct mutex *m)
{
	m->owner = NULL;
	waitq_init(&m->wq);
}

void mutex_lock(struct mutex *m)
{
	struct thread *cur = thread_current();
	unsigned long flags = sched_lock_irqsave();

	if (m->owner == cur)
		panic("mutex locked twice by thread %d (%s)", cur->tid, cur->name);
	while (m->owner)
		waitq_wait_locked(&m->wq, 0);
	m->owner = cur;
	sched_unlock_irqrestore(flags);
}

bool mutex_trylock(struct mutex *m)
{
	unsigned long flags = sched_lock_irqsave();
	bool ok = !m->owner;
	if (ok)
		m->owner = thread_current();
	sched_unlock_irqrestore(flags);
	return ok;
}

void mutex_unlock(struct mutex *m)
{
	unsigned long flags = sched_lock_irqsave();
	if (m->owner != thread_current())
		panic("mutex unlocked by thread %d, which does not own it", thread_current()->tid);
	m->owner = NULL;
	waitq_wake_locked(&m->wq, 1);
	sched_unlock_irqrestore(flags);
}
