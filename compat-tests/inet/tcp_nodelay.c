/*
 * tcp_nodelay.c - TCP socket options: TCP_NODELAY is 0 by default and
 * reads back non-zero once set (and 0 when cleared), as a 4-byte int;
 * SO_KEEPALIVE likewise; an option length shorter than an int fails with
 * EINVAL; a TCP option on a UDP socket fails (Linux: EOPNOTSUPP).
 */
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>
#include "compat.h"

static int get(int s, int level, int opt)
{
	int v = -1;
	socklen_t l = sizeof v;
	if (getsockopt(s, level, opt, &v, &l) != 0 || l != sizeof v)
		return -1;
	return v;
}

int main(void)
{
	int s = socket(AF_INET, SOCK_STREAM, 0);
	CHECK_OK(s);
	printf("TCP_NODELAY default: %d\n", get(s, IPPROTO_TCP, TCP_NODELAY));
	int one = 1, zero = 0;
	CHECK_OK(setsockopt(s, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one));
	printf("after set: non-zero: %s\n", get(s, IPPROTO_TCP, TCP_NODELAY) > 0 ? "yes" : "no");
	CHECK_OK(setsockopt(s, IPPROTO_TCP, TCP_NODELAY, &zero, sizeof zero));
	printf("after clear: %d\n", get(s, IPPROTO_TCP, TCP_NODELAY));
	printf("SO_KEEPALIVE default: %d\n", get(s, SOL_SOCKET, SO_KEEPALIVE));
	CHECK_OK(setsockopt(s, SOL_SOCKET, SO_KEEPALIVE, &one, sizeof one));
	printf("SO_KEEPALIVE set: non-zero: %s\n", get(s, SOL_SOCKET, SO_KEEPALIVE) > 0 ? "yes" : "no");
	short tiny = 1;
	CHECK_ERR(setsockopt(s, IPPROTO_TCP, TCP_NODELAY, &tiny, sizeof tiny), EINVAL);
	int u = socket(AF_INET, SOCK_DGRAM, 0);
	int v;
	socklen_t vl = sizeof v;
	CHECK_ERR(getsockopt(u, IPPROTO_TCP, TCP_NODELAY, &v, &vl), EOPNOTSUPP);
	return compat_done();
}
