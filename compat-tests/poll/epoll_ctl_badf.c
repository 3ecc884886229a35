/*
 * epoll_ctl_badf.c - epoll_ctl fails with EBADF when the epoll descriptor
 * or the target descriptor is not open; epoll_wait with a closed epoll
 * descriptor fails with EBADF too.
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
	int closed = dup(p[0]);
	CHECK_OK(close(closed));
	struct epoll_event ev = { .events = EPOLLIN }, out;

	CHECK_ERR(epoll_ctl(ep, EPOLL_CTL_ADD, closed, &ev), EBADF);
	CHECK_ERR(epoll_ctl(ep, EPOLL_CTL_DEL, closed, NULL), EBADF);
	CHECK_ERR(epoll_ctl(closed, EPOLL_CTL_ADD, p[0], &ev), EBADF);
	CHECK_ERR(epoll_ctl(-1, EPOLL_CTL_ADD, p[0], &ev), EBADF);
	CHECK_ERR(epoll_wait(closed, &out, 1, 0), EBADF);
	CHECK_ERR(epoll_wait(-1, &out, 1, 0), EBADF);
	return compat_done();
}
