/*
 * thread.c - kernel threads: creation, exit, join.
 *
 * A thread is a struct thread, a KSTACK_SIZE kernel stack and an xsave
 * area. A new thread's stack is laid out as if it had called ctx_switch
 * from thread_trampoline (entry.S), so the first switch to it "returns"
 * there and calls thread_start(fn, arg). The boot context becomes thread 0
 * ("main") in sched_init; the idle thread (never on the run queue) halts
 * until an interrupt makes something runnable.
 */
#include "sched_internal.h"
#include "cpu.h"
#include "klib.h"
#include "list.h"
#include "loader.h"
#include "mm.h"
#include "time.h"
#include "cpu.h"

static struct list all_threads = { &all_threads, &all_threads }; /* sched_lock */
static struct list zombies = { &zombies, &zombies }; /* detached, exited; sched_lock */
static int next_tid;
static unsigned nr_threads;

extern char thread_trampoline[], frame_trampoline[];

static void thread_free(struct thread *t)
{
	kfree(t->kstack);
	fpu_free(t->fpu);
	kfree(t);
}

/* Free detached threads that have exited (never the running one). */
static void reap(void)
{
	for (;;) {
		unsigned long flags = sched_lock_irqsave();
		struct list *l = list_pop_front(&zombies);
		sched_unlock_irqrestore(flags);
		if (!l)
			return;
		thread_free(container_of(l, struct thread, all));
	}
}

static struct thread *thread_alloc(const char *name, void *kstack)
{
	struct thread *t = kzalloc(sizeof(*t));
	if (!t)
		return NULL;
	t->kstack = kstack ? kstack : kmalloc(KSTACK_SIZE);
	t->fpu = fpu_alloc();
	if (!t->kstack || !t->fpu) {
		if (!kstack)
			kfree(t->kstack);
		fpu_free(t->fpu);
		kfree(t);
		return NULL;
	}
	strlcpy(t->name, name, sizeof(t->name));
	waitq_init(&t->joiners);
	waitq_init(&t->sig_wq);
	sched_stack_canary_set(t);
	unsigned long flags = sched_lock_irqsave();
	t->tid = next_tid++;
	list_push_back(&all_threads, &t->all);
	nr_threads++;
	sched_unlock_irqrestore(flags);
	return t;
}

/* First code a new thread runs (from thread_trampoline), sched_lock held. */
__noreturn void thread_start(void (*fn)(void *), void *arg)
{
	fpu_restore(thread_current()->fpu);
	sched_unlock_irqrestore(0x200); /* release the switcher's lock, interrupts on */
	fn(arg);
	thread_exit(0);
}

struct thread *thread_create(void (*fn)(void *), void *arg, const char *name)
{
	reap();
	struct thread *t = thread_alloc(name, NULL);
	if (!t)
		return NULL;
	/* as if ctx_switch had been called from thread_trampoline (see entry.S) */
	uint64_t *sp = (uint64_t *)((char *)t->kstack + KSTACK_SIZE);
	*--sp = 0;                           /* keeps %rsp 16-aligned at the call */
	*--sp = 0;
	*--sp = (uint64_t)thread_trampoline; /* ctx_switch's ret */
	*--sp = 0;                           /* rbp: ends backtraces */
	*--sp = 0;                           /* rbx */
	*--sp = (uint64_t)fn;                /* r12 */
	*--sp = (uint64_t)arg;               /* r13 */
	*--sp = 0;                           /* r14 */
	*--sp = 0;                           /* r15 */
	t->saved_rsp = (uint64_t)sp;

	unsigned long flags = sched_lock_irqsave();
	sched_make_runnable(t);
	sched_unlock_irqrestore(flags);
	return t;
}

__noreturn void thread_exit(int code)
{
	struct thread *cur = thread_current();

	sched_lock_irqsave();
	cur->exit_code = code;
	cur->state = T_ZOMBIE;
	if (cur->detached) {
		list_remove(&cur->all);
		nr_threads--;
		list_push_back(&zombies, &cur->all);
	}
	waitq_wake_locked(&cur->joiners, -1);
	schedule_locked();
	panic("a zombie thread ran again");
}

int thread_join(struct thread *t)
{
	unsigned long flags = sched_lock_irqsave();
	while (t->state != T_ZOMBIE)
		waitq_wait_locked(&t->joiners, 0);
	int code = t->exit_code;
	list_remove(&t->all);
	nr_threads--;
	sched_unlock_irqrestore(flags);
	thread_free(t);
	return code;
}

/* First code of a thread made by thread_create_frame, sched_lock held. */
void thread_start_frame(void)
{
	fpu_restore(thread_current()->fpu);
	sched_unlock_irqrestore(0); /* interrupts stay off until iretq restores the flags */
}

struct thread *thread_create_frame(const struct trap_frame *f, const char *name, uint64_t fs_base)
{
	reap();
	struct thread *t = thread_alloc(name, NULL);
	if (!t)
		return NULL;
	t->detached = true;
	t->fs_base = fs_base;
	fpu_save(t->fpu); /* a clone starts with its parent's FPU state, as on Linux */
	char *top = (char *)t->kstack + KSTACK_SIZE;
	struct trap_frame *tf = (struct trap_frame *)(top - sizeof(*tf));
	*tf = *f;
	uint64_t *sp = (uint64_t *)tf;
	*--sp = (uint64_t)frame_trampoline; /* ctx_switch's ret */
	for (int i = 0; i < 6; i++)
		*--sp = 0; /* rbp rbx r12 r13 r14 r15 */
	t->saved_rsp = (uint64_t)sp;
	t->state = T_BLOCKED; /* until thread_run: the caller finishes setting it up first */
	return t;
}

void thread_run(struct thread *t)
{
	unsigned long flags = sched_lock_irqsave();
	sched_make_runnable(t);
	sched_unlock_irqrestore(flags);
}

struct thread *thread_find(int tid)
{
	struct thread *found = NULL;
	struct list *l;
	unsigned long flags = sched_lock_irqsave();
	list_for_each(l, &all_threads) {
		struct thread *t = container_of(l, struct thread, all);
		if (t->tid == tid && t->state != T_ZOMBIE)
			found = t;
	}
	sched_unlock_irqrestore(flags);
	return found;
}

void thread_walk(void (*fn)(struct thread *t, void *arg), void *arg)
{
	struct list *l;
	unsigned long flags = sched_lock_irqsave();
	list_for_each(l, &all_threads) {
		struct thread *t = container_of(l, struct thread, all);
		if (t->state != T_ZOMBIE)
			fn(t, arg);
	}
	sched_unlock_irqrestore(flags);
}

unsigned sched_nr_threads(void)
{
	return nr_threads;
}

static void idle_loop(void *arg)
{
	(void)arg;
	for (;;) {
		reap();
		irq_disable();
		thread_yield();  /* runs anything runnable, returns when idle again */
		__asm__ volatile("sti; hlt" ::: "memory"); /* sti's shadow covers hlt */
	}
}

void sched_init(void)
{
	struct percpu *pc = this_cpu();

	sched_init_timer();
	struct thread *main = thread_alloc("main", boot_stack_bottom);
	if (!main)
		panic("out of memory creating thread 0");
	main->state = T_RUNNING;
	pc->current = main;
	pc->kstack_base = (uint64_t)boot_stack_bottom;
	pc->kstack_top = (uint64_t)boot_stack_top;

	struct thread *idle = thread_create(idle_loop, NULL, "idle");
	if (!idle)
		panic("out of memory creating the idle thread");
	/* thread_create queued it; the idle thread must never be on the run queue */
	unsigned long flags = sched_lock_irqsave();
	list_remove(&idle->link);
	sched_set_idle(idle);
	sched_unlock_irqrestore(flags);
}
