/*
 * epoll_close.c - closing the only descriptor of a file removes it from
 * every epoll set: a set whose pipe end was closed reports nothing,
 * although the pipe still holds data, and the number can be reused and
 * added again.
 */
#include <sys/epoll.h>
#include <unistd.h>
#include "compat.h"

int main(void)
{
	int p[2];
	CHECK_OK(pipe(p));
	int ep = epoll_create1(0);
	struct epoll_event ev = { .events = EPOLLIN, .data.u64 = 1 }, out = { 0 };
	int r = p[0];
	CHECK_OK(epoll_ctl(ep, EPOLL_CTL_ADD, r, &ev));
	CHECK(write(p[1], "x", 1) == 1, "write");
	int n = epoll_wait(ep, &out, 1, 0);
	printf("open: %d data %llu\n", n, (unsigned long long)out.data.u64);

	CHECK_OK(close(r));
	printf("closed, data still in the pipe: %d\n", epoll_wait(ep, &out, 1, 0));
	CHECK_ERR(epoll_ctl(ep, EPOLL_CTL_DEL, r, NULL), EBADF);

	int q[2];
	CHECK_OK(pipe(q)); /* takes the closed number */
	printf("number reused: %s\n", q[0] == r ? "yes" : "no");
	ev.data.u64 = 3;
	CHECK_OK(epoll_ctl(ep, EPOLL_CTL_ADD, q[0], &ev));
	CHECK(write(q[1], "y", 1) == 1, "write");
	n = epoll_wait(ep, &out, 1, 0);
	printf("new file: %d data %llu\n", n, (unsigned long long)out.data.u64);
	return compat_done();
}
