/*
 * sigpipe.c - which AF_UNIX errors raise SIGPIPE: a stream send or write
 * after the peer closed or after our own SHUT_WR fails with EPIPE and
 * raises it (not with MSG_NOSIGNAL); a seqpacket socket fails with EPIPE
 * the same way but Linux raises nothing (its datagram send path never
 * does); a datagram socket whose peer closed gets ECONNREFUSED, then
 * ENOTCONN, and after its own SHUT_WR EPIPE, all without a signal.
 */
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>
#include "compat.h"

static volatile sig_atomic_t pipes;

static void on_pipe(int sig)
{
	(void)sig;
	pipes++;
}

static void try_send(const char *what, int fd, int flags, int use_write)
{
	pipes = 0;
	errno = 0;
	ssize_t n = use_write ? write(fd, "x", 1) : send(fd, "x", 1, flags);
	printf("%-40s %zd %-12s SIGPIPE %d\n", what, n, n < 0 ? errno_name(errno) : "", (int)pipes);
}

int main(void)
{
	int sv[2] = { -1, -1 };
	signal(SIGPIPE, on_pipe);

	CHECK_OK(socketpair(AF_UNIX, SOCK_STREAM, 0, sv));
	CHECK_OK(close(sv[0]));
	try_send("stream, peer closed: send", sv[1], 0, 0);
	try_send("stream, peer closed: write", sv[1], 0, 1);
	try_send("stream, peer closed: MSG_NOSIGNAL", sv[1], MSG_NOSIGNAL, 0);
	close(sv[1]);
	CHECK_OK(socketpair(AF_UNIX, SOCK_STREAM, 0, sv));
	CHECK_OK(shutdown(sv[0], SHUT_WR));
	try_send("stream, after SHUT_WR", sv[0], 0, 0);
	close(sv[0]);
	close(sv[1]);

	CHECK_OK(socketpair(AF_UNIX, SOCK_SEQPACKET, 0, sv));
	CHECK_OK(close(sv[0]));
	try_send("seqpacket, peer closed", sv[1], 0, 0);
	close(sv[1]);
	CHECK_OK(socketpair(AF_UNIX, SOCK_SEQPACKET, 0, sv));
	CHECK_OK(shutdown(sv[0], SHUT_WR));
	try_send("seqpacket, after SHUT_WR", sv[0], 0, 0);
	close(sv[0]);
	close(sv[1]);

	CHECK_OK(socketpair(AF_UNIX, SOCK_DGRAM, 0, sv));
	CHECK_OK(close(sv[0]));
	try_send("datagram, peer closed", sv[1], 0, 0);
	try_send("datagram, peer closed, again", sv[1], 0, 0);
	close(sv[1]);
	CHECK_OK(socketpair(AF_UNIX, SOCK_DGRAM, 0, sv));
	CHECK_OK(shutdown(sv[0], SHUT_WR));
	try_send("datagram, after SHUT_WR", sv[0], 0, 0);
	return compat_done();
}
