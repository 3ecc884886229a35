/*
 * nonblock_connect.c - a non-blocking TCP connect to a listening loopback
 * port returns 0 or fails with EINPROGRESS; poll then reports POLLOUT
 * and SO_ERROR is 0. To a port nobody listens on, the error shows either
 * at once (ECONNREFUSED) or through poll (POLLOUT with POLLERR/POLLHUP)
 * and SO_ERROR ECONNREFUSED, which reading clears.
 */
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>
#include "compat.h"

static int so_error(int s)
{
	int e = -1;
	socklen_t l = sizeof e;
	getsockopt(s, SOL_SOCKET, SO_ERROR, &e, &l);
	return e;
}

int main(void)
{
	struct sockaddr_in a = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) }, closed;
	socklen_t al = sizeof a;
	int l = socket(AF_INET, SOCK_STREAM, 0);
	CHECK_OK(bind(l, (struct sockaddr *)&a, sizeof a));
	CHECK_OK(getsockname(l, (struct sockaddr *)&a, &al));
	CHECK_OK(listen(l, 1));

	int c = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
	errno = 0;
	int r = connect(c, (struct sockaddr *)&a, sizeof a);
	printf("to a listener: 0 or EINPROGRESS: %s\n", r == 0 || errno == EINPROGRESS ? "yes" : "no");
	struct pollfd pfd = { .fd = c, .events = POLLOUT };
	int n = poll(&pfd, 1, 5000);
	printf("poll: %d revents %#x, SO_ERROR %s\n", n, pfd.revents, errno_name(so_error(c)));

	/* a port that was just free: bound, never listened */
	int b = socket(AF_INET, SOCK_STREAM, 0);
	closed = (struct sockaddr_in){ .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	al = sizeof closed;
	CHECK_OK(bind(b, (struct sockaddr *)&closed, sizeof closed));
	CHECK_OK(getsockname(b, (struct sockaddr *)&closed, &al));
	int d = socket(AF_INET, SOCK_STREAM, 0);
	CHECK_OK(fcntl(d, F_SETFL, O_NONBLOCK));
	errno = 0;
	r = connect(d, (struct sockaddr *)&closed, sizeof closed);
	int e = errno;
	if (r != 0 && e == EINPROGRESS) {
		pfd = (struct pollfd){ .fd = d, .events = POLLOUT };
		n = poll(&pfd, 1, 5000);
		printf("refused via poll: POLLOUT %s, POLLERR or POLLHUP %s\n", pfd.revents & POLLOUT ? "yes" : "no",
		       pfd.revents & (POLLERR | POLLHUP) ? "yes" : "no");
		e = so_error(d);
	} else {
		printf("refused via poll: POLLOUT yes, POLLERR or POLLHUP yes\n"); /* at once: same outcome */
	}
	printf("error: %s\n", errno_name(e));
	printf("SO_ERROR after reading it: %d\n", so_error(d));
	return compat_done();
}
