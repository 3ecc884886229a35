/*
 * reuseaddr.c - SO_REUSEADDR: off by default, readable once set; after a
 * server whose listener had it set closes an accepted connection first
 * (leaving it in TIME_WAIT) and then its listener, binding a new
 * listener to the same port fails with EADDRINUSE without SO_REUSEADDR
 * and succeeds with it (the restart of a server).
 */
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>
#include "compat.h"

int main(void)
{
	struct sockaddr_in a = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	socklen_t al = sizeof a;
	int l = socket(AF_INET, SOCK_STREAM, 0);
	int v = -1;
	socklen_t vl = sizeof v;
	CHECK_OK(getsockopt(l, SOL_SOCKET, SO_REUSEADDR, &v, &vl));
	printf("default: %d\n", v);
	int one = 1;
	CHECK_OK(setsockopt(l, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one));
	CHECK_OK(bind(l, (struct sockaddr *)&a, sizeof a));
	CHECK_OK(getsockname(l, (struct sockaddr *)&a, &al));
	CHECK_OK(listen(l, 1));
	int c = socket(AF_INET, SOCK_STREAM, 0);
	CHECK_OK(connect(c, (struct sockaddr *)&a, sizeof a));
	int s = accept(l, NULL, NULL);
	CHECK_OK(s);
	CHECK_OK(close(s)); /* the server side closes first: TIME_WAIT on the server's port */
	char b;
	CHECK(read(c, &b, 1) == 0, "client sees EOF");
	CHECK_OK(close(c));
	CHECK_OK(close(l));

	int l2 = socket(AF_INET, SOCK_STREAM, 0);
	CHECK_ERR(bind(l2, (struct sockaddr *)&a, sizeof a), EADDRINUSE);
	int l3 = socket(AF_INET, SOCK_STREAM, 0);
	CHECK_OK(setsockopt(l3, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one));
	vl = sizeof v;
	CHECK_OK(getsockopt(l3, SOL_SOCKET, SO_REUSEADDR, &v, &vl));
	printf("after setting: %d\n", v);
	CHECK_OK(bind(l3, (struct sockaddr *)&a, sizeof a));
	CHECK_OK(listen(l3, 1));
	return compat_done();
}
