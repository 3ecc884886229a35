/*
 * entry.S - the `syscall` instruction, taken in ring 0.
 *
 * SYSCALL does not switch stacks and SYSRET always returns to ring 3, so
 * neither is usable as is (DESIGN.md "CPU rules"). On entry FMASK has
 * cleared IF, %rcx holds the return address and %r11 the flags; %rsp is
 * still the program's, with its red zone live below it. We park %rsp in
 * the per-CPU area, move to the top of the thread's kernel stack and build
 * a struct trap_frame (kernel/cpu.h) there -- the same frame interrupts
 * use, so signals and clone can read and rewrite a whole register set --
 * then call
 *
 *	int syscall_dispatch(struct trap_frame *f);
 *
 * which leaves the result in f->rax. Fast return (dispatch returned 0):
 * restore every register but %rcx/%r11 (which Linux also clobbers: they
 * come back as the return address and flags), then popfq; pop %rsp;
 * jmp *%rcx -- nothing is written below the program's %rsp. Slow return
 * (non-zero: the frame was rewritten, e.g. by rt_sigreturn or signal
 * delivery, and %rcx/%r11 must be restored too): iretq via intr_return.
 */
#include "frame.h"

	.text
	.globl syscall_entry
syscall_entry:
	movq %rsp, %gs:PERCPU_USER_RSP
	movq %gs:PERCPU_KSTACK_TOP, %rsp
	pushq $SEL_KDATA		/* ss */
	pushq %gs:PERCPU_USER_RSP	/* rsp */
	pushq %r11			/* rflags */
	pushq $SEL_KCODE		/* cs */
	pushq %rcx			/* rip */
	pushq $0			/* error */
	pushq %rax			/* vector: the syscall number */
	pushq %rax
	pushq %rbx
	PUSH_REST
	movq %rsp, %rdi
	cld
	call syscall_dispatch
	testl %eax, %eax
	jnz intr_return
	popq %r15
	popq %r14
	popq %r13
	popq %r12
	addq $8, %rsp			/* r11: the flags come back in it */
	popq %r10
	popq %r9
	popq %r8
	popq %rbp
	popq %rdi
	popq %rsi
	popq %rdx
	addq $8, %rsp			/* rcx: the return address comes back in it */
	popq %rbx
	popq %rax
	movq 16(%rsp), %rcx		/* rip (past vector and error) */
	movq 32(%rsp), %r11		/* rflags */
	addq $32, %rsp			/* now at rflags */
	popfq
	popq %rsp
	jmp *%rcx
