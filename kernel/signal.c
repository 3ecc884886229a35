/*
 * signal.c - signal dispositions, masks, sending and delivery.
 *
 * Sending marks the signal pending on a thread (the caller itself for
 * raise/kill, the named thread for tgkill) and wakes it if it sleeps in
 * rt_sigsuspend or rt_sigtimedwait. Delivery happens on the way back to
 * program code -- after every system call (dispatch.c) and every interrupt
 * that interrupted program code (trap.c) -- so a handler always runs on a
 * thread of the program, never on a helper thread (OSv's mistake that
 * breaks longjmp out of handlers). Faults in program code deliver at once
 * (signal_fault). A signal whose action is the default either is ignored
 * or ends the program with status 128+N after a one-line report.
 *
 * Other sleeps (nanosleep, futex, pipe reads) are not interrupted by a
 * signal yet: it waits until the sleep ends. SA_RESTART is honoured for
 * the calls that do return -EINTR.
 *
 * Locking: sig_lock (interrupts off) guards the action table; pending
 * sets and their info are changed under sched_lock (a sender may be
 * another thread); mask and altstack belong to their own thread.
 */
#include "proc.h"
#include "sched.h"
#include "cpu.h"
#include "klib.h"
#include "uaccess.h"
#include "spinlock.h"
#include "syscall.h"
#include "ksignal.h"
#include "time.h"
#include <asm/signal.h>
#include <linux/signal.h>
#include <asm/siginfo.h>
#include <linux/time_types.h>
#include <asm-generic/errno.h>

#define UNBLOCKABLE (SIGBIT(SIGKILL) | SIGBIT(SIGSTOP))
#define SA_RESTORER 0x04000000

static struct spinlock sig_lock = SPINLOCK_INIT("signal");
static struct ksigaction actions[KSIG_MAX + 1]; /* sig_lock */
static const char *const names[KSIG_MAX + 1] = {
	[SIGHUP] = "SIGHUP", [SIGINT] = "SIGINT", [SIGQUIT] = "SIGQUIT", [SIGILL] = "SIGILL",
	[SIGTRAP] = "SIGTRAP", [SIGABRT] = "SIGABRT", [SIGBUS] = "SIGBUS", [SIGFPE] = "SIGFPE",
	[SIGKILL] = "SIGKILL", [SIGUSR1] = "SIGUSR1", [SIGSEGV] = "SIGSEGV", [SIGUSR2] = "SIGUSR2",
	[SIGPIPE] = "SIGPIPE", [SIGALRM] = "SIGALRM", [SIGTERM] = "SIGTERM", [SIGCHLD] = "SIGCHLD",
	[SIGCONT] = "SIGCONT", [SIGSTOP] = "SIGSTOP", [SIGTSTP] = "SIGTSTP", [SIGURG] = "SIGURG",
	[SIGWINCH] = "SIGWINCH", [SIGSYS] = "SIGSYS", [SIGXCPU] = "SIGXCPU", [SIGXFSZ] = "SIGXFSZ",
};

const char *signal_name(int sig)
{
	return sig > 0 && sig <= KSIG_MAX && names[sig] ? names[sig] : "a real-time signal";
}

static struct ksigaction action(int sig)
{
	unsigned long flags = spin_lock_irqsave(&sig_lock);
	struct ksigaction a = actions[sig];
	spin_unlock_irqrestore(&sig_lock, flags);
	return a;
}

bool signal_handler_for(int sig)
{
	uint64_t h = action(sig).handler;
	return h != (uint64_t)SIG_DFL && h != (uint64_t)SIG_IGN;
}

/* The default action ignores these (SIGSTOP/TSTP: there is no job control to stop for). */
static bool default_ignored(int sig)
{
	return sig == SIGCHLD || sig == SIGURG || sig == SIGWINCH || sig == SIGCONT ||
	       sig == SIGTSTP || sig == SIGTTIN || sig == SIGTTOU;
}

__attribute__((noreturn)) void signal_kill_program(int sig, const char *why)
{
	printk("keel: program terminated by %s (signal %d)%s%s\n", signal_name(sig), sig,
	       why ? ": " : "", why ? why : "");
	proc_exit(128 + sig);
}

/* Mark sig pending on t with its info; wake t if it waits for signals. */
static long send(struct thread *t, int sig, int code)
{
	if (sig < 0 || sig > KSIG_MAX)
		return -EINVAL;
	if (sig == 0)
		return 0;
	struct ksigaction a = action(sig);
	if (a.handler == (uint64_t)SIG_IGN ||
	    (a.handler == (uint64_t)SIG_DFL && default_ignored(sig) && sig != SIGKILL))
		return 0;
	unsigned long flags = sched_lock_irqsave();
	if (!(t->sig_pending & SIGBIT(sig))) { /* standard signals do not queue twice */
		t->sig_pending |= SIGBIT(sig);
		t->sig_info[sig - 1].code = code;
		t->sig_info[sig - 1].pid = proc.pid;
		t->sig_info[sig - 1].addr = 0;
	}
	thread_sig_recalc(t);
	waitq_wake_locked(&t->sig_wq, -1);
	sched_signal_wake(t);
	sched_unlock_irqrestore(flags);
	return 0;
}

static void fill_info(struct siginfo *si, int sig, int code, int pid, uint64_t addr)
{
	memset(si, 0, sizeof(*si));
	si->si_signo = sig;
	si->si_code = code;
	if (code <= 0) { /* sent by a process: SI_USER, SI_TKILL, ... */
		si->si_pid = pid;
		si->si_uid = 0;
	} else {
		si->si_addr = (void *)addr;
	}
}

/* Run the handler for sig on f, or carry out the default action. Return: true if f changed. */
static bool deliver_one(struct trap_frame *f, int sig, int code, int pid, uint64_t addr)
{
	struct thread *t = thread_current();
	struct ksigaction a = action(sig);

	if (a.handler == (uint64_t)SIG_IGN)
		return false;
	if (a.handler == (uint64_t)SIG_DFL) {
		if (default_ignored(sig))
			return false;
		signal_kill_program(sig, NULL);
	}
	struct siginfo si;
	fill_info(&si, sig, code, pid, addr);
	uint64_t old = t->sig_restore_mask ? t->sig_saved_mask : t->sig_mask;
	t->sig_restore_mask = false;
	if (!(a.flags & SA_RESTORER)) /* every libc sets one; without it there is no way back */
		signal_kill_program(sig, "handler installed without SA_RESTORER");
	if (sigframe_setup(f, sig, &a, &si, old))
		signal_kill_program(SIGSEGV, "no room on the stack for the signal frame");
	t->sig_mask = old | a.mask | (a.flags & SA_NODEFER ? 0 : SIGBIT(sig));
	t->sig_mask &= ~UNBLOCKABLE;
	thread_sig_recalc(t);
	if (a.flags & SA_RESETHAND) {
		unsigned long flags = spin_lock_irqsave(&sig_lock);
		actions[sig].handler = (uint64_t)SIG_DFL;
		spin_unlock_irqrestore(&sig_lock, flags);
	}
	return true;
}

/* Make f execute its syscall instruction again, with the same number. */
static void restart_syscall(struct trap_frame *f)
{
	f->rax = f->vector; /* the number, saved at entry */
	f->rip -= 2;        /* back over the 2-byte syscall instruction */
}

bool signal_deliver(struct trap_frame *f, long syscall_ret)
{
	struct thread *t = thread_current();
	bool changed = false;

	unsigned long flags = sched_lock_irqsave();
	uint64_t ready = t->sig_pending & ~t->sig_mask;
	int sig = ready ? __builtin_ctzll(ready) + 1 : 0;
	int code = 0, pid = 0;
	uint64_t addr = 0;
	if (sig) {
		t->sig_pending &= ~SIGBIT(sig);
		thread_sig_recalc(t);
		code = t->sig_info[sig - 1].code;
		pid = t->sig_info[sig - 1].pid;
		addr = t->sig_info[sig - 1].addr;
	}
	sched_unlock_irqrestore(flags);
	if (sig) {
		if (syscall_ret == -ERESTARTSYS) {
			/* before the frame is saved: it is what the handler returns to */
			struct ksigaction a = action(sig);
			bool handler = a.handler != (uint64_t)SIG_DFL && a.handler != (uint64_t)SIG_IGN;
			if (!handler || (a.flags & SA_RESTART))
				restart_syscall(f);
			else
				f->rax = -EINTR;
		}
		changed = deliver_one(f, sig, code, pid, addr);
	} else if (syscall_ret == -ERESTARTSYS) {
		restart_syscall(f);
	}
	if (t->sig_restore_mask) { /* rt_sigsuspend ended without a handler running */
		t->sig_mask = t->sig_saved_mask;
		t->sig_restore_mask = false;
	}
	thread_sig_recalc(t);
	return changed;
}

__attribute__((noreturn)) void signal_fault(struct trap_frame *f, int sig, int code, uint64_t addr)
{
	struct thread *t = thread_current();
	/* a blocked or ignored synchronous fault cannot be survived: Linux kills too */
	if (signal_handler_for(sig) && !(t->sig_mask & SIGBIT(sig)) &&
	    deliver_one(f, sig, code, 0, addr)) {
		extern char intr_return[];
		/* f is on this thread's kernel stack, below us: return through it */
		__asm__ volatile("mov %0, %%rsp; jmp *%1" ::"r"(f), "r"(intr_return) : "memory");
		__builtin_unreachable();
	}
	signal_kill_program(sig, NULL);
}

long sys_rt_sigaction(int sig, const struct ksigaction *act, struct ksigaction *old, size_t size)
{
	struct ksigaction k;
	if (size != 8)
		return -EINVAL;
	if (sig < 1 || sig > KSIG_MAX || (act && (sig == SIGKILL || sig == SIGSTOP)))
		return -EINVAL;
	if (act && copy_from_user(&k, act, sizeof(k)))
		return -EFAULT;
	unsigned long flags = spin_lock_irqsave(&sig_lock);
	struct ksigaction prev = actions[sig];
	if (act) {
		k.mask &= ~UNBLOCKABLE;
		actions[sig] = k;
	}
	spin_unlock_irqrestore(&sig_lock, flags);
	if (old && copy_to_user(old, &prev, sizeof(prev)))
		return -EFAULT;
	return 0;
}

long sys_rt_sigprocmask(int how, const uint64_t *set, uint64_t *old, size_t size)
{
	struct thread *t = thread_current();
	uint64_t s;
	if (size != 8)
		return -EINVAL;
	if (set && copy_from_user(&s, set, sizeof(s)))
		return -EFAULT;
	uint64_t prev = t->sig_mask;
	if (set) {
		switch (how) {
		case SIG_BLOCK: t->sig_mask |= s; break;
		case SIG_UNBLOCK: t->sig_mask &= ~s; break;
		case SIG_SETMASK: t->sig_mask = s; break;
		default: return -EINVAL;
		}
		t->sig_mask &= ~UNBLOCKABLE;
		thread_sig_recalc(t);
	}
	if (old && copy_to_user(old, &prev, sizeof(prev)))
		return -EFAULT;
	return 0; /* newly unblocked pending signals are delivered on the way out */
}

long sys_rt_sigpending(uint64_t *set, size_t size)
{
	if (size != 8)
		return -EINVAL;
	uint64_t p = thread_current()->sig_pending & thread_current()->sig_mask;
	return copy_to_user(set, &p, sizeof(p));
}

long sys_rt_sigsuspend(const uint64_t *mask, size_t size)
{
	struct thread *t = thread_current();
	uint64_t m;
	if (size != 8)
		return -EINVAL;
	if (copy_from_user(&m, mask, sizeof(m)))
		return -EFAULT;
	t->sig_saved_mask = t->sig_mask;
	t->sig_restore_mask = true;
	t->sig_mask = m & ~UNBLOCKABLE;
	thread_sig_recalc(t);
	unsigned long flags = sched_lock_irqsave();
	while (!(t->sig_pending & ~t->sig_mask))
		waitq_wait_locked(&t->sig_wq, 0);
	sched_unlock_irqrestore(flags);
	return -EINTR; /* the handler runs on the way out, with the old mask saved in its frame */
}

long sys_rt_sigtimedwait(const uint64_t *uset, struct siginfo *uinfo,
			 const struct __kernel_timespec *uts, size_t size)
{
	struct thread *t = thread_current();
	struct __kernel_timespec ts;
	uint64_t set, deadline = 0;
	if (size != 8)
		return -EINVAL;
	if (copy_from_user(&set, uset, sizeof(set)))
		return -EFAULT;
	if (uts) {
		if (copy_from_user(&ts, uts, sizeof(ts)))
			return -EFAULT;
		if (ts.tv_sec < 0 || ts.tv_nsec < 0 || ts.tv_nsec >= (long long)NSEC_PER_SEC)
			return -EINVAL;
		deadline = clock_ns() + ts.tv_sec * NSEC_PER_SEC + ts.tv_nsec;
	}
	set &= ~UNBLOCKABLE;
	t->sigwait_set = set; /* process-directed signals may come here (signal_send_process) */
	unsigned long flags = sched_lock_irqsave();
	while (!(t->sig_pending & set)) {
		if (deadline && clock_ns() >= deadline) {
			t->sigwait_set = 0;
			sched_unlock_irqrestore(flags);
			return -EAGAIN;
		}
		waitq_wait_locked(&t->sig_wq, deadline ? deadline : 0);
	}
	int sig = __builtin_ctzll(t->sig_pending & set) + 1;
	t->sigwait_set = 0;
	t->sig_pending &= ~SIGBIT(sig);
	thread_sig_recalc(t);
	int code = t->sig_info[sig - 1].code, pid = t->sig_info[sig - 1].pid;
	sched_unlock_irqrestore(flags);
	if (uinfo) {
		struct siginfo si;
		fill_info(&si, sig, code, pid, 0);
		if (copy_to_user(uinfo, &si, sizeof(si)))
			return -EFAULT;
	}
	return sig;
}

long sys_sigaltstack(const stack_t *ss, stack_t *old)
{
	struct thread *t = thread_current();
	uint64_t sp = syscall_user_rsp();
	bool on = t->altstack_sp && sp - t->altstack_sp < t->altstack_size;
	stack_t k, prev = { (void *)t->altstack_sp, t->altstack_sp ? (on ? SS_ONSTACK : 0) : SS_DISABLE,
			    t->altstack_size };
	if (ss && on)
		return -EPERM; /* sigaltstack(2): cannot change it while running on it */
	if (ss) {
		if (copy_from_user(&k, ss, sizeof(k)))
			return -EFAULT;
		if (k.ss_flags & ~(SS_DISABLE | SS_AUTODISARM))
			return -EINVAL;
		if (!(k.ss_flags & SS_DISABLE) && k.ss_size < MINSIGSTKSZ)
			return -ENOMEM;
		t->altstack_sp = k.ss_flags & SS_DISABLE ? 0 : (uint64_t)k.ss_sp;
		t->altstack_size = k.ss_flags & SS_DISABLE ? 0 : k.ss_size;
	}
	if (old && copy_to_user(old, &prev, sizeof(prev)))
		return -EFAULT;
	return 0;
}

long signal_send_thread(struct thread *t, int sig)
{
	return send(t, sig, SI_KERNEL);
}

struct pick {
	int sig;
	struct thread *t;
};

static void pick_thread(struct thread *t, void *arg)
{
	struct pick *p = arg;
	bool program = t->tid == proc.pid || t->detached; /* kernel threads never get signals */
	if (program && !p->t && !(t->sig_mask & SIGBIT(p->sig)) && t->state != T_ZOMBIE)
		p->t = t;
}

/* Everyone blocks it: a thread sleeping in sigwaitinfo for it takes it. */
static void pick_waiter(struct thread *t, void *arg)
{
	struct pick *p = arg;
	if (!p->t && (t->sigwait_set & SIGBIT(p->sig)))
		p->t = t;
}

/*
 * A process-directed signal (kill, alarm, timers) goes to a program thread
 * that does not block it -- the caller or the main thread first, as Linux
 * prefers -- or, if all block it, stays pending on the main thread.
 */
long signal_send_process(int sig, int code)
{
	struct thread *cur = thread_current();
	struct pick p = { sig, NULL };
	if (sig > 0 && sig <= KSIG_MAX) {
		if ((cur->tid == proc.pid || cur->detached) && !(cur->sig_mask & SIGBIT(sig)))
			p.t = cur;
		if (!p.t) {
			struct thread *main = thread_find(proc.pid);
			if (main && !(main->sig_mask & SIGBIT(sig)))
				p.t = main;
		}
		if (!p.t)
			thread_walk(pick_thread, &p);
		if (!p.t)
			thread_walk(pick_waiter, &p);
	}
	if (!p.t)
		p.t = thread_find(proc.pid);
	return p.t ? send(p.t, sig, code) : -ESRCH;
}

long sys_kill(int pid, int sig)
{
	if (pid != proc.pid && pid != 0 && pid != -1)
		return -ESRCH;
	return signal_send_process(sig, SI_USER);
}

/* pause: sleep until a signal is delivered (its handler runs), then EINTR. */
long sys_pause(void)
{
	struct waitq wq;
	waitq_init(&wq);
	unsigned long flags = sched_lock_irqsave();
	while (waitq_wait_intr_locked(&wq, 0) != -EINTR)
		;
	sched_unlock_irqrestore(flags);
	return -EINTR; /* never restarted (signal(7)) */
}

long sys_tgkill(int tgid, int tid, int sig)
{
	if (tgid <= 0 || tid <= 0)
		return -EINVAL;
	if (tgid != proc.pid)
		return -ESRCH;
	struct thread *t = thread_find(tid);
	return t ? send(t, sig, SI_TKILL) : -ESRCH;
}

long sys_tkill(int tid, int sig)
{
	if (tid <= 0)
		return -EINVAL;
	struct thread *t = thread_find(tid);
	return t ? send(t, sig, SI_TKILL) : -ESRCH;
}
