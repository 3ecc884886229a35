/*
 * direct.c - system calls made by the kernel's libc: a function call into
 * syscall_table, not a trap.
 *
 * musl's __syscall0..6 end here (kernel/libc/musl/arch/syscall_arch.h).
 * The call goes to the same sys_* function the trap would reach, on the
 * stack it is made from -- the program's -- with interrupts on, and its
 * value or -errno comes back unchanged. Three things differ from the trap
 * and are handled here:
 *
 * - Kernel addresses. musl's buffers and static data are kernel memory,
 *   which the uaccess checks refuse to programs; for the duration of the
 *   call they accept it (struct thread.uaccess_kernel, a nesting count;
 *   uaccess.h says why that is safe).
 * - Calls that need the trap frame: clone and clone3 copy the caller's
 *   registers into the child, rt_sigreturn rewrites them (the full path
 *   of syscall-trap/entry.S, syscall_slow_map), and sigaltstack reads the
 *   caller's %rsp from the trap's frame. For these the real `syscall`
 *   instruction is executed, which works in ring 0 (musl's own clone.s
 *   and restore.s trap the same way). fork, vfork and execve need no
 *   frame in keel: they fail with -ENOSYS. exit and exit_group never
 *   return and read no registers: direct calls, exit moved onto the
 *   thread's kernel stack first (libc_on_kstack, below).
 * - Signals. The trap delivers a signal that became due during the call
 *   (or a mask rt_sigsuspend asked to restore) on its way out, and turns
 *   -ERESTARTSYS into a restart or -EINTR. A direct call has no way out
 *   through the trap, so when either is pending afterwards it takes one:
 *   a call that returned -ERESTARTSYS did nothing, so it is made again
 *   through the trap, where the pending signal ends it at once and the
 *   exit path delivers the handler and restarts or fails the call as
 *   SA_RESTART says, exactly as for a trapped call; otherwise a trapped
 *   getppid, whose exit path delivers, and the direct call's own value is
 *   returned. The handler returns through rt_sigreturn to just after that
 *   `syscall` instruction. These traps are real and counted as such.
 *
 * A trap starts at the top of the calling thread's kernel stack, so it
 * must not be taken by a thread running on that stack: a kernel thread
 * calling the libc on its own stack. Such a thread gets -ENOSYS for the
 * frame calls (reported once), no signal handling (kernel threads receive
 * no signals) and -EINTR for -ERESTARTSYS. A program thread runs on its
 * own stack; so does the libc self-test (selftest.c).
 *
 * Direct calls are counted per number here, apart from the trap's
 * counters, which stay a count of traps (--syscall-stats).
 */
#include "libc.h"
#include "syscall.h"
#include "sched.h"
#include "cpu.h"
#include "klib.h"
#include <asm/unistd_64.h>
#include <asm-generic/errno.h>

static uint64_t direct_counts[NR_SYSCALLS + 1]; /* [NR_SYSCALLS]: out-of-range numbers */

static bool on_kernel_stack(void)
{
	uint64_t sp = (uint64_t)__builtin_frame_address(0);
	struct percpu *pc = this_cpu();
	return sp >= pc->kstack_base && sp < pc->kstack_top;
}

/* The real `syscall` instruction: rcx and r11 are clobbered, everything else survives. */
static long trap(long nr, const long a[6])
{
	register long r10 __asm__("r10") = a[3];
	register long r8 __asm__("r8") = a[4];
	register long r9 __asm__("r9") = a[5];
	long ret;
	__asm__ volatile("syscall"
			 : "=a"(ret)
			 : "a"(nr), "D"(a[0]), "S"(a[1]), "d"(a[2]), "r"(r10), "r"(r8), "r"(r9)
			 : "rcx", "r11", "memory");
	return ret;
}

static void count(unsigned long nr)
{
	/* one instruction: no increment is lost to an interrupt on this one CPU */
	__asm__ volatile("incq %0" : "+m"(direct_counts[nr < NR_SYSCALLS ? nr : NR_SYSCALLS]));
}

/*
 * What the fast path does not take: numbers out of range and holes (made
 * through syscall_invoke, which reports them like the trap), and the calls
 * that need the trap frame (see the top of the file).
 */
static long exit_finish(long status, long a2, long a3, long a4, long a5, long a6);

__attribute__((noinline)) static long slow_call(unsigned long nr, const long a[6])
{
	static uint8_t reported[NR_SYSCALLS];
	if (nr == __NR_exit)
		libc_on_kstack(exit_finish, a[0], 0, 0, 0, 0, 0); /* does not return */
	if (nr >= NR_SYSCALLS || !syscall_table[nr]) {
		count(nr);
		return syscall_invoke(nr, a[0], a[1], a[2], a[3], a[4], a[5]); /* -ENOSYS, reported */
	}
	if (!on_kernel_stack())
		return trap((long)nr, a);
	if (!reported[nr]) {
		reported[nr] = 1;
		printk("keel: %s through the kernel's libc needs the trap, which a kernel thread "
		       "on its own stack cannot take; it returns -ENOSYS (reported once)\n",
		       syscall_name(nr));
	}
	return -ENOSYS;
}

/* After a direct call, with a signal due or ret == -ERESTARTSYS (see the top of the file). */
__attribute__((noinline)) static long signal_work(unsigned long nr, long ret, const long a[6])
{
	if (on_kernel_stack())
		return ret == -ERESTARTSYS ? -EINTR : ret;
	if (ret == -ERESTARTSYS) {
		/*
		 * The replay's buffers are still the libc's (kernel memory), so
		 * the trapped call must accept them too. If a handler run on its
		 * way out leaves by siglongjmp the count stays raised: the thread
		 * then accepts kernel addresses in later calls, which costs only
		 * the EFAULT answer to a bad pointer (uaccess.h), never safety.
		 */
		struct thread *t = this_cpu()->current;
		t->uaccess_kernel++;
		ret = trap((long)nr, a);
		t->uaccess_kernel--;
		return ret;
	}
	static const long none[6];
	trap(__NR_getppid, none);
	return ret;
}

/*
 * The arguments come in the registers the handler takes them in, the
 * number last, so that the common path passes them on untouched: a range
 * check and one bit of syscall_direct_slow_map, the count, the uaccess nesting
 * count up and down around an indirect call, and a look at the signal
 * word. They are also stored in the frame, for signal_work's replay.
 */
/*
 * kstack_call(a1..a6, fn, top): fn(a1..a6) on the stack whose top is
 * @top, the calling thread's kernel stack, and back. The handlers run
 * there, not on the program's stack, because a program's stack is
 * demand-paged: a handler touching a new page of it while holding the
 * memory-map lock (mmap, munmap, mprotect) would fault and deadlock, and
 * a thread's stack may be small. Nothing is on the kernel stack while a
 * thread runs program code, and an interrupt taken on it goes below the
 * interrupted %rsp (entry.S). The frame-pointer chain runs through, so
 * backtraces cross from one stack to the other.
 */
long kstack_call(long a1, long a2, long a3, long a4, long a5, long a6, syscall_fn fn,
		 uint64_t top);
__asm__(".text\n"
	".globl kstack_call\n"
	"kstack_call:\n\t"
	"pushq %rbp\n\t"
	"movq %rsp, %rbp\n\t"
	"movq 16(%rbp), %rax\n\t"	/* fn */
	"movq 24(%rbp), %rsp\n\t"	/* top */
	"call *%rax\n\t"
	"movq %rbp, %rsp\n\t"
	"popq %rbp\n\t"
	"ret\n");

static __attribute__((always_inline)) inline long direct(long a1, long a2, long a3, long a4,
							 long a5, long a6, long nr, bool cp)
{
	unsigned long n = (unsigned long)nr;
	long args[6] = { a1, a2, a3, a4, a5, a6 };

	if (__builtin_expect(n >= NR_SYSCALLS || (syscall_direct_slow_map[n / 64] >> (n % 64) & 1),
			     0))
		return slow_call(n, args);
	count(n);
	__asm__ volatile("" : : "m"(args)); /* in memory before the call, not kept in registers */

	struct percpu *pc = this_cpu();
	pc->current->uaccess_kernel++;
	uint64_t sp = (uint64_t)__builtin_frame_address(0);
	long ret = sp - pc->kstack_base < KSTACK_SIZE
			   ? syscall_table[n](a1, a2, a3, a4, a5, a6)
			   : kstack_call(a1, a2, a3, a4, a5, a6, syscall_table[n], pc->kstack_top);
	this_cpu()->current->uaccess_kernel--;

	if (__builtin_expect(this_cpu()->sig_work || ret == -ERESTARTSYS, 0)) {
		if (cp && ret == -ERESTARTSYS && !on_kernel_stack()) {
			/* the caller replays it where musl's handler can cancel it */
			this_cpu()->current->uaccess_kernel++;
			return ret;
		}
		ret = signal_work(n, ret, args);
	}
	return ret;
}

long libc_on_kstack(long (*fn)(long, long, long, long, long, long), long a1, long a2, long a3,
		    long a4, long a5, long a6)
{
	if (on_kernel_stack())
		return fn(a1, a2, a3, a4, a5, a6);
	return kstack_call(a1, a2, a3, a4, a5, a6, fn, this_cpu()->kstack_top);
}

long keel_libc_syscall(long a1, long a2, long a3, long a4, long a5, long a6, long nr)
{
	return direct(a1, a2, a3, a4, a5, a6, nr, false);
}

/*
 * A cancellation point's call (musl/src/thread/syscall_cp.c): the same,
 * except that a call a signal interrupted (-ERESTARTSYS) is handed back
 * with the thread's kernel-address count raised, for the caller to replay
 * through the trap from inside musl's __cp_begin..__cp_end range, where
 * musl's cancellation handler can end a thread blocked there; the caller
 * drops the count after the replay.
 */
long keel_libc_syscall_cp(long a1, long a2, long a3, long a4, long a5, long a6, long nr)
{
	return direct(a1, a2, a3, a4, a5, a6, nr, true);
}

void keel_libc_uaccess_done(void)
{
	this_cpu()->current->uaccess_kernel--;
}

/*
 * A thread's exit and a detached thread's unmapping of its own stack run on
 * its kernel stack (libc_on_kstack), because the program's stack may be
 * gone before the thread has switched away for the last time: the exit
 * releases the futex word pthread_join waits on, so the joiner may unmap
 * the stack (or a new thread reuse it), and a detached thread unmaps its
 * own. Neither returns.
 */
static long exit_finish(long status, long a2, long a3, long a4, long a5, long a6)
{
	(void)a2, (void)a3, (void)a4, (void)a5, (void)a6;
	this_cpu()->current->uaccess_kernel++; /* the thread-list lock it clears is musl's */
	count(__NR_exit);
	syscall_table[__NR_exit](status, 0, 0, 0, 0, 0);
	__builtin_unreachable();
}

static long unmapself_finish(long base, long size, long a3, long a4, long a5, long a6)
{
	(void)a3, (void)a4, (void)a5, (void)a6;
	keel_libc_syscall(base, size, 0, 0, 0, 0, __NR_munmap);
	keel_libc_syscall(0, 0, 0, 0, 0, 0, __NR_exit);
	__builtin_unreachable();
}

/* musl's __unmapself (kernel/libc/musl/src/thread/__unmapself.c): a detached thread unmaps its stack. */
void keel_libc_unmapself(void *base, size_t size)
{
	libc_on_kstack(unmapself_finish, (long)base, (long)size, 0, 0, 0, 0);
	__builtin_unreachable();
}

uint64_t libc_direct_count(unsigned long nr)
{
	return direct_counts[nr < NR_SYSCALLS ? nr : NR_SYSCALLS];
}

uint64_t libc_direct_total(void)
{
	uint64_t total = 0;
	for (unsigned i = 0; i <= NR_SYSCALLS; i++)
		total += direct_counts[i];
	return total;
}
