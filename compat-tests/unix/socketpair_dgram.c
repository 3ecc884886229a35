/*
 * socketpair_dgram.c - an AF_UNIX SOCK_DGRAM socketpair keeps message
 * boundaries: each recv returns one whole message; a buffer too small
 * gets the start of the message, the rest is discarded, and recvmsg
 * sets MSG_TRUNC (recv with MSG_TRUNC returns the real length).
 */
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include "compat.h"

int main(void)
{
	int sv[2] = { -1, -1 };
	char buf[64];
	CHECK_OK(socketpair(AF_UNIX, SOCK_DGRAM, 0, sv));
	CHECK(send(sv[0], "one", 3, 0) == 3, "send");
	CHECK(send(sv[0], "two!", 4, 0) == 4, "send");
	CHECK(send(sv[0], "", 0, 0) == 0, "send empty");
	ssize_t n = recv(sv[1], buf, sizeof buf, 0);
	printf("first: %zd \"%.*s\"\n", n, (int)(n > 0 ? n : 0), buf);
	n = recv(sv[1], buf, sizeof buf, 0);
	printf("second: %zd \"%.*s\"\n", n, (int)(n > 0 ? n : 0), buf);
	n = recv(sv[1], buf, sizeof buf, MSG_DONTWAIT);
	printf("empty message: %zd\n", n);

	CHECK(send(sv[0], "0123456789", 10, 0) == 10, "send");
	CHECK(send(sv[0], "next", 4, 0) == 4, "send");
	struct iovec iov = { buf, 4 };
	struct msghdr mh = { .msg_iov = &iov, .msg_iovlen = 1 };
	n = recvmsg(sv[1], &mh, 0);
	printf("4-byte buffer: %zd \"%.*s\" MSG_TRUNC: %s\n", n, (int)(n > 0 ? n : 0), buf,
	       mh.msg_flags & MSG_TRUNC ? "yes" : "no");
	n = recv(sv[1], buf, sizeof buf, 0);
	printf("rest discarded, next message: %zd \"%.*s\"\n", n, (int)(n > 0 ? n : 0), buf);
	CHECK(send(sv[0], "0123456789", 10, 0) == 10, "send");
	n = recv(sv[1], buf, 2, MSG_TRUNC);
	printf("recv MSG_TRUNC into 2 bytes returns: %zd\n", n);
	return compat_done();
}
