/*
 * epoll_ctl_perm.c - epoll_ctl ADD of a descriptor that does not support
 * polling -- a regular file, a directory -- fails with EPERM. (poll()
 * on the same file reports it always readable and writable.)
 */
#include <fcntl.h>
#include <poll.h>
#include <stdlib.h>
#include <sys/epoll.h>
#include <unistd.h>
#include "compat.h"

int main(void)
{
	char path[] = "/tmp/compat-epoll-XXXXXX";
	int f = mkstemp(path);
	CHECK_OK(f);
	CHECK_OK(unlink(path));
	int d = open("/", O_RDONLY | O_DIRECTORY);
	CHECK_OK(d);
	int ep = epoll_create1(0);
	CHECK_OK(ep);
	struct epoll_event ev = { .events = EPOLLIN };

	CHECK_ERR(epoll_ctl(ep, EPOLL_CTL_ADD, f, &ev), EPERM);
	CHECK_ERR(epoll_ctl(ep, EPOLL_CTL_ADD, d, &ev), EPERM);

	struct pollfd pfd = { .fd = f, .events = POLLIN | POLLOUT };
	int n = poll(&pfd, 1, 0);
	printf("poll on regular file: %d revents %#x\n", n, pfd.revents);
	return compat_done();
}
