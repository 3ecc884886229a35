/*
 * timer.c - one-shot kernel timers on the local APIC timer.
 *
 * Armed timers sit in a list sorted by deadline; the APIC timer is always
 * programmed for the head. Its interrupt runs every expired timer's
 * function (interrupts off) and re-programs for the next one. Callers use
 * this for time slices, sleeps and timed waits. A sorted list is enough
 * while only a handful of timers are ever armed at once.
 */
#include "time.h"
#include "cpu.h"
#include "klib.h"
#include "list.h"

static struct spinlock timer_lock = SPINLOCK_INIT("timer");
static struct list armed = { &armed, &armed }; /* sorted by deadline; timer_lock */
static uint64_t nr_interrupts;

static void program_next(void)
{
	if (list_empty(&armed)) {
		apic_timer_oneshot(0);
		return;
	}
	struct ktimer *t = container_of(armed.next, struct ktimer, link);
	uint64_t now = clock_ns();
	apic_timer_oneshot(t->deadline > now ? t->deadline - now : 1);
}

void ktimer_arm(struct ktimer *t, uint64_t deadline_ns)
{
	unsigned long flags = spin_lock_irqsave(&timer_lock);
	struct list *pos;

	if (t->armed)
		list_remove(&t->link);
	t->deadline = deadline_ns;
	t->armed = true;
	list_for_each(pos, &armed) {
		if (container_of(pos, struct ktimer, link)->deadline > deadline_ns)
			break;
	}
	list_insert_before(pos, &t->link);
	if (armed.next == &t->link)
		program_next();
	spin_unlock_irqrestore(&timer_lock, flags);
}

void ktimer_cancel(struct ktimer *t)
{
	unsigned long flags = spin_lock_irqsave(&timer_lock);
	if (t->armed) {
		list_remove(&t->link);
		t->armed = false;
	}
	spin_unlock_irqrestore(&timer_lock, flags);
}

static void timer_interrupt(struct trap_frame *f)
{
	(void)f;
	nr_interrupts++;
	apic_eoi();
	unsigned long flags = spin_lock_irqsave(&timer_lock);
	uint64_t now = clock_ns();
	while (!list_empty(&armed)) {
		struct ktimer *t = container_of(armed.next, struct ktimer, link);
		if (t->deadline > now)
			break;
		list_remove(&t->link);
		t->armed = false;
		/* fn may arm timers: drop the lock around it (interrupts stay off) */
		spin_unlock_irqrestore(&timer_lock, 0);
		t->fn(t);
		spin_lock_irqsave(&timer_lock);
		now = clock_ns();
	}
	program_next();
	spin_unlock_irqrestore(&timer_lock, flags);
}

void timer_init(void)
{
	irq_register(VEC_TIMER, timer_interrupt);
}

uint64_t timer_interrupts(void)
{
	return nr_interrupts;
}
