/*
 * kernel_abi.c - calls whose glibc versions hand the kernel's behaviour
 * straight through where musl's differ; a glibc program binds to these
 * (GLIBC_OVERRIDE, see glibc.h). Found by the test programs' glibc builds
 * in linked mode (tools/test-programs; gettimeofday's tz is in syscalls.c):
 *  - epoll_create(size): glibc makes the system call, which refuses
 *    size <= 0 with EINVAL; musl calls epoll_create1(0) and ignores size.
 *  - select(): glibc passes the caller's timeval to the kernel, which
 *    leaves the time not slept in it (Linux's documented behaviour, which
 *    programs rely on in loops); musl passes a copy.
 */
#include <errno.h>
#include <sys/epoll.h>
#include <sys/select.h>
#include "glibc.h"
#include "syscall.h"

int GLIBC_OVERRIDE(epoll_create)(int size)
{
	if (size <= 0)
		return __syscall_ret(-EINVAL);
	return epoll_create1(0);
}

int GLIBC_OVERRIDE(select)(int n, fd_set *restrict rfds, fd_set *restrict wfds,
			   fd_set *restrict efds, struct timeval *restrict tv)
{
	return syscall_cp(SYS_select, n, rfds, wfds, efds, tv);
}

