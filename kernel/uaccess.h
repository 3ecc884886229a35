/*
 * uaccess.h - reading and writing the program's memory from system calls.
 *
 * The program and the kernel share one address space and run in ring 0,
 * so a handler could dereference program pointers directly; it must not,
 * because programs (and tests) pass bad pointers on purpose and Linux
 * answers -EFAULT. These helpers reject ranges that reach into the kernel
 * half, and a fault inside the copy itself (an unmapped page no VMA
 * covers) is caught by the page-fault handler, which resumes at the copy's
 * fixup: the helper returns -EFAULT instead of the kernel dying.
 */
#ifndef KEEL_UACCESS_H
#define KEEL_UACCESS_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

/*
 * Return: true if [p, p+n) lies entirely in the program's half -- or,
 * while the current thread is in a system call made by the kernel's libc,
 * entirely in the kernel's half.
 *
 * The kernel's libc (kernel/libc/direct.c) makes its system calls as
 * direct calls and passes kernel addresses: musl's stdio buffers, its
 * static data, its futex words live in the kernel image. For the duration
 * of such a call struct thread.uaccess_kernel is non-zero (a nesting
 * count) and the checks of this file also accept the kernel half, like
 * Linux's old set_fs(KERNEL_DS). That is safe because keel has nothing to
 * protect there: the program and the kernel are one address space in ring
 * 0, and a program can write over the kernel without any system call. The
 * checks exist for ABI fidelity -- a program probing with a bad pointer
 * gets -EFAULT -- and the trap keeps them (it sets the count only to
 * replay a libc call that a signal interrupted, direct.c).
 * Non-canonical addresses and ranges that wrap stay refused either way;
 * an unmapped kernel address faults into the copy's fixup (-EFAULT) like
 * an unmapped user one. The count is read only when a range is not in the
 * program's half: the common case costs nothing more.
 */
bool user_range_ok(const void *p, size_t n);
/* Return: 0, or -EFAULT. */
int copy_from_user(void *dst, const void *usrc, size_t n);
int copy_to_user(void *udst, const void *src, size_t n);
int clear_user(void *udst, size_t n);
/*
 * Copy a NUL-terminated string of at most max-1 characters plus the NUL.
 * Return: its length, -EFAULT, or -ENAMETOOLONG if no NUL within max bytes.
 */
long strncpy_from_user(char *dst, const char *usrc, size_t max);

/* For trap.c: if a fault at rip happened inside a user copy, return where to resume. */
uint64_t uaccess_fixup(uint64_t rip);

#endif
