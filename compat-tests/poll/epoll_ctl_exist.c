/*
 * epoll_ctl_exist.c - epoll_ctl's membership errors: ADD of a descriptor
 * already in the set fails with EEXIST; MOD and DEL of one not in it fail
 * with ENOENT; after DEL, ADD works again.
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

	CHECK_ERR(epoll_ctl(ep, EPOLL_CTL_MOD, p[0], &ev), ENOENT);
	CHECK_ERR(epoll_ctl(ep, EPOLL_CTL_DEL, p[0], &ev), ENOENT);
	CHECK_OK(epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &ev));
	CHECK_ERR(epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &ev), EEXIST);
	CHECK_OK(epoll_ctl(ep, EPOLL_CTL_MOD, p[0], &ev));
	CHECK_OK(epoll_ctl(ep, EPOLL_CTL_DEL, p[0], NULL));
	CHECK_ERR(epoll_ctl(ep, EPOLL_CTL_DEL, p[0], NULL), ENOENT);
	CHECK_OK(epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &ev));

	/* a dup is a different descriptor: its own entry */
	int d = dup(p[0]);
	CHECK_OK(epoll_ctl(ep, EPOLL_CTL_ADD, d, &ev));
	CHECK(write(p[1], "x", 1) == 1, "write");
	struct epoll_event out[4];
	printf("pipe and its dup: %d events\n", epoll_wait(ep, out, 4, 0));
	return compat_done();
}
