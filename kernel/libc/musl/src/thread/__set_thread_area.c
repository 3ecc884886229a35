/*
 * __set_thread_area - point %fs at a thread's control block.
 *
 * musl's x86_64 version is a `syscall` instruction; keel's libc makes the
 * same arch_prctl(ARCH_SET_FS) as a direct call (arch/syscall_arch.h),
 * which also works from a kernel thread, where a trap must not be taken
 * (it would start again at the top of the kernel stack the thread is
 * running on). The direct call may name kernel memory: the kernel's
 * libc's own static thread block lives there.
 */
#include "pthread_impl.h"
#include "syscall.h"

#define ARCH_SET_FS 0x1002

int __set_thread_area(void *p)
{
	return __syscall(SYS_arch_prctl, ARCH_SET_FS, p);
}
