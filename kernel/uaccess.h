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

/* Return: true if [p, p+n) lies entirely in the program's half. */
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
