/*
 * ksignal.h - what signal.c (dispositions, sending, delivery) and
 * sigframe.c (the frame on the program's stack) share with the trap paths.
 */
#ifndef KEEL_KSIGNAL_H
#define KEEL_KSIGNAL_H

#include <stdint.h>
#include <stdbool.h>

#define KSIG_MAX 64
#define SIGBIT(n) (1ULL << ((n) - 1))

/* struct sigaction as the kernel ABI has it (rt_sigaction, x86-64) */
struct ksigaction {
	uint64_t handler;
	uint64_t flags;
	uint64_t restorer;
	uint64_t mask;
};

/* what a pending signal carries until it is delivered */
struct ksiginfo {
	int code;      /* si_code */
	int pid;       /* sender, for SI_USER / SI_TKILL */
	uint64_t addr; /* si_addr, for faults */
};

struct trap_frame;
struct siginfo;

/* signal.c */
/*
 * Deliver the lowest pending, unblocked signal of the current thread by
 * rewriting f (the frame it returns to program code with). syscall_ret is
 * the result of the syscall being returned from (for SA_RESTART), or 0.
 * Return: true if f now enters a handler (return with iretq).
 */
bool signal_deliver(struct trap_frame *f, long syscall_ret);
/* A fault in program code raised sig: run its handler now, or kill the program. */
__attribute__((noreturn)) void signal_fault(struct trap_frame *f, int sig, int code, uint64_t addr);
bool signal_handler_for(int sig); /* is a program handler installed? */

/* sigframe.c. Return: 0 or -EFAULT (no room on the stack). */
int sigframe_setup(struct trap_frame *f, int sig, const struct ksigaction *a,
		   const struct siginfo *info, uint64_t old_mask);

#endif
