/*
 * spinlock.h - the lock for data touched from interrupt context.
 *
 * keel schedules on one CPU, so mutual exclusion with interrupt handlers is
 * what matters: taking a spinlock disables interrupts and remembers whether
 * they were on. The lock word still exists so that a recursive acquisition
 * (a real bug on one CPU: it would deadlock on many) panics with the lock's
 * name instead of silently corrupting data. Host unit tests compile the
 * interrupt flag handling away.
 */
#ifndef KEEL_SPINLOCK_H
#define KEEL_SPINLOCK_H

#include <stdint.h>

struct spinlock {
	volatile int locked;
	const char *name;
};

#define SPINLOCK_INIT(n) { 0, n }

#ifdef KEEL_HOSTTEST
static inline unsigned long irq_save(void) { return 0; }
static inline void irq_restore(unsigned long flags) { (void)flags; }
#define spin_lock_failed(l) ((void)(l))
#else
static inline unsigned long irq_save(void)
{
	unsigned long flags;
	__asm__ volatile("pushfq; popq %0; cli" : "=r"(flags)::"memory");
	return flags;
}
static inline void irq_restore(unsigned long flags)
{
	if (flags & 0x200)
		__asm__ volatile("sti" ::: "memory");
}
void spin_lock_failed(struct spinlock *l); /* panics: see panic.c */
#endif

/* Return: the interrupt flag state to hand back to spin_unlock_irqrestore. */
static inline unsigned long spin_lock_irqsave(struct spinlock *l)
{
	unsigned long flags = irq_save();
	if (l->locked)
		spin_lock_failed(l);
	l->locked = 1;
	return flags;
}

static inline void spin_unlock_irqrestore(struct spinlock *l, unsigned long flags)
{
	l->locked = 0;
	irq_restore(flags);
}

#endif
