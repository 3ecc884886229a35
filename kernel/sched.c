/*
 * sched.c - the scheduler and wait queues.
 *
 * One run queue, FIFO, on one CPU. schedule_locked() puts the current
 * thread back on the queue if it is still runnable, takes the next one (or
 * the idle thread) and switches to it. Preemption: whenever another thread
 * is waiting, a slice timer is armed; when it fires it sets need_resched,
 * and trap_dispatch switches on the way out of the interrupt.
 *
 * A wait queue holds sleeping threads and callback entries (struct
 * waitq_entry, sched.h): a wake makes up to n threads runnable and then
 * calls every entry's function, which is how poll/select/epoll sleep on
 * one queue of their own yet hear about many (vfs/poll.c, vfs/epoll.c).
 *
 * Locking: sched_lock (interrupts off) protects the run queue, every wait
 * queue (threads and callback entries), and each thread's state, link and
 * wait fields. It is held across ctx_switch and released by whichever
 * thread runs next: by the caller of schedule_locked() when it resumes, or
 * by thread_start() in a new thread.
 * Lock order: sched_lock before timer_lock (ktimer_arm is called with
 * sched_lock held; timer functions run with timer_lock dropped).
 */
#include "sched.h"
#include "time.h"
#include "cpu.h"
#include "klib.h"
#include "list.h"
#include <asm-generic/errno.h>

struct spinlock sched_lock = SPINLOCK_INIT("sched");
static struct list runq = { &runq, &runq }; /* runnable threads, not the current one */
static struct thread *idle_thread;
static bool need_resched;
static struct ktimer slice_timer;
static uint64_t nr_switches;

#define STACK_CANARY 0x6b65656c5f73746bULL /* checked at every switch */

void ctx_switch(uint64_t *save_rsp, uint64_t new_rsp);

unsigned long sched_lock_irqsave(void)
{
	return spin_lock_irqsave(&sched_lock);
}

void sched_unlock_irqrestore(unsigned long flags)
{
	spin_unlock_irqrestore(&sched_lock, flags);
}

struct thread *thread_current(void)
{
	return this_cpu()->current;
}

uint64_t thread_cpu_ns(struct thread *t)
{
	unsigned long flags = sched_lock_irqsave();
	uint64_t ns = t->cpu_ns + (t == thread_current() ? clock_ns() - t->switched_in : 0);
	sched_unlock_irqrestore(flags);
	return ns;
}

/* The fast path's frame keeps it in the top word of the kernel stack; the full path's frame has it. */
uint64_t syscall_user_rsp(void)
{
	struct thread *t = thread_current();
	if (t->syscall_frame)
		return t->syscall_frame->rsp;
	return ((uint64_t *)this_cpu()->kstack_top)[-1];
}

void thread_sig_recalc(struct thread *t)
{
	t->sig_work = (t->sig_pending & ~t->sig_mask) != 0 || t->sig_restore_mask;
	if (t == this_cpu()->current) /* the fast path reads the per-CPU copy */
		this_cpu()->sig_work = t->sig_work;
}

static void slice_expired(struct ktimer *t)
{
	(void)t;
	need_resched = true;
}

void sched_set_idle(struct thread *t)
{
	idle_thread = t;
}

void sched_stack_canary_set(struct thread *t)
{
	*(uint64_t *)t->kstack = STACK_CANARY;
}

/* Make t runnable. Called with sched_lock held. */
void sched_make_runnable(struct thread *t)
{
	struct thread *cur = thread_current();

	t->state = T_RUNNABLE;
	list_push_back(&runq, &t->link);
	if (cur == idle_thread)
		need_resched = true;
	else if (!slice_timer.armed)
		ktimer_arm(&slice_timer, clock_ns() + SCHED_SLICE_NS);
}

static void switch_to(struct thread *prev, struct thread *next)
{
	struct percpu *pc = this_cpu();

	if (*(uint64_t *)next->kstack != STACK_CANARY)
		panic("kernel stack overflow in thread %d (%s)", next->tid, next->name);
	fpu_save(prev->fpu);
	/* the program's TLS pointer is per thread; compared with what the MSR holds, not
	 * with prev's field, which a preempted arch_prctl may have changed already */
	if (next->fs_base != pc->fs_loaded) {
		wrmsr(MSR_FS_BASE, next->fs_base);
		pc->fs_loaded = next->fs_base;
	}
	prev->syscall_nr = pc->syscall_nr; /* the per-CPU copy is the running thread's */
	uint64_t now = clock_ns();
	prev->cpu_ns += now - prev->switched_in; /* CPU time, for the CPU-time clocks */
	next->switched_in = now;
	pc->current = next;
	pc->sig_work = next->sig_work;
	pc->syscall_nr = next->syscall_nr;
	pc->kstack_base = (uint64_t)next->kstack;
	pc->kstack_top = (uint64_t)next->kstack + KSTACK_SIZE;
	next->switches++;
	nr_switches++;
	ctx_switch(&prev->saved_rsp, next->saved_rsp);
	/* prev runs again here, with sched_lock held by whoever switched back */
	fpu_restore(prev->fpu);
}

/* Switch to the next runnable thread. Called with sched_lock held. */
void schedule_locked(void)
{
	struct thread *prev = thread_current();

	if (*(uint64_t *)prev->kstack != STACK_CANARY)
		panic("kernel stack overflow in thread %d (%s)", prev->tid, prev->name);
	if (prev->state == T_RUNNING) {
		prev->state = T_RUNNABLE;
		if (prev != idle_thread)
			list_push_back(&runq, &prev->link);
	}
	struct list *n = list_pop_front(&runq);
	struct thread *next = n ? container_of(n, struct thread, link) : idle_thread;
	need_resched = false;
	next->state = T_RUNNING;
	if (!list_empty(&runq))
		ktimer_arm(&slice_timer, clock_ns() + SCHED_SLICE_NS);
	else
		ktimer_cancel(&slice_timer);
	if (next != prev)
		switch_to(prev, next);
}

void sched_preempt_point(void)
{
	if (!need_resched)
		return;
	unsigned long flags = sched_lock_irqsave();
	struct thread *cur = thread_current();
	if (cur != idle_thread)
		cur->preemptions++;
	schedule_locked();
	sched_unlock_irqrestore(flags);
}

void thread_yield(void)
{
	unsigned long flags = sched_lock_irqsave();
	schedule_locked();
	sched_unlock_irqrestore(flags);
}

void sched_init_timer(void)
{
	slice_timer.fn = slice_expired;
}

uint64_t sched_context_switches(void)
{
	return nr_switches;
}

/* --- wait queues --- */

struct timed_wait {
	struct ktimer timer;
	struct thread *thread;
};

static void wait_timeout(struct ktimer *kt)
{
	struct timed_wait *w = container_of(kt, struct timed_wait, timer);
	unsigned long flags = sched_lock_irqsave();
	if (w->thread->state == T_BLOCKED) {
		list_remove(&w->thread->link);
		w->thread->timed_out = true;
		sched_make_runnable(w->thread);
	}
	sched_unlock_irqrestore(flags);
}

void waitq_init(struct waitq *wq)
{
	list_init(&wq->waiters);
	list_init(&wq->callbacks);
}

int waitq_wait_locked(struct waitq *wq, uint64_t deadline_ns)
{
	struct thread *cur = thread_current();
	struct timed_wait w = { .timer = { .fn = wait_timeout }, .thread = cur };

	if (cur == idle_thread)
		panic("the idle thread tried to sleep");
	cur->timed_out = false;
	cur->state = T_BLOCKED;
	list_push_back(&wq->waiters, &cur->link);
	if (deadline_ns)
		ktimer_arm(&w.timer, deadline_ns);
	schedule_locked();
	if (deadline_ns)
		ktimer_cancel(&w.timer);
	return cur->timed_out ? -ETIMEDOUT : 0;
}

int waitq_wait_intr_locked(struct waitq *wq, uint64_t deadline_ns)
{
	struct thread *cur = thread_current();
	if (cur->sig_pending & ~cur->sig_mask)
		return -EINTR;
	cur->intr_wait = true;
	cur->intr_woken = false;
	int r = waitq_wait_locked(wq, deadline_ns);
	cur->intr_wait = false;
	return cur->intr_woken ? -EINTR : r;
}

void sched_signal_wake(struct thread *t)
{
	if (t->state == T_BLOCKED && t->intr_wait && (t->sig_pending & ~t->sig_mask)) {
		list_remove(&t->link); /* off whatever wait queue it sleeps on */
		t->intr_woken = true;
		sched_make_runnable(t);
	}
}

int waitq_wake_key_locked(struct waitq *wq, int n, unsigned key)
{
	int woken = 0;
	struct list *l, *next;

	while (n-- != 0 && (l = list_pop_front(&wq->waiters))) {
		sched_make_runnable(container_of(l, struct thread, link));
		woken++;
	}
	/* a queue set up by a zeroing static initializer has no callbacks */
	if (wq->callbacks.next) {
		for (l = wq->callbacks.next; l != &wq->callbacks; l = next) {
			next = l->next; /* fn may not remove entries, but be safe */
			struct waitq_entry *e = container_of(l, struct waitq_entry, link);
			e->fn(e, key);
		}
	}
	return woken;
}

int waitq_wake_locked(struct waitq *wq, int n)
{
	return waitq_wake_key_locked(wq, n, 0);
}

int waitq_wake_key(struct waitq *wq, int n, unsigned key)
{
	unsigned long flags = sched_lock_irqsave();
	int woken = waitq_wake_key_locked(wq, n, key);
	sched_unlock_irqrestore(flags);
	return woken;
}

int waitq_wake(struct waitq *wq, int n)
{
	return waitq_wake_key(wq, n, 0);
}

void waitq_add_callback(struct waitq *wq, struct waitq_entry *e)
{
	unsigned long flags = sched_lock_irqsave();
	if (!wq->callbacks.next)
		list_init(&wq->callbacks);
	list_push_back(&wq->callbacks, &e->link);
	sched_unlock_irqrestore(flags);
}

void waitq_remove_callback(struct waitq_entry *e)
{
	unsigned long flags = sched_lock_irqsave();
	if (e->link.next && e->link.next != &e->link)
		list_remove(&e->link); /* leaves it pointing at itself: removed */
	sched_unlock_irqrestore(flags);
}

int thread_sleep_until_intr(uint64_t deadline)
{
	struct waitq wq;
	int r = 0;

	waitq_init(&wq);
	unsigned long flags = sched_lock_irqsave();
	while (r != -EINTR && clock_ns() < deadline)
		r = waitq_wait_intr_locked(&wq, deadline);
	sched_unlock_irqrestore(flags);
	return r == -EINTR ? -EINTR : 0;
}

void thread_sleep_ns(uint64_t ns)
{
	struct waitq wq;
	uint64_t deadline = clock_ns() + ns;

	waitq_init(&wq);
	unsigned long flags = sched_lock_irqsave();
	while (clock_ns() < deadline)
		waitq_wait_locked(&wq, deadline);
	sched_unlock_irqrestore(flags);
}
