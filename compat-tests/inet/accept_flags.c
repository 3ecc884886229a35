/*
 * accept_flags.c - accept4 with SOCK_NONBLOCK | SOCK_CLOEXEC sets both on
 * the new socket; a non-blocking listener with nothing pending fails
 * with EAGAIN; accept on a socket that is not listening fails with
 * EINVAL, as does accept4 with unknown flags; poll reports POLLIN on a
 * listener with a pending connection.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "compat.h"

int main(void)
{
	struct sockaddr_in a = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	socklen_t al = sizeof a;
	int idle = socket(AF_INET, SOCK_STREAM, 0);
	CHECK_ERR(accept(idle, NULL, NULL), EINVAL);

	int l = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
	CHECK_OK(bind(l, (struct sockaddr *)&a, sizeof a));
	CHECK_OK(getsockname(l, (struct sockaddr *)&a, &al));
	CHECK_OK(listen(l, 4));
	CHECK_ERR(accept(l, NULL, NULL), EAGAIN);
	struct pollfd pfd = { .fd = l, .events = POLLIN };
	printf("poll, nothing pending: %d\n", poll(&pfd, 1, 0));

	int c = socket(AF_INET, SOCK_STREAM, 0);
	CHECK_OK(connect(c, (struct sockaddr *)&a, sizeof a));
	int n = poll(&pfd, 1, 2000);
	printf("poll, one pending: %d revents %#x\n", n, pfd.revents);
	int s = accept4(l, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);
	CHECK_OK(s);
	printf("accept4: O_NONBLOCK %s, FD_CLOEXEC %s\n", fcntl(s, F_GETFL) & O_NONBLOCK ? "yes" : "no",
	       fcntl(s, F_GETFD) & FD_CLOEXEC ? "yes" : "no");
	char b;
	CHECK_ERR(read(s, &b, 1), EAGAIN);
	/* raw: musl's accept4 retries a plain accept after EINVAL */
	CHECK_ERR(syscall(SYS_accept4, l, NULL, NULL, 0x1234), EINVAL);
	return compat_done();
}
