/*
 * syscall.h - the system-call layer's interface: the trap (entry.S), the
 * one table (table.c) and the dispatcher (dispatch.c).
 *
 * Every system call is a `long sys_NAME(...)` in the subsystem that owns
 * its objects, taking Linux's arguments and returning a value or -errno.
 * The trap and (in linked mode, later) direct calls end in the same
 * functions. The table is indexed by the x86-64 number (__NR_*).
 */
#ifndef KEEL_SYSCALL_H
#define KEEL_SYSCALL_H

#include <stdint.h>
#include <stdbool.h>

#define NR_SYSCALLS 512

struct trap_frame;
typedef long (*syscall_fn)(long, long, long, long, long, long);

/* table.c */
extern const syscall_fn syscall_table[NR_SYSCALLS];
const char *syscall_name(unsigned long nr); /* "nr 999" style text for unknown numbers */

/* dispatch.c */
void syscall_init(void); /* program LSTAR/STAR/FMASK and EFER.SCE */
int syscall_dispatch(struct trap_frame *f); /* from entry.S; non-zero: return with iretq */
long syscall_invoke(unsigned long nr, long a0, long a1, long a2, long a3, long a4, long a5);
uint64_t syscall_count(unsigned long nr);
/* Bit nr set: a hole, or a call that needs the full trap frame (read by entry.S and kernel/libc). */
extern uint64_t syscall_slow_map[NR_SYSCALLS / 64];
/*
 * The same for kernel/libc/direct.c's direct calls, plus what they must not
 * make in place: sigaltstack (reads the caller's %rsp from a trap frame) and
 * exit (moves to the kernel stack first).
 */
extern uint64_t syscall_direct_slow_map[NR_SYSCALLS / 64];
void syscall_print_stats(void); /* the per-syscall trap counts, most frequent first */
/* Ask for the slow (iretq) return of the current syscall: the frame was rewritten. */
void syscall_set_full_return(void);

#endif
