/*
 * epoll_create_flags.c - epoll_create rejects a size <= 0 with EINVAL;
 * epoll_create1 rejects unknown flags with EINVAL, sets close-on-exec
 * for EPOLL_CLOEXEC and not otherwise. The size checks use the raw
 * system call: musl's epoll_create() calls epoll_create1(0) instead.
 */
#include <fcntl.h>
#include <sys/epoll.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "compat.h"

int main(void)
{
	CHECK_ERR(syscall(SYS_epoll_create, 0), EINVAL);
	CHECK_ERR(syscall(SYS_epoll_create, -1), EINVAL);
	CHECK_ERR(epoll_create1(1), EINVAL);
	CHECK_ERR(epoll_create1(EPOLL_CLOEXEC | 4), EINVAL);

	int a = syscall(SYS_epoll_create, 1);
	int b = epoll_create1(0);
	int c = epoll_create1(EPOLL_CLOEXEC);
	CHECK_OK(a); CHECK_OK(b); CHECK_OK(c);
	printf("epoll_create(1) FD_CLOEXEC: %d\n", fcntl(a, F_GETFD) & FD_CLOEXEC);
	printf("epoll_create1(0) FD_CLOEXEC: %d\n", fcntl(b, F_GETFD) & FD_CLOEXEC);
	printf("epoll_create1(EPOLL_CLOEXEC) FD_CLOEXEC: %d\n", fcntl(c, F_GETFD) & FD_CLOEXEC);
	return compat_done();
}
