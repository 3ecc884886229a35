/*
 * __unmapself - the last act of a detached thread: unmap its own stack
 * (and thread block) and exit.
 *
 * musl's x86_64 version makes both calls with `syscall` instructions,
 * because a trap needs no stack of the thread's own; its generic C
 * version borrows a 256-byte static stack for the two calls. In keel's
 * libc a system call runs on the stack it is called from, far deeper
 * than 256 bytes, so keel_libc_unmapself (kernel/libc/direct.c) moves
 * to the thread's own kernel stack -- unused while the thread runs
 * program code -- and makes both calls there as direct calls. The exit
 * then also clears the thread-list lock musl keeps held until this point
 * (CLONE_CHILD_CLEARTID names it, in the kernel's libc's static data).
 */
#include "pthread_impl.h"

hidden _Noreturn void keel_libc_unmapself(void *base, size_t size);

void __unmapself(void *base, size_t size)
{
	keel_libc_unmapself(base, size);
}
