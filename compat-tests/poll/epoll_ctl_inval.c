/*
 * epoll_ctl_inval.c - epoll_ctl fails with EINVAL when the epoll
 * descriptor is itself the target, when the "epoll" descriptor is not an
 * epoll instance, and for an unknown operation.
 */
#include <sys/epoll.h>
#include <unistd.h>
#include "compat.h"

int main(void)
{
	int p[2];
	CHECK_OK(pipe(p));
	int ep = epoll_create1(0);
	CHECK_OK(ep);
	struct epoll_event ev = { .events = EPOLLIN };

	CHECK_ERR(epoll_ctl(ep, EPOLL_CTL_ADD, ep, &ev), EINVAL);
	CHECK_ERR(epoll_ctl(p[0], EPOLL_CTL_ADD, p[1], &ev), EINVAL);
	CHECK_ERR(epoll_ctl(ep, 99, p[0], &ev), EINVAL);
	printf("set still empty: %d\n", epoll_wait(ep, &ev, 1, 0));
	return compat_done();
}
