/*
 * sigframe.c - running the program's signal handlers: the signal frame
 * on the program's stack, and rt_sigreturn.
 *
 * The frame is Linux's x86-64 rt_sigframe, because libcs depend on it
 * (glibc's and musl's restorers just call rt_sigreturn; unwinders and
 * debuggers read the ucontext):
 *
 *   rsp ->  return address (sa_restorer)       handler entry: rdi = signal,
 *           struct ucontext (sigcontext, mask)  rsi = &siginfo, rdx = &uc
 *           struct siginfo
 *           extended FPU state (xsave, 64-aligned), uc_mcontext.fpstate
 *
 * below the interrupted %rsp minus the 128-byte red zone, or at the top of
 * the alternate stack (SA_ONSTACK). The handler runs with sa_mask (and the
 * signal itself, unless SA_NODEFER) added to the thread's mask; rt_sigreturn
 * puts every register, the FPU state and the mask back from the frame,
 * which the handler may have changed (siglongjmp-free "fix and retry").
 */
#include "proc.h"
#include "sched.h"
#include "cpu.h"
#include "klib.h"
#include "uaccess.h"
#include "syscall.h"
#include "mm.h"
#include "ksignal.h"
#include <asm/signal.h>
#include <linux/signal.h>
#include <asm/sigcontext.h>
#include <asm/ucontext.h>
#include <asm/siginfo.h>
#include <asm-generic/errno.h>

#define REDZONE 128
#define FP_XSTATE_MAGIC1 0x46505853U
#define FP_XSTATE_MAGIC2 0x46505845U

static void to_sigcontext(struct sigcontext *sc, const struct trap_frame *f)
{
	*sc = (struct sigcontext){
		.r8 = f->r8, .r9 = f->r9, .r10 = f->r10, .r11 = f->r11, .r12 = f->r12,
		.r13 = f->r13, .r14 = f->r14, .r15 = f->r15, .rdi = f->rdi, .rsi = f->rsi,
		.rbp = f->rbp, .rbx = f->rbx, .rdx = f->rdx, .rax = f->rax, .rcx = f->rcx,
		.rsp = f->rsp, .rip = f->rip, .eflags = f->rflags, .cs = 0x33, /* as Linux shows */
		.err = f->error, .trapno = f->vector, .cr2 = read_cr2(),
	};
}

/*
 * Build the frame for sig (action a, info) on the current thread and point
 * f at the handler. Return: 0, or -EFAULT if the stack cannot take it (the
 * caller then kills the program with SIGSEGV, as Linux does).
 */
int sigframe_setup(struct trap_frame *f, int sig, const struct ksigaction *a,
		   const struct siginfo *info, uint64_t old_mask)
{
	struct thread *t = thread_current();
	uint64_t sp = f->rsp - REDZONE;
	bool on_alt = t->altstack_sp && f->rsp - t->altstack_sp <= t->altstack_size;

	if ((a->flags & SA_ONSTACK) && t->altstack_sp && !on_alt)
		sp = t->altstack_sp + t->altstack_size;
	uint64_t fp = ALIGN_DOWN(sp - cpu.xsave_size - 8, 64);
	uint64_t si = ALIGN_DOWN(fp - sizeof(struct siginfo), 16);
	uint64_t uc = si - sizeof(struct ucontext);
	uint64_t frame = ALIGN_DOWN(uc - 8, 16) - 8; /* at entry rsp+8 is 16-aligned, as after a call */
	uc = frame + 8;

	if (clear_user((void *)fp, cpu.xsave_size + 8)) /* fault the pages in before xsave */
		return -EFAULT;
	fpu_save((void *)fp);
	struct _fpx_sw_bytes sw = { FP_XSTATE_MAGIC1, cpu.xsave_size + 4, cpu.xcr0, cpu.xsave_size, {0} };
	uint32_t magic2 = FP_XSTATE_MAGIC2;
	struct ucontext k;
	memset(&k, 0, sizeof(k));
	k.uc_flags = 0x4; /* UC_STRICT_RESTORE_SS is 4 on Linux; harmless, we ignore ss */
	k.uc_stack.ss_sp = (void *)t->altstack_sp;
	k.uc_stack.ss_size = t->altstack_size;
	k.uc_stack.ss_flags = t->altstack_sp ? (on_alt ? SS_ONSTACK : 0) : SS_DISABLE;
	to_sigcontext(&k.uc_mcontext, f);
	k.uc_mcontext.fpstate = (struct _fpstate *)fp;
	k.uc_mcontext.oldmask = old_mask;
	k.uc_sigmask = old_mask;
	uint64_t ret = a->restorer;
	if (copy_to_user((char *)fp + 464, &sw, sizeof(sw)) ||
	    copy_to_user((char *)fp + cpu.xsave_size, &magic2, 4) ||
	    copy_to_user((void *)si, info, sizeof(*info)) || copy_to_user((void *)uc, &k, sizeof(k)) ||
	    copy_to_user((void *)frame, &ret, 8))
		return -EFAULT;

	f->rsp = frame;
	f->rip = a->handler;
	f->rdi = sig;
	f->rsi = si;
	f->rdx = uc;
	f->rax = 0;
	f->rflags &= ~(0x400UL | 0x100UL); /* DF and TF clear, as the ABI requires */
	return 0;
}

long sys_rt_sigreturn(void)
{
	struct thread *t = thread_current();
	struct trap_frame *f = t->syscall_frame;
	struct ucontext k;

	/* the handler's ret popped the return address: rsp is at the ucontext */
	if (copy_from_user(&k, (void *)f->rsp, sizeof(k)))
		signal_kill_program(SIGSEGV, "rt_sigreturn with a bad frame");
	const struct sigcontext *sc = &k.uc_mcontext;
	if (sc->fpstate) {
		char tmp[64];
		if (copy_from_user(tmp, sc->fpstate, sizeof(tmp))) /* mapped? then restore it */
			signal_kill_program(SIGSEGV, "rt_sigreturn with a bad FPU state");
		fpu_restore(sc->fpstate);
	}
	f->r8 = sc->r8, f->r9 = sc->r9, f->r10 = sc->r10, f->r11 = sc->r11;
	f->r12 = sc->r12, f->r13 = sc->r13, f->r14 = sc->r14, f->r15 = sc->r15;
	f->rdi = sc->rdi, f->rsi = sc->rsi, f->rbp = sc->rbp, f->rbx = sc->rbx;
	f->rdx = sc->rdx, f->rax = sc->rax, f->rcx = sc->rcx, f->rsp = sc->rsp;
	f->rip = sc->rip;
	/* the program may change the arithmetic flags, not IF, IOPL or the like */
	f->rflags = (f->rflags & ~0x4cd5UL) | (sc->eflags & 0x4cd5UL) | 0x200;
	t->sig_mask = k.uc_sigmask & ~(SIGBIT(SIGKILL) | SIGBIT(SIGSTOP));
	thread_sig_recalc(t);
	syscall_set_full_return(); /* every register, rcx and r11 included */
	return 0;
}
