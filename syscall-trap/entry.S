/*
 * entry.S - the `syscall` instruction, taken in ring 0.
 *
 * SYSCALL does not switch stacks and SYSRET always returns to ring 3, so
 * neither is usable as is (DESIGN.md "CPU rules"). On entry FMASK has
 * cleared IF (and DF), %rcx holds the return address and %r11 the flags;
 * %rsp is still the program's, with its red zone live below it. We park
 * %rsp in the per-CPU area and move to the top of the thread's kernel stack.
 *
 * Fast path (almost every call): save only what the C calling convention
 * lets the handler clobber but Linux preserves -- %rdi %rsi %rdx %r8 %r9
 * %r10 -- plus the return address, flags and %rsp; count the call; call
 * the table entry directly with interrupts on. %rbx %rbp
 * %r12-%r15 survive because C preserves them. Out: if the thread has
 * signal work (the per-CPU copy of struct thread.sig_work), build a full
 * frame and deliver;
 * else restore and popfq; pop %rsp; jmp *%rcx -- nothing is written below
 * the program's %rsp. %rcx and %r11 come back clobbered, as Linux allows.
 *
 * Full path (numbers marked in syscall_slow_map: holes, and calls that
 * read or rewrite the caller's registers -- clone, clone3, rt_sigreturn):
 * a whole struct trap_frame (kernel/cpu.h), then
 *
 *	int syscall_dispatch(struct trap_frame *f);
 *
 * and the same exit, or iretq via intr_return when the frame was rewritten.
 */
#include "frame.h"

#define NR_SYSCALLS 512

	.text
	.globl syscall_entry
syscall_entry:
	movq %rsp, %gs:PERCPU_USER_RSP
	movq %gs:PERCPU_KSTACK_TOP, %rsp
	cmpq $NR_SYSCALLS, %rax
	jae full_entry
	btq %rax, syscall_slow_map
	jc full_entry
	movq %rax, %gs:PERCPU_SYSCALL_NR	/* for restarting it after a signal */
	/* fast frame, top down: user rsp, rflags, rip, rdi rsi rdx r8 r9 r10 */
	pushq %gs:PERCPU_USER_RSP
	pushq %r11
	pushq %rcx
	pushq %rdi
	pushq %rsi
	pushq %rdx
	pushq %r8
	pushq %r9
	pushq %r10
	incq syscall_counts(,%rax,8)
	sti
	movq %r10, %rcx			/* the 4th argument: %r10 in the syscall ABI */
	call *syscall_table(,%rax,8)
	cmpl $0, %gs:PERCPU_SIG_WORK
	jnz fast_work
	popq %r10
	popq %r9
	popq %r8
	popq %rdx
	popq %rsi
	popq %rdi
	popq %rcx			/* the return address */
	popfq
	popq %rsp
	jmp *%rcx

/* A signal to deliver (or a mask to restore) after a fast call: make the full frame. */
fast_work:
	cli
	movq %rsp, %rcx	/* 0 r10 8 r9 16 r8 24 rdx 32 rsi 40 rdi 48 rip 56 rflags 64 rsp */
	pushq $SEL_KDATA
	pushq 64(%rcx)
	pushq 56(%rcx)
	pushq $SEL_KCODE
	pushq 48(%rcx)
	pushq $0
	pushq %gs:PERCPU_SYSCALL_NR	/* vector: the number */
	pushq %rax			/* the result */
	pushq %rbx
	pushq 48(%rcx)			/* rcx: the return address, as after sysret */
	pushq 24(%rcx)
	pushq 32(%rcx)
	pushq 40(%rcx)
	pushq %rbp
	pushq 16(%rcx)
	pushq 8(%rcx)
	pushq 0(%rcx)
	pushq 56(%rcx)			/* r11: the flags, as after sysret */
	pushq %r12
	pushq %r13
	pushq %r14
	pushq %r15
	movq %rsp, %rdi
	call syscall_exit_work
	jmp intr_return

full_entry:
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
	call syscall_dispatch
	testl %eax, %eax
	jnz intr_return
	popq %r15
	popq %r14
	popq %r13
	popq %r12
	addq $8, %rsp			/* r11: clobbered by the call, as Linux allows */
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
	addq $32, %rsp			/* now at rflags */
	popfq
	popq %rsp
	jmp *%rcx
