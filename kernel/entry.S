/*
 * entry.S - interrupt and exception entry, and the context switch.
 *
 * Every vector enters on an IST stack, because program code runs in ring 0
 * and keeps live data in the 128-byte red zone below its %rsp: a frame
 * pushed on the program's stack would destroy it. intr_common then moves the
 * CPU's frame to the current thread's kernel stack -- its top if we came from
 * elsewhere (program code), or below the interrupted %rsp if we were already
 * on it -- before anything can nest or block, pushes the registers in
 * struct trap_frame order (cpu.h) and calls
 *
 *	void trap_dispatch(struct trap_frame *f);
 *
 * which may switch threads; we return with iretq from the thread's stack,
 * so nothing is ever written below the interrupted %rsp. #DF, NMI and #MC
 * have IST stacks of their own and stay on them (intr_stay): they only
 * report and stop the machine.
 */
#include "frame.h"

	.text
	.balign 16
	.globl intr_stubs
intr_stubs:
	.set vec, 0
	.rept 256
	.balign 16
	/* the CPU pushes an error code for these vectors only */
	.if !(vec == 8 || (vec >= 10 && vec <= 14) || vec == 17 || vec == 21 || vec == 29 || vec == 30)
	pushq $0
	.endif
	pushq $vec
	.if vec == 2 || vec == 8 || vec == 18
	jmp intr_stay
	.else
	jmp intr_common
	.endif
	.set vec, vec + 1
	.endr

intr_common:
	pushq %rax
	pushq %rbx
	/* IST now holds: rbx rax vector error rip cs rflags rsp ss */
	movq 56(%rsp), %rax		/* interrupted %rsp */
	cmpq %gs:PERCPU_KSTACK_BASE, %rax
	jb 1f
	cmpq %gs:PERCPU_KSTACK_TOP, %rax
	jae 1f
	subq $128, %rax			/* already on the thread stack: go below it */
	andq $-16, %rax
	jmp 2f
1:	movq %gs:PERCPU_KSTACK_TOP, %rax
2:	subq $72, %rax
	.irp off, 0, 8, 16, 24, 32, 40, 48, 56, 64
	movq \off(%rsp), %rbx
	movq %rbx, \off(%rax)
	.endr
	movq %rax, %rsp
	PUSH_REST
	movq %rsp, %rdi
	cld
	call trap_dispatch
	.globl intr_return
intr_return:			/* also the syscall trap's slow return path */
	POP_ALL_IRET

intr_stay:
	pushq %rax
	pushq %rbx
	PUSH_REST
	movq %rsp, %rdi
	cld
	call trap_dispatch
	POP_ALL_IRET

/*
 * void ctx_switch(uint64_t *save_rsp, uint64_t new_rsp);
 * Saves the callee-saved registers on the current stack, stores %rsp in
 * *save_rsp, and resumes the thread whose stack is new_rsp. FPU state is
 * the scheduler's job (xsave/xrstor around this call).
 */
	.globl ctx_switch
ctx_switch:
	pushq %rbp
	pushq %rbx
	pushq %r12
	pushq %r13
	pushq %r14
	pushq %r15
	movq %rsp, (%rdi)
	movq %rsi, %rsp
	popq %r15
	popq %r14
	popq %r13
	popq %r12
	popq %rbx
	popq %rbp
	ret

/*
 * A thread made by thread_create_frame: its first ctx_switch returns here
 * with %rsp at its struct trap_frame; leave through the interrupt exit.
 */
	.globl frame_trampoline
frame_trampoline:
	call thread_start_frame
	jmp intr_return

/* A new thread's first ctx_switch returns here with %r12 = fn, %r13 = arg. */
	.globl thread_trampoline
thread_trampoline:
	movq %r12, %rdi
	movq %r13, %rsi
	call thread_start		/* void thread_start(fn, arg), never returns */
	ud2
