/*
 * glibc.h - the glibc compatibility layer's private interface.
 *
 * The layer (every .c file of this directory, built as part of the
 * kernel's musl by kernel/libc/musl.mk, so renamed __musl_NAME like the
 * rest) gives glibc-linked programs the glibc-only functions they import,
 * on top of musl. kernel/libc/glibc.md has the design, the list of what
 * the real binaries import, and the ABI facts. Two kinds of names:
 *
 *  - NAME: a glibc function or variable musl lacks (__printf_chk, error,
 *    statx ...), bound like any musl export;
 *  - GLIBC_OVERRIDE(NAME) = __keel_glibc_NAME: musl has NAME with other
 *    semantics (GNU strerror_r, basename, getopt, newlocale's object
 *    layout) or only as a hidden symbol (__strftime_l); keel's linker binds
 *    a glibc program's NAME to it first (elf/klibc.c, klibc_glibc_dso).
 *
 * Variables need nothing special: the layer is compiled position
 * independent like the rest of musl, so a program's COPY of one
 * (error_message_count, __libc_single_threaded ...) is what the layer's
 * code uses too (elf/klibc.c, klibc_redirect).
 */
#ifndef KEEL_GLIBC_H
#define KEEL_GLIBC_H

#include <features.h>
#include <stddef.h>

#define GLIBC_OVERRIDE(name) __keel_glibc_##name

/* fortify_str.c: "*** MSG ***: terminated" on stderr, then abort() */
hidden _Noreturn void __glibc_fortify_fail(const char *msg);
_Noreturn void __chk_fail(void);

/* thread.c: a thread is about to be created (glibc: __libc_single_threaded = 0) */
hidden void __glibc_threads_start(void);

/* start.c: exit() as a glibc program's exit() (thread_local destructors first) */
_Noreturn void GLIBC_OVERRIDE(exit)(int status);

/* tls_dtors.c: run the calling thread's thread_local destructors */
hidden void __glibc_run_tls_dtors(void);

#endif
