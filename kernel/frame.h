/*
 * frame.h - what the assembly entry paths (kernel/entry.S, syscall-trap/
 * entry.S) and C share: per-CPU offsets, segment selectors, and, for
 * assembly, the macros that save and restore a struct trap_frame (cpu.h).
 * cpu.c and trap.c check these numbers against the C structures with
 * _Static_assert, so the two sides cannot drift apart.
 */
#ifndef KEEL_FRAME_H
#define KEEL_FRAME_H

#define PERCPU_KSTACK_TOP 8
#define PERCPU_KSTACK_BASE 16
#define PERCPU_CURRENT 24
#define PERCPU_USER_RSP 40
#define PERCPU_SIG_WORK 48 /* a copy of current->sig_work (sched.h) */
#define PERCPU_SYSCALL_NR 56

#define SEL_KCODE 0x08
#define SEL_KDATA 0x10
#define SEL_TSS 0x18

#ifdef __ASSEMBLY__
/* After %rax and %rbx: the rest of struct trap_frame, lowest address last. */
.macro PUSH_REST
	pushq %rcx
	pushq %rdx
	pushq %rsi
	pushq %rdi
	pushq %rbp
	pushq %r8
	pushq %r9
	pushq %r10
	pushq %r11
	pushq %r12
	pushq %r13
	pushq %r14
	pushq %r15
.endm

/* Restore every register of the frame at %rsp and return with iretq. */
.macro POP_ALL_IRET
	popq %r15
	popq %r14
	popq %r13
	popq %r12
	popq %r11
	popq %r10
	popq %r9
	popq %r8
	popq %rbp
	popq %rdi
	popq %rsi
	popq %rdx
	popq %rcx
	popq %rbx
	popq %rax
	addq $16, %rsp		/* vector, error code */
	iretq
.endm
#endif

#endif
