/*
 * context.c - getcontext, setcontext, makecontext, swapcontext (glibc's
 * <ucontext.h>; musl has none). OpenSSL's libcrypto runs its ASYNC jobs on
 * them, and imports them whether or not a program uses ASYNC.
 *
 * The layout is glibc's x86-64 ucontext_t, which musl's struct shares up
 * to __fpregs_mem (glibc adds a 32-byte __ssp after it, which only glibc's
 * shadow-stack code touches; a program allocates the larger size). The
 * offsets the assembly uses are checked against musl's definition below.
 * The behaviour is glibc's:
 *  - getcontext saves the callee-saved registers, the argument registers,
 *    %rsp and %rip as they will be after it returns, the x87 environment
 *    and MXCSR in __fpregs_mem (fpregs points there), and the signal mask;
 *    it returns 0;
 *  - setcontext restores the signal mask, the floating-point environment
 *    (when fpregs is set) and those registers, and continues at the saved
 *    %rip with %eax = 0; it returns -1 only if the mask cannot be set;
 *  - makecontext makes a context start fn on uc_stack with its first six
 *    arguments in registers and the rest on the stack; when fn returns, the
 *    context continues with uc_link, or the process exits with status 0
 *    when uc_link is NULL (%rbx, callee-saved, finds the link on the stack);
 *  - swapcontext saves the current context in oucp and goes to ucp.
 */
#define _GNU_SOURCE
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <ucontext.h>
#include "glibc.h"

#define GREG(r) (offsetof(ucontext_t, uc_mcontext.gregs) + 8 * (r))
_Static_assert(GREG(REG_R8) == 40 && GREG(REG_R9) == 48 && GREG(REG_R12) == 72 &&
	       GREG(REG_R13) == 80 && GREG(REG_R14) == 88 && GREG(REG_R15) == 96 &&
	       GREG(REG_RDI) == 104 && GREG(REG_RSI) == 112 && GREG(REG_RBP) == 120 &&
	       GREG(REG_RBX) == 128 && GREG(REG_RDX) == 136 && GREG(REG_RCX) == 152 &&
	       GREG(REG_RSP) == 160 && GREG(REG_RIP) == 168, "gregs");
_Static_assert(offsetof(ucontext_t, uc_mcontext.fpregs) == 224, "fpregs");
_Static_assert(offsetof(ucontext_t, uc_sigmask) == 296, "uc_sigmask");
_Static_assert(offsetof(ucontext_t, __fpregs_mem) == 424, "__fpregs_mem");

/* ctx_save: the state getcontext and swapcontext keep, into (%rdi) */
#define SAVE                                                                   \
	"mov %r8, 40(%rdi)\n\t"                                                \
	"mov %r9, 48(%rdi)\n\t"                                                \
	"mov %r12, 72(%rdi)\n\t"                                               \
	"mov %r13, 80(%rdi)\n\t"                                               \
	"mov %r14, 88(%rdi)\n\t"                                               \
	"mov %r15, 96(%rdi)\n\t"                                               \
	"mov %rdi, 104(%rdi)\n\t"                                              \
	"mov %rsi, 112(%rdi)\n\t"                                              \
	"mov %rbp, 120(%rdi)\n\t"                                              \
	"mov %rbx, 128(%rdi)\n\t"                                              \
	"mov %rdx, 136(%rdi)\n\t"                                              \
	"mov %rcx, 152(%rdi)\n\t"                                              \
	"mov (%rsp), %rcx\n\t"          /* %rip: where the call returns */     \
	"mov %rcx, 168(%rdi)\n\t"                                              \
	"lea 8(%rsp), %rcx\n\t"         /* %rsp after that return */           \
	"mov %rcx, 160(%rdi)\n\t"                                              \
	"lea 424(%rdi), %rcx\n\t"       /* fpregs = &__fpregs_mem */           \
	"mov %rcx, 224(%rdi)\n\t"                                              \
	"fnstenv (%rcx)\n\t"                                                   \
	"fldenv (%rcx)\n\t"             /* fnstenv masked x87 exceptions */    \
	"stmxcsr 24(%rcx)\n\t"

__asm__(".pushsection .text\n"
	".global getcontext\n"
	".type getcontext,@function\n"
	"getcontext:\n\t"
	SAVE
	"lea 296(%rdi), %rdx\n\t"       /* sigprocmask(SIG_BLOCK, 0, &uc_sigmask) */
	"xor %esi, %esi\n\t"
	"xor %edi, %edi\n\t"
	"jmp sigprocmask\n"
	".size getcontext, .-getcontext\n"

	".global swapcontext\n"
	".type swapcontext,@function\n"
	"swapcontext:\n\t"
	SAVE
	"push %rsi\n\t"                 /* sigprocmask(SIG_SETMASK, &ucp->mask, &oucp->mask) */
	"lea 296(%rdi), %rdx\n\t"
	"lea 296(%rsi), %rsi\n\t"
	"mov $2, %edi\n\t"
	"call sigprocmask\n\t"
	"pop %rdx\n\t"
	"test %eax, %eax\n\t"
	"jz __keel_ctx_load\n\t"
	"ret\n"
	".size swapcontext, .-swapcontext\n"

	".global setcontext\n"
	".type setcontext,@function\n"
	"setcontext:\n\t"
	"push %rdi\n\t"                 /* sigprocmask(SIG_SETMASK, &ucp->mask, 0) */
	"lea 296(%rdi), %rsi\n\t"
	"xor %edx, %edx\n\t"
	"mov $2, %edi\n\t"
	"call sigprocmask\n\t"
	"pop %rdx\n\t"
	"test %eax, %eax\n\t"
	"jz __keel_ctx_load\n\t"
	"ret\n"
	/* __keel_ctx_load: continue in the context at %rdx (mask already set) */
	"__keel_ctx_load:\n\t"
	"mov 224(%rdx), %rcx\n\t"
	"test %rcx, %rcx\n\t"
	"jz 1f\n\t"
	"fldenv (%rcx)\n\t"
	"ldmxcsr 24(%rcx)\n"
	"1:\n\t"
	"mov 160(%rdx), %rsp\n\t"
	"mov 128(%rdx), %rbx\n\t"
	"mov 120(%rdx), %rbp\n\t"
	"mov 72(%rdx), %r12\n\t"
	"mov 80(%rdx), %r13\n\t"
	"mov 88(%rdx), %r14\n\t"
	"mov 96(%rdx), %r15\n\t"
	"push 168(%rdx)\n\t"
	"mov 104(%rdx), %rdi\n\t"
	"mov 112(%rdx), %rsi\n\t"
	"mov 152(%rdx), %rcx\n\t"
	"mov 40(%rdx), %r8\n\t"
	"mov 48(%rdx), %r9\n\t"
	"mov 136(%rdx), %rdx\n\t"
	"xor %eax, %eax\n\t"
	"ret\n"
	".size setcontext, .-setcontext\n"

	/* where a makecontext'd function returns: %rbx points at uc_link */
	".type __keel_ctx_start,@function\n"
	"__keel_ctx_start:\n\t"
	"mov %rbx, %rsp\n\t"
	"mov (%rsp), %rdi\n\t"
	"and $-16, %rsp\n\t"
	"test %rdi, %rdi\n\t"
	"jz 1f\n\t"
	"call setcontext\n\t"
	"mov %eax, %edi\n"              /* setcontext failed: exit(-1) */
	"1:\n\t"
	"call __keel_glibc_exit\n\t"
	"ud2\n"
	".size __keel_ctx_start, .-__keel_ctx_start\n"
	".popsection\n");

void __keel_ctx_start(void);

void makecontext(ucontext_t *uc, void (*fn)(void), int argc, ...)
{
	static const int regs[6] = { REG_RDI, REG_RSI, REG_RDX, REG_RCX, REG_R8, REG_R9 };
	greg_t *g = uc->uc_mcontext.gregs;
	uintptr_t top = (uintptr_t)uc->uc_stack.ss_sp + uc->uc_stack.ss_size;
	int nstack = argc > 6 ? argc - 6 : 0;
	/* sp[0..nstack-1]: arguments 7 and up; sp[nstack]: uc_link; sp[-1]: the return */
	uintptr_t *sp = (uintptr_t *)((top - (nstack + 1) * sizeof *sp) & -16UL);
	va_list ap;

	va_start(ap, argc);
	for (int i = 0; i < argc; i++) {
		long v = va_arg(ap, long);
		if (i < 6)
			g[regs[i]] = v;
		else
			sp[i - 6] = v;
	}
	va_end(ap);
	sp[nstack] = (uintptr_t)uc->uc_link;
	sp[-1] = (uintptr_t)__keel_ctx_start;
	g[REG_RSP] = (greg_t)(sp - 1);
	g[REG_RIP] = (greg_t)fn;
	g[REG_RBX] = (greg_t)&sp[nstack];
}
