/*
 * signal.c - signal dispositions, masks and the default actions.
 *
 * This first part keeps what programs set (rt_sigaction, rt_sigprocmask,
 * sigaltstack) exactly, so libc start-up and servers that install handlers
 * work, and carries out default actions: a signal whose action is to
 * terminate ends the program with status 128+N after a one-line report.
 * Running program-installed handlers (a signal frame on the program's
 * stack, rt_sigreturn) is the next step; until then a signal sent to a
 * thread with a handler installed is left pending, and the report says so.
 *
 * Locking: sig_lock (interrupts off) guards the action table; a thread's
 * mask and pending set are only touched by that thread.
 */
#include "proc.h"
#include "sched.h"
#include "klib.h"
#include "uaccess.h"
#include "spinlock.h"
#include <asm/signal.h>
#include <linux/signal.h>
#include <asm-generic/errno.h>

#undef NSIG
#define NSIG 64 /* signals 1..64 */
#define SIGBIT(n) (1ULL << ((n) - 1))
#define UNBLOCKABLE (SIGBIT(SIGKILL) | SIGBIT(SIGSTOP))

/* struct sigaction as the kernel ABI has it (rt_sigaction, x86-64) */
struct ksigaction {
	uint64_t handler;
	uint64_t flags;
	uint64_t restorer;
	uint64_t mask;
};

struct kstack {
	uint64_t sp;
	int flags;
	uint64_t size;
};

static struct spinlock sig_lock = SPINLOCK_INIT("signal");
static struct ksigaction actions[NSIG + 1]; /* sig_lock */
static const char *const names[NSIG + 1] = {
	[SIGHUP] = "SIGHUP", [SIGINT] = "SIGINT", [SIGQUIT] = "SIGQUIT", [SIGILL] = "SIGILL",
	[SIGTRAP] = "SIGTRAP", [SIGABRT] = "SIGABRT", [SIGBUS] = "SIGBUS", [SIGFPE] = "SIGFPE",
	[SIGKILL] = "SIGKILL", [SIGUSR1] = "SIGUSR1", [SIGSEGV] = "SIGSEGV", [SIGUSR2] = "SIGUSR2",
	[SIGPIPE] = "SIGPIPE", [SIGALRM] = "SIGALRM", [SIGTERM] = "SIGTERM", [SIGCHLD] = "SIGCHLD",
	[SIGCONT] = "SIGCONT", [SIGSTOP] = "SIGSTOP", [SIGTSTP] = "SIGTSTP", [SIGURG] = "SIGURG",
	[SIGWINCH] = "SIGWINCH", [SIGSYS] = "SIGSYS", [SIGXCPU] = "SIGXCPU", [SIGXFSZ] = "SIGXFSZ",
};

const char *signal_name(int sig)
{
	return sig > 0 && sig <= NSIG && names[sig] ? names[sig] : "a real-time signal";
}

/* Default action ignores these; everything else (that we can get) terminates. */
static bool default_ignored(int sig)
{
	return sig == SIGCHLD || sig == SIGURG || sig == SIGWINCH || sig == SIGCONT;
}

/* The program dies of sig: the report DESIGN.md asks for, then status 128+N. */
__attribute__((noreturn)) void signal_kill_program(int sig, const char *why)
{
	printk("keel: program terminated by %s (signal %d)%s%s\n", signal_name(sig), sig,
	       why ? ": " : "", why ? why : "");
	proc_exit(128 + sig);
}

/* Send sig to thread t (the program's own threads only). */
static long send(struct thread *t, int sig)
{
	if (sig < 0 || sig > NSIG)
		return -EINVAL;
	if (sig == 0)
		return 0;
	unsigned long flags = spin_lock_irqsave(&sig_lock);
	uint64_t handler = actions[sig].handler;
	spin_unlock_irqrestore(&sig_lock, flags);
	if (handler == (uint64_t)SIG_IGN || (handler == (uint64_t)SIG_DFL && default_ignored(sig)))
		return 0;
	if (handler == (uint64_t)SIG_DFL || sig == SIGKILL || sig == SIGSTOP)
		signal_kill_program(sig, NULL);
	t->sig_pending |= SIGBIT(sig); /* handlers run once delivery exists (see the top) */
	return 0;
}

long sys_rt_sigaction(int sig, const struct ksigaction *act, struct ksigaction *old, size_t size)
{
	struct ksigaction k;
	if (size != 8)
		return -EINVAL;
	if (sig < 1 || sig > NSIG || (act && (sig == SIGKILL || sig == SIGSTOP)))
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
	}
	if (old && copy_to_user(old, &prev, sizeof(prev)))
		return -EFAULT;
	return 0;
}

long sys_rt_sigpending(uint64_t *set, size_t size)
{
	if (size != 8)
		return -EINVAL;
	uint64_t p = thread_current()->sig_pending;
	return copy_to_user(set, &p, sizeof(p));
}

long sys_sigaltstack(const struct kstack *ss, struct kstack *old)
{
	struct thread *t = thread_current();
	struct kstack k, prev = { t->altstack_sp, t->altstack_sp ? 0 : SS_DISABLE, t->altstack_size };
	if (ss) {
		if (copy_from_user(&k, ss, sizeof(k)))
			return -EFAULT;
		if (k.flags & ~(SS_DISABLE | SS_AUTODISARM))
			return -EINVAL;
		if (!(k.flags & SS_DISABLE) && k.size < MINSIGSTKSZ)
			return -ENOMEM;
		t->altstack_sp = k.flags & SS_DISABLE ? 0 : k.sp;
		t->altstack_size = k.flags & SS_DISABLE ? 0 : k.size;
	}
	if (old && copy_to_user(old, &prev, sizeof(prev)))
		return -EFAULT;
	return 0;
}

long sys_kill(int pid, int sig)
{
	if (pid != proc.pid && pid != 0 && pid != -1)
		return -ESRCH;
	return send(thread_current(), sig);
}

long sys_tgkill(int tgid, int tid, int sig)
{
	if (tgid != proc.pid)
		return -ESRCH;
	struct thread *t = thread_find(tid);
	return t ? send(t, sig) : -ESRCH;
}

long sys_tkill(int tid, int sig)
{
	struct thread *t = thread_find(tid);
	return t ? send(t, sig) : -ESRCH;
}
