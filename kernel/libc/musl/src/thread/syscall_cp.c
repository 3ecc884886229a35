/*
 * __syscall_cp_asm - a system call that is a cancellation point.
 *
 * musl's cancellation handler (pthread_cancel.c) ends a thread whose
 * interrupted %rip lies in [__cp_begin, __cp_end): a thread asleep in the
 * `syscall` instruction of a cancellable call, or about to enter it. In
 * keel's libc the call is first made directly (keel_libc_syscall_cp,
 * kernel/libc/direct.c), where no signal handler can run. If a signal
 * interrupts it (-ERESTARTSYS: it did nothing), it is made again through
 * the trap by keel_cp_trap below, whose `syscall` instruction is that
 * range: the trap finds the signal still pending, and on its way out
 * runs the handler with %rip at the `syscall` (a restart) or just past it
 * (EINTR). SIGCANCEL's handler then sends the thread to __cp_cancel, as on
 * Linux; any other handler returns and the call goes on (restarted in the
 * trap) or fails with EINTR. A request already pending is acted on before
 * the call, and a call that returns EINTR with one pending ends the thread
 * (__syscall_cp_c), as musl does.
 */
#include "pthread_impl.h"
#include "syscall.h"

hidden long __cancel(void);

#define KEEL_ERESTARTSYS 512 /* the kernel's "interrupted, nothing done" (never seen by programs) */

long keel_libc_syscall_cp(long a1, long a2, long a3, long a4, long a5, long a6, long nr);
void keel_libc_uaccess_done(void);

/*
 * keel_cp_trap(cancel, nr, u, v, w, x, y, z): the cancellable range. The
 * request flag is read inside it, so a request that came with the
 * interrupting signal is seen even if the handler ran earlier.
 */
hidden long keel_cp_trap(volatile int *cancel, syscall_arg_t nr, syscall_arg_t u, syscall_arg_t v,
			 syscall_arg_t w, syscall_arg_t x, syscall_arg_t y, syscall_arg_t z);
__asm__(".text\n"
	".globl __cp_begin, __cp_end, __cp_cancel, keel_cp_trap\n"
	".hidden __cp_begin, __cp_end, __cp_cancel, keel_cp_trap\n"
	"keel_cp_trap:\n"
	"__cp_begin:\n\t"
	"movl (%rdi), %eax\n\t"
	"testl %eax, %eax\n\t"
	"jnz __cp_cancel\n\t"
	"movq %rsi, %rax\n\t"		/* nr */
	"movq %rdx, %rdi\n\t"		/* u */
	"movq %rcx, %rsi\n\t"		/* v */
	"movq %r8, %rdx\n\t"		/* w */
	"movq %r9, %r10\n\t"		/* x */
	"movq 8(%rsp), %r8\n\t"	/* y */
	"movq 16(%rsp), %r9\n\t"	/* z */
	"syscall\n"
	"__cp_end:\n\t"
	"ret\n"
	"__cp_cancel:\n\t"
	"jmp __cancel\n");

hidden long __syscall_cp_asm(volatile int *cancel, syscall_arg_t nr, syscall_arg_t u,
			     syscall_arg_t v, syscall_arg_t w, syscall_arg_t x, syscall_arg_t y,
			     syscall_arg_t z);

long __syscall_cp_asm(volatile int *cancel, syscall_arg_t nr, syscall_arg_t u, syscall_arg_t v,
		      syscall_arg_t w, syscall_arg_t x, syscall_arg_t y, syscall_arg_t z)
{
	if (*cancel)
		return __cancel();
	long r = keel_libc_syscall_cp(u, v, w, x, y, z, nr);
	if (r != -KEEL_ERESTARTSYS)
		return r;
	r = keel_cp_trap(cancel, nr, u, v, w, x, y, z);
	keel_libc_uaccess_done();
	return r;
}
