/*
 * seqpacket_trunc.c - SOCK_SEQPACKET through a listening socket bound to an
 * abstract name: a short buffer gets the start of a message with MSG_TRUNC
 * and the rest is dropped; recv with MSG_TRUNC returns the whole length,
 * and with MSG_PEEK leaves the message queued; FIONREAD counts every
 * unread byte; a message over the send buffer is EMSGSIZE; sendto's
 * address is ignored; after the peer closes, recv gives 0 (blocking or
 * not), send EPIPE, and poll shows the hangup. Unconnected: ENOTCONN.
 */
#define _GNU_SOURCE
#include <poll.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>
#include "compat.h"

int main(void)
{
	struct sockaddr_un a = { .sun_family = AF_UNIX };
	int nl = snprintf(a.sun_path + 1, sizeof a.sun_path - 1, "compat-seqpacket-%d", (int)getpid());
	socklen_t alen = offsetof(struct sockaddr_un, sun_path) + 1 + nl;
	char buf[64];
	ssize_t n;

	int l = socket(AF_UNIX, SOCK_SEQPACKET, 0);
	CHECK_OK(l);
	CHECK_OK(bind(l, (struct sockaddr *)&a, alen));
	CHECK_OK(listen(l, 4));
	int u = socket(AF_UNIX, SOCK_SEQPACKET, 0);
	CHECK_ERR(send(u, "x", 1, 0), ENOTCONN);
	CHECK_ERR(recv(u, buf, sizeof buf, MSG_DONTWAIT), ENOTCONN);
	CHECK_ERR(recv(l, buf, sizeof buf, MSG_DONTWAIT), ENOTCONN);

	int c = socket(AF_UNIX, SOCK_SEQPACKET, 0);
	CHECK_OK(connect(c, (struct sockaddr *)&a, alen));
	int x = accept(l, NULL, NULL);
	CHECK_OK(x);

	CHECK(send(c, "hello world", 11, 0) == 11, "send");
	CHECK(send(c, "2nd", 3, 0) == 3, "send");
	int q = -1;
	CHECK_OK(ioctl(x, FIONREAD, &q));
	printf("FIONREAD: %d\n", q);

	struct iovec iov = { buf, 5 };
	struct msghdr mh = { .msg_iov = &iov, .msg_iovlen = 1 };
	n = recvmsg(x, &mh, 0);
	printf("5-byte buffer: %zd \"%.*s\" MSG_TRUNC: %s\n", n, (int)(n > 0 ? n : 0), buf,
	       mh.msg_flags & MSG_TRUNC ? "yes" : "no");
	n = recv(x, buf, 2, MSG_PEEK | MSG_TRUNC);
	printf("peek with MSG_TRUNC into 2 bytes: %zd \"%.*s\"\n", n, 2, buf);
	n = recv(x, buf, sizeof buf, 0);
	printf("then the whole message: %zd \"%.*s\"\n", n, (int)(n > 0 ? n : 0), buf);

	/* the send buffer bounds one message: SO_SNDBUF 4096 is 8192 doubled */
	int sb = 4096;
	CHECK_OK(setsockopt(c, SOL_SOCKET, SO_SNDBUF, &sb, sizeof sb));
	static char big[9000];
	CHECK_ERR(send(c, big, sizeof big, 0), EMSGSIZE);
	CHECK(send(c, big, 8000, 0) == 8000, "send 8000");
	n = recv(x, big, sizeof big, 0);
	printf("8000-byte message: %zd\n", n);

	struct sockaddr_un other = { .sun_family = AF_UNIX, .sun_path = "/nonexistent/socket" };
	n = sendto(c, "y", 1, 0, (struct sockaddr *)&other, sizeof other);
	printf("sendto with an address: %zd\n", n);
	n = recv(x, buf, sizeof buf, 0);
	printf("arrived at the peer: %zd \"%.*s\"\n", n, (int)(n > 0 ? n : 0), buf);

	CHECK_OK(close(c));
	printf("after the peer closed: non-blocking recv %zd", recv(x, buf, sizeof buf, MSG_DONTWAIT));
	printf(", recv %zd\n", recv(x, buf, sizeof buf, 0));
	CHECK_ERR(send(x, "z", 1, MSG_NOSIGNAL), EPIPE);
	struct pollfd pfd = { .fd = x, .events = POLLIN | POLLOUT | POLLRDHUP };
	CHECK(poll(&pfd, 1, 0) == 1, "poll");
	printf("poll: %#x\n", pfd.revents);
	return compat_done();
}
