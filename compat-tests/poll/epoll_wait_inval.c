/*
 * epoll_wait_inval.c - epoll_wait fails with EINVAL for maxevents 0 or
 * negative and when the descriptor is not an epoll instance, and with
 * EFAULT when an event is ready but the events array is not writable.
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
	struct epoll_event ev = { .events = EPOLLIN }, out[2];

	CHECK_ERR(epoll_wait(ep, out, 0, 0), EINVAL);
	volatile int minus1 = -1;
	CHECK_ERR(epoll_wait(ep, out, minus1, 0), EINVAL);
	CHECK_ERR(epoll_wait(p[0], out, 1, 0), EINVAL);

	CHECK_OK(epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &ev));
	CHECK(write(p[1], "x", 1) == 1, "write");
	struct epoll_event *volatile unmapped = (struct epoll_event *)8;
	CHECK_ERR(epoll_wait(ep, unmapped, 1, 0), EFAULT);
	printf("still ready afterwards: %d\n", epoll_wait(ep, out, 2, 0));
	return compat_done();
}
