/*
 * socketpair_seqpacket.c - AF_UNIX SOCK_SEQPACKET: reliable, connected,
 * message boundaries kept; after the peer closes, recv returns 0 and
 * send fails with EPIPE (SIGPIPE ignored).
 */
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>
#include "compat.h"

int main(void)
{
	int sv[2] = { -1, -1 };
	char buf[64];
	signal(SIGPIPE, SIG_IGN);
	CHECK_OK(socketpair(AF_UNIX, SOCK_SEQPACKET, 0, sv));
	CHECK(send(sv[0], "alpha", 5, 0) == 5, "send");
	CHECK(send(sv[0], "be", 2, 0) == 2, "send");
	ssize_t n = recv(sv[1], buf, sizeof buf, 0);
	printf("first: %zd \"%.*s\"\n", n, (int)(n > 0 ? n : 0), buf);
	n = recv(sv[1], buf, sizeof buf, 0);
	printf("second: %zd \"%.*s\"\n", n, (int)(n > 0 ? n : 0), buf);
	CHECK_OK(close(sv[0]));
	printf("after close: recv %zd\n", recv(sv[1], buf, sizeof buf, 0));
	CHECK_ERR(send(sv[1], "x", 1, 0), EPIPE);
	return compat_done();
}
