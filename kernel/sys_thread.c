/*
 * sys_thread.c - program threads: clone (threads only) and thread exit.
 *
 * A thread clone copies the caller's registers from its syscall frame,
 * sets %rax = 0 and the new stack, and starts a kernel thread that
 * "returns" from the same syscall into program code (thread_create_frame).
 * Only the flag set that makes a thread sharing everything is accepted
 * (pthread_create's and Go's): without CLONE_VM|CLONE_THREAD it would be
 * a new process, which keel refuses like fork.
 */
#include "proc.h"
#include "sched.h"
#include "cpu.h"
#include "klib.h"
#include "mm.h"
#include "uaccess.h"
#include <linux/sched.h>
#include <linux/futex.h>
#include <asm-generic/errno.h>

int futex_wake(uint32_t *uaddr, int n);

#define THREAD_FLAGS (CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD | \
		      CLONE_SYSVSEM | CLONE_SETTLS | CLONE_PARENT_SETTID | CLONE_CHILD_CLEARTID | \
		      CLONE_CHILD_SETTID | CLONE_DETACHED | CLONE_IO)

/*
 * Robust futexes (set_robust_list, get_robust_list(2)): when a thread ends,
 * every futex word on its robust list that it still owns gets
 * FUTEX_OWNER_DIED, keeping FUTEX_WAITERS, and one waiter is woken, so the
 * next locker sees EOWNERDEAD. The list lives in program memory and is
 * read defensively: a bad pointer or a loop just ends the walk.
 */
struct robust_head {
	uint64_t list;      /* first entry; the list is circular through the head */
	int64_t futex_offset;
	uint64_t pending;   /* an entry being added or removed */
};

static void robust_release(uint64_t entry, int64_t offset, int tid)
{
	uint32_t *word = (uint32_t *)(entry + offset), v;
	if (copy_from_user(&v, word, 4) || (v & FUTEX_TID_MASK) != (uint32_t)tid)
		return;
	uint32_t nv = (v & FUTEX_WAITERS) | FUTEX_OWNER_DIED;
	if (copy_to_user(word, &nv, 4) == 0 && (v & FUTEX_WAITERS))
		futex_wake(word, 1);
}

static void robust_list_exit(struct thread *t)
{
	struct robust_head h;
	uint64_t head = (uint64_t)t->robust_list;
	if (!head || copy_from_user(&h, (void *)head, sizeof(h)))
		return;
	uint64_t e = h.list;
	for (int n = 0; e != head && n < 2048; n++) { /* ROBUST_LIST_LIMIT, as Linux */
		uint64_t next;
		if (copy_from_user(&next, (void *)e, sizeof(next)))
			break;
		if (e != h.pending)
			robust_release(e, h.futex_offset, t->tid);
		e = next;
	}
	if (h.pending)
		robust_release(h.pending, h.futex_offset, t->tid);
}

__attribute__((noreturn)) void thread_exit_program(int status)
{
	struct thread *t = thread_current();
	robust_list_exit(t);
	if (t->clear_child_tid) { /* pthread_join waits on this word */
		int zero = 0;
		if (copy_to_user(t->clear_child_tid, &zero, sizeof(zero)) == 0)
			futex_wake((uint32_t *)t->clear_child_tid, 1);
	}
	thread_exit(status);
}

static long do_clone(unsigned long flags, uint64_t stack, int *ptid, int *ctid, uint64_t tls)
{
	struct thread *cur = thread_current();
	struct trap_frame f;

	if ((flags & (CLONE_VM | CLONE_THREAD)) != (CLONE_VM | CLONE_THREAD) || (flags & CLONE_VFORK))
		return sys_fork(); /* a new process: refused with a clear log */
	if ((flags & ~0xffUL) & ~(unsigned long)THREAD_FLAGS)
		return -EINVAL;
	if (!(flags & CLONE_SIGHAND) || !(flags & CLONE_VM))
		return -EINVAL;
	if (!cur->syscall_frame)
		return -EINVAL;
	if ((flags & CLONE_SETTLS) && tls >= USER_TOP)
		return -EPERM;
	f = *cur->syscall_frame;
	f.rax = 0;
	if (stack)
		f.rsp = stack;
	f.rflags |= 0x200; /* the child starts with interrupts on */
	struct thread *t = thread_create_frame(&f, cur->name,
					       flags & CLONE_SETTLS ? tls : cur->fs_base);
	if (!t)
		return -EAGAIN;
	int tid = t->tid;
	if (flags & CLONE_CHILD_CLEARTID)
		t->clear_child_tid = ctid;
	/* the ids are in place before the child can run (glibc reads them at once) */
	if ((flags & CLONE_PARENT_SETTID) && copy_to_user(ptid, &tid, sizeof(tid)))
		tid = -EFAULT;
	if ((flags & CLONE_CHILD_SETTID) && copy_to_user(ctid, &tid, sizeof(tid)))
		tid = -EFAULT;
	unsigned long irq = sched_lock_irqsave();
	proc.nr_threads++;
	sched_unlock_irqrestore(irq);
	thread_run(t); /* even on -EFAULT: Linux has created the thread by then too */
	return tid;
}

long sys_clone(unsigned long flags, uint64_t stack, int *ptid, int *ctid, uint64_t tls)
{
	return do_clone(flags, stack, ptid, ctid, tls);
}

long sys_clone3(void *uargs, size_t size)
{
	struct clone_args a;
	if (size < CLONE_ARGS_SIZE_VER0 || size > 4096)
		return -EINVAL;
	memset(&a, 0, sizeof(a));
	if (copy_from_user(&a, uargs, MIN(size, sizeof(a))))
		return -EFAULT;
	if (a.exit_signal || a.set_tid || a.cgroup)
		return -EINVAL;
	uint64_t stack = a.stack ? a.stack + a.stack_size : 0; /* clone3 gives the lowest address */
	return do_clone(a.flags, stack, (int *)a.parent_tid, (int *)a.child_tid, a.tls);
}
