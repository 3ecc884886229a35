/*
 * poll_states.c - poll's masks for AF_UNIX sockets in every state, asking
 * for all events: a new stream or seqpacket socket (writable, and POLLHUP:
 * not connected), a new datagram socket, an idle listener (nothing), one
 * with a connection waiting, connected ends, a full stream (not
 * writable), shutdown(SHUT_RD) and SHUT_WR seen from both sides, the
 * peer's close with nothing unread and with our data unread (POLLERR; the
 * next read fails once with ECONNRESET, then gives end of file); a
 * datagram socket whose peer closed (just writable).
 */
#define _GNU_SOURCE
#include <poll.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>
#include "compat.h"

static void show(const char *what, int fd)
{
	struct pollfd p = { .fd = fd, .events = POLLIN | POLLPRI | POLLOUT | POLLRDNORM | POLLRDBAND |
						POLLWRNORM | POLLWRBAND | POLLRDHUP };
	int n = poll(&p, 1, 0);
	printf("%-34s %d %#06x\n", what, n, p.revents);
}

int main(void)
{
	int sv[2] = { -1, -1 };
	char c;

	show("new stream socket", socket(AF_UNIX, SOCK_STREAM, 0));
	show("new seqpacket socket", socket(AF_UNIX, SOCK_SEQPACKET, 0));
	show("new datagram socket", socket(AF_UNIX, SOCK_DGRAM, 0));

	struct sockaddr_un a = { .sun_family = AF_UNIX };
	int l = socket(AF_UNIX, SOCK_STREAM, 0);
	CHECK_OK(bind(l, (struct sockaddr *)&a, sizeof(sa_family_t)));
	CHECK_OK(listen(l, 4));
	show("idle listener", l);
	socklen_t alen = sizeof a;
	CHECK_OK(getsockname(l, (struct sockaddr *)&a, &alen));
	int cl = socket(AF_UNIX, SOCK_STREAM, 0);
	CHECK_OK(connect(cl, (struct sockaddr *)&a, alen));
	show("listener, one waiting", l);
	show("client, not yet accepted", cl);
	int x = accept(l, NULL, NULL);
	CHECK_OK(x);
	show("accepted", x);
	show("listener again", l);

	CHECK_OK(socketpair(AF_UNIX, SOCK_STREAM, 0, sv));
	CHECK(write(sv[0], "data", 4) == 4, "write");
	show("stream with data to read", sv[1]);
	static char buf[65536];
	while (send(sv[0], buf, sizeof buf, MSG_DONTWAIT) > 0)
		;
	show("stream, full", sv[0]);
	while (recv(sv[1], buf, sizeof buf, MSG_DONTWAIT) > 0)
		;
	show("stream, drained", sv[0]);
	CHECK_OK(shutdown(sv[0], SHUT_WR));
	show("after SHUT_WR: that end", sv[0]);
	show("after SHUT_WR: the peer", sv[1]);
	CHECK_OK(shutdown(sv[0], SHUT_RD));
	show("after SHUT_RD too: that end", sv[0]);
	show("after SHUT_RD too: the peer", sv[1]);
	close(sv[0]);
	close(sv[1]);

	CHECK_OK(socketpair(AF_UNIX, SOCK_STREAM, 0, sv));
	CHECK_OK(close(sv[0]));
	show("peer closed, nothing unread", sv[1]);
	close(sv[1]);

	CHECK_OK(socketpair(AF_UNIX, SOCK_STREAM, 0, sv));
	CHECK(write(sv[0], "lost", 4) == 4, "write");
	CHECK_OK(close(sv[1]));
	show("peer closed with our data unread", sv[0]);
	CHECK_ERR(read(sv[0], &c, 1), ECONNRESET);
	printf("then read: %zd\n", read(sv[0], &c, 1));
	show("after the error was read", sv[0]);
	close(sv[0]);

	CHECK_OK(socketpair(AF_UNIX, SOCK_SEQPACKET, 0, sv));
	CHECK_OK(close(sv[0]));
	show("seqpacket, peer closed", sv[1]);

	CHECK_OK(socketpair(AF_UNIX, SOCK_DGRAM, 0, sv));
	CHECK_OK(close(sv[0]));
	show("datagram, peer closed", sv[1]);
	CHECK_ERR(send(sv[1], "x", 1, 0), ECONNREFUSED);
	CHECK_ERR(send(sv[1], "x", 1, 0), ENOTCONN);
	return compat_done();
}
