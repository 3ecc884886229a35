/*
 * epoll_close_dup.c - an epoll registration belongs to the open file, not
 * the descriptor (epoll(7), Q6): closing the registered descriptor while
 * a dup of it is open keeps the file in the set, and it is still
 * reported with the registered data; closing the dup too removes it.
 */
#include <sys/epoll.h>
#include <unistd.h>
#include "compat.h"

int main(void)
{
	int p[2];
	CHECK_OK(pipe(p));
	int ep = epoll_create1(0);
	struct epoll_event ev = { .events = EPOLLIN, .data.u64 = 42 }, out = { 0 };
	CHECK_OK(epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &ev));
	int d = dup(p[0]);
	CHECK_OK(d);
	CHECK_OK(close(p[0]));
	CHECK(write(p[1], "x", 1) == 1, "write");
	int n = epoll_wait(ep, &out, 1, 0);
	printf("registered fd closed, dup open: %d data %llu\n", n, (unsigned long long)out.data.u64);
	CHECK_ERR(epoll_ctl(ep, EPOLL_CTL_DEL, d, NULL), ENOENT);
	CHECK_OK(close(d));
	printf("dup closed too: %d\n", epoll_wait(ep, &out, 1, 0));
	return compat_done();
}
