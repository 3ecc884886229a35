/*
 * msg_dontwait.c - MSG_DONTWAIT makes one call non-blocking on a blocking
 * socket: recv with nothing queued fails with EAGAIN, send into a full
 * socket fails with EAGAIN after filling it; the socket's own flags stay
 * blocking (no O_NONBLOCK); SOCK_NONBLOCK at creation sets O_NONBLOCK.
 */
#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>
#include "compat.h"

int main(void)
{
	int sv[2] = { -1, -1 }, nb[2] = { -1, -1 };
	static char buf[4096];
	CHECK_OK(socketpair(AF_UNIX, SOCK_STREAM, 0, sv));
	CHECK_ERR(recv(sv[0], buf, sizeof buf, MSG_DONTWAIT), EAGAIN);
	long total = 0, n;
	while ((n = send(sv[0], buf, sizeof buf, MSG_DONTWAIT)) > 0)
		total += n;
	printf("filled: last send errno %s, sent > 0: %s\n", errno_name(errno), total > 0 ? "yes" : "no");
	printf("O_NONBLOCK on the socket: %s\n", fcntl(sv[0], F_GETFL) & O_NONBLOCK ? "yes" : "no");
	long got = 0;
	while ((n = recv(sv[1], buf, sizeof buf, MSG_DONTWAIT)) > 0)
		got += n;
	printf("drained all: %s, then errno %s\n", got == total ? "yes" : "no", errno_name(errno));

	CHECK_OK(socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, nb));
	printf("SOCK_NONBLOCK: O_NONBLOCK %s, SOCK_CLOEXEC: FD_CLOEXEC %s\n",
	       fcntl(nb[0], F_GETFL) & O_NONBLOCK ? "yes" : "no", fcntl(nb[1], F_GETFD) & FD_CLOEXEC ? "yes" : "no");
	CHECK_ERR(read(nb[0], buf, sizeof buf), EAGAIN);
	return compat_done();
}
