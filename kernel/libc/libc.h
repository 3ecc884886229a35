/*
 * libc.h - the kernel's libc, as the rest of the kernel sees it.
 *
 * The kernel's libc is musl (Debian's source package, built by
 * kernel/libc/libc.mk) linked into the kernel with every symbol it
 * defines renamed NAME -> __musl_NAME, so that musl's memcpy, printf or
 * errno never meet the kernel's own; build/musl/exports.list names the
 * public ones, which linked mode binds programs to under their real
 * names. Its system calls are direct calls into syscall_table (direct.c),
 * not traps. kernel/libc/README.md has the design.
 *
 * Kernel code calls musl only through the __musl_ names, and only from a
 * thread whose extended state may be used (musl is built with SSE), after
 * musl's start-up has set the thread pointer (selftest.c shows how).
 */
#ifndef KEEL_LIBC_H
#define KEEL_LIBC_H

#include <stdint.h>
#include <stddef.h>

/* direct.c */
/*
 * The system-call entry of musl's __syscall0..6 (kernel/libc/musl/arch/
 * syscall_arch.h); the number comes last, so the arguments arrive in the
 * registers the handler takes them in. Calls syscall_table[nr] directly,
 * with the uaccess checks also accepting kernel addresses meanwhile (uaccess.h),
 * reports holes like the trap (-ENOSYS, once by name), and counts the
 * call in its own counters, not the trap's. The calls that need a trap
 * frame (clone, clone3, rt_sigreturn, sigaltstack), and the delivery of
 * a signal that became due during a call, take the real trap -- from a
 * program's stack only: a kernel thread gets -ENOSYS for the former, and
 * has no handlers for the latter. May sleep, as the call it makes.
 * Return: what the sys_* function returns, a value or -errno.
 */
long keel_libc_syscall(long a1, long a2, long a3, long a4, long a5, long a6, long nr);
long keel_libc_syscall_cp(long a1, long a2, long a3, long a4, long a5, long a6, long nr);
void keel_libc_uaccess_done(void);
/*
 * Run fn(a1..a6) on the calling thread's kernel stack (in place if already
 * there): for kernel code called from a program's stack, which is
 * demand-paged, when it takes spinlocks or maps memory (elf/dl.c's dlopen
 * & co.). fn must not run program code that may trap.
 */
long libc_on_kstack(long (*fn)(long, long, long, long, long, long), long a1, long a2, long a3,
		    long a4, long a5, long a6);
/* For musl's __unmapself: unmap [base, base+size) and end the thread. */
__attribute__((noreturn)) void keel_libc_unmapself(void *base, size_t size);
/* Return: direct calls made with number nr so far (nr >= NR_SYSCALLS: the out-of-range ones). */
uint64_t libc_direct_count(unsigned long nr);
uint64_t libc_direct_total(void);

#endif
