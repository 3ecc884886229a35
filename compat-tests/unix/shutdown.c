/*
 * shutdown.c - shutdown(2) on a stream socketpair: after SHUT_WR the peer
 * reads end of file while the shut side can still read what the peer
 * sends, and its own writes fail with EPIPE (SIGPIPE ignored); SHUT_RD
 * makes reads return 0; an unknown "how" fails with EINVAL, a
 * non-socket with ENOTSOCK.
 */
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>
#include "compat.h"

int main(void)
{
	int sv[2] = { -1, -1 }, p[2] = { -1, -1 };
	char buf[16];
	signal(SIGPIPE, SIG_IGN);
	CHECK_OK(socketpair(AF_UNIX, SOCK_STREAM, 0, sv));
	CHECK(write(sv[0], "last", 4) == 4, "write");
	CHECK_OK(shutdown(sv[0], SHUT_WR));
	ssize_t n = read(sv[1], buf, sizeof buf);
	printf("peer reads the data: %zd, then: %zd\n", n, read(sv[1], buf, sizeof buf));
	CHECK(write(sv[1], "back", 4) == 4, "peer write");
	n = read(sv[0], buf, sizeof buf);
	printf("shut side still reads: %zd\n", n);
	CHECK_ERR(write(sv[0], "x", 1), EPIPE);

	CHECK_OK(shutdown(sv[1], SHUT_RD));
	printf("after SHUT_RD: read %zd\n", read(sv[1], buf, sizeof buf));
	CHECK_ERR(shutdown(sv[1], 7), EINVAL);
	CHECK_OK(pipe(p));
	CHECK_ERR(shutdown(p[0], SHUT_RDWR), ENOTSOCK);
	return compat_done();
}
