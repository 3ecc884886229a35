/*
 * sched.h - threads, the scheduler, wait queues and mutexes.
 *
 * One CPU, preemptive round robin: a thread runs until it blocks, yields,
 * or its time slice (SCHED_SLICE_NS) ends at a timer interrupt. Every
 * thread has its own kernel stack (interrupts land on it, see entry.S) and
 * its own extended FPU state, saved and restored with xsave/xrstor on every
 * switch (the kernel itself never touches vector registers).
 *
 * Locking: the run queue and all wait queues are protected by disabling
 * interrupts (sched_lock, a spinlock on one CPU). Functions that may sleep
 * say so; they must be called with interrupts enabled and no spinlock held.
 */
#ifndef KEEL_SCHED_H
#define KEEL_SCHED_H

#include <stdint.h>
#include <stdbool.h>
#include "spinlock.h"

#define SCHED_SLICE_NS 10000000ULL /* 10 ms */
#define KSTACK_SIZE (32 * 1024)

struct list {
	struct list *next, *prev;
};

enum thread_state { T_RUNNABLE, T_RUNNING, T_BLOCKED, T_ZOMBIE };

struct waitq {
	struct list waiters;   /* threads blocked here, FIFO; protected by sched_lock */
	struct list callbacks; /* struct waitq_entry; sched_lock; next == NULL: empty */
};

/*
 * struct waitq_entry - a callback queued on a wait queue in place of a
 * thread. This is how one thread waits for any of many queues (poll,
 * select, epoll, vfs/poll.c): it puts an entry on each queue, and the
 * entry's fn wakes the one queue the thread sleeps on. Every wake of the
 * queue, whatever its n, calls fn(e, key) -- with sched_lock held and
 * interrupts off, possibly from a timer interrupt -- so fn may only change
 * state under sched_lock and wake other queues with the _locked calls.
 * key is what the waker says became ready (POLLIN, POLLOUT, ... of
 * <linux/poll.h>), or 0 when it does not say (plain waitq_wake()).
 * Entries do not count towards n or the returned number of threads woken.
 */
struct waitq_entry {
	struct list link;      /* on waitq.callbacks; protected by sched_lock */
	void (*fn)(struct waitq_entry *e, unsigned key);
};

struct thread {
	/* fixed at creation */
	int tid;
	char name[16];
	void *kstack;        /* KSTACK_SIZE bytes, lowest address */
	void *fpu;           /* xsave area, 64-byte aligned */
	/* protected by sched_lock (interrupts off) */
	uint64_t saved_rsp;  /* valid while not running */
	enum thread_state state;
	struct list link;    /* run queue or a waitq */
	struct list all;     /* all threads */
	uint64_t wake_at;    /* sleep deadline (clock_ns), 0 if none */
	bool timed_out;      /* the last timed wait ended by its deadline */
	bool intr_wait;      /* in waitq_wait_intr_locked: a signal may end the wait */
	bool intr_woken;     /* ... and one did */
	int exit_code;
	bool detached;       /* nobody joins it: freed by the reaper after it exits */
	struct waitq joiners;
	struct trap_frame *syscall_frame; /* registers of the syscall in progress, or NULL */
	bool full_return;    /* the syscall rewrote its frame: return with iretq */
	uint64_t syscall_nr; /* its last system call number while switched out (percpu) */
	uint64_t fs_base;    /* the program's %fs base (TLS), switched with the thread */
	unsigned uaccess_kernel; /* in a call of the kernel's libc (nesting): uaccess.h takes kernel addresses */
	int *clear_child_tid; /* set_tid_address / CLONE_CHILD_CLEARTID: zeroed and woken at exit */
	void *robust_list;   /* set_robust_list: the program's robust futex list head */
	/* signal.c; pending and info under sched_lock, the rest the thread's own */
	uint64_t sig_mask, sig_pending; /* bit n-1 for signal n */
	uint64_t sig_saved_mask;        /* mask to restore after rt_sigsuspend */
	/*
	 * Non-zero while a signal is deliverable or a temporary mask must be
	 * restored; kept by thread_sig_recalc() wherever the fields it sums up
	 * change, and mirrored in the per-CPU area for the running thread so
	 * the syscall fast path tests one word on its way out (entry.S).
	 */
	uint32_t sig_work;
	bool sig_restore_mask;
	struct waitq sig_wq;            /* rt_sigsuspend / rt_sigtimedwait sleep here */
	struct { int code, pid; uint64_t addr; } sig_info[64];
	uint64_t altstack_sp, altstack_size; /* sigaltstack */
	uint64_t sigwait_set;           /* in rt_sigtimedwait for these signals */
	uint64_t cpu_ns;                /* CPU time used up to the last switch-out */
	uint64_t switched_in;           /* clock_ns() when it last started running */
	uint64_t switches;   /* times this thread was switched in */
	uint64_t preemptions;/* times it was switched out by the timer */
};

/* fpu.c: extended state (xsave area) of one thread */
void *fpu_alloc(void); /* initial state: x87 and SSE defaults, everything else clear */
void fpu_free(void *area);
void fpu_save(void *area);
void fpu_restore(const void *area);

/* thread.c / sched.c */
void sched_init(void);  /* makes the boot context thread 0 ("main") */
/* Return: the new thread, runnable, or NULL when out of memory. */
struct thread *thread_create(void (*fn)(void *), void *arg, const char *name);
__attribute__((noreturn)) void thread_exit(int code);
/*
 * A thread that starts by returning through intr_return with registers *f
 * (a program thread made by clone). It is detached: freed after it exits.
 * It does not run until thread_run(t), so the caller can finish setting it up.
 * Return: the thread, or NULL when out of memory.
 */
struct trap_frame;
struct thread *thread_create_frame(const struct trap_frame *f, const char *name, uint64_t fs_base);
void thread_run(struct thread *t);
/* Wait for t to exit (may sleep), free it. Return: its exit code. */
int thread_join(struct thread *t);
void thread_yield(void);
/* Sleep at least ns nanoseconds (may sleep). */
void thread_sleep_ns(uint64_t ns);
/* Sleep until clock_ns() reaches deadline or a signal arrives. Return: 0 or -EINTR. */
int thread_sleep_until_intr(uint64_t deadline);
struct thread *thread_current(void);
void thread_sig_recalc(struct thread *t);
struct thread *thread_find(int tid); /* a live thread, or NULL */
uint64_t thread_cpu_ns(struct thread *t); /* CPU time the thread has used */
uint64_t syscall_user_rsp(void); /* the program's %rsp at the current system call */
/*
 * Call fn on every thread that has not exited (kernel threads too), in
 * creation order, with sched_lock held (interrupts off): fn must be short,
 * must not allocate, sleep or take sched_lock, and must not keep t (copy
 * what it needs). For /proc/self/task and friends (vfs/procfs_pid.c).
 */
void thread_walk(void (*fn)(struct thread *t, void *arg), void *arg);
void sched_preempt_point(void); /* from trap_dispatch: switch if the slice is over */
uint64_t sched_context_switches(void);
unsigned sched_nr_threads(void);

/* waitq.c: wait queues */
void waitq_init(struct waitq *wq);
/*
 * Block on wq until woken or, if deadline_ns != 0, until clock_ns() passes it.
 * Must be called with sched_lock held via flags (from sched_lock_irqsave); it
 * is dropped while sleeping and retaken before returning.
 * Return: 0 if woken, -ETIMEDOUT on deadline.
 */
int waitq_wait_locked(struct waitq *wq, uint64_t deadline_ns);
/*
 * The same, but a signal the thread does not block ends the wait (also one
 * already pending at the call). Return: 0 if woken, -ETIMEDOUT, or -EINTR.
 * A system call interrupted this way returns -EINTR, or -ERESTARTSYS when
 * it may be restarted after a handler installed with SA_RESTART (read and
 * write on pipes, futex waits without a timeout, as Linux; signal(7)).
 */
int waitq_wait_intr_locked(struct waitq *wq, uint64_t deadline_ns);
#define ERESTARTSYS 512 /* internal: never reaches the program (signal.c turns it into -EINTR or a restart) */
/* A signal was queued for t (signal.c, sched_lock held): end an interruptible wait. */
void sched_signal_wake(struct thread *t);
int waitq_wake(struct waitq *wq, int n); /* wake up to n threads (n<0: all). Return: count */
int waitq_wake_locked(struct waitq *wq, int n); /* the same, sched_lock already held */
/* The same, telling callback entries what became ready (key, see waitq_entry). */
int waitq_wake_key(struct waitq *wq, int n, unsigned key);
int waitq_wake_key_locked(struct waitq *wq, int n, unsigned key);
/*
 * Queue e (fn set by the caller) on wq / take it off again. They take
 * sched_lock themselves (any lock the caller holds must come before it);
 * the caller keeps wq alive until the entry is removed. Removing an entry
 * that is not queued does nothing, so an entry must start zeroed or removed.
 */
void waitq_add_callback(struct waitq *wq, struct waitq_entry *e);
void waitq_remove_callback(struct waitq_entry *e);
unsigned long sched_lock_irqsave(void);
void sched_unlock_irqrestore(unsigned long flags);

/* mutex.c: a sleeping lock; may sleep; not for interrupt handlers */
struct mutex {
	struct thread *owner; /* protected by sched_lock */
	struct waitq wq;
};
#define MUTEX_INIT(m) \
	{ NULL, { { &(m).wq.waiters, &(m).wq.waiters }, { &(m).wq.callbacks, &(m).wq.callbacks } } }
void mutex_init(struct mutex *m);
void mutex_lock(struct mutex *m);
bool mutex_trylock(struct mutex *m);
void mutex_unlock(struct mutex *m);

#endif
