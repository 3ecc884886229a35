/*
 * port_zero.c - binding port 0 makes the kernel choose a port: before
 * bind getsockname reports 0.0.0.0 port 0; after bind to 127.0.0.1:0 the
 * address is 127.0.0.1 with a non-zero (ephemeral, >= 1024) port; two
 * sockets get different ports; a connect without bind assigns one too.
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>
#include "compat.h"

int main(void)
{
	struct sockaddr_in a, b;
	socklen_t l = sizeof a;
	int s1 = socket(AF_INET, SOCK_STREAM, 0), s2 = socket(AF_INET, SOCK_STREAM, 0);
	CHECK_OK(getsockname(s1, (struct sockaddr *)&a, &l));
	printf("unbound: family AF_INET %s, address %s, port %d, length %u\n", a.sin_family == AF_INET ? "yes" : "no",
	       inet_ntoa(a.sin_addr), ntohs(a.sin_port), (unsigned)l);

	struct sockaddr_in any = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	CHECK_OK(bind(s1, (struct sockaddr *)&any, sizeof any));
	CHECK_OK(bind(s2, (struct sockaddr *)&any, sizeof any));
	l = sizeof a;
	CHECK_OK(getsockname(s1, (struct sockaddr *)&a, &l));
	l = sizeof b;
	CHECK_OK(getsockname(s2, (struct sockaddr *)&b, &l));
	printf("bound: address %s, port >= 1024: %s, ports differ: %s\n", inet_ntoa(a.sin_addr),
	       ntohs(a.sin_port) >= 1024 ? "yes" : "no", a.sin_port != b.sin_port ? "yes" : "no");

	CHECK_OK(listen(s1, 1));
	int c = socket(AF_INET, SOCK_STREAM, 0);
	CHECK_OK(connect(c, (struct sockaddr *)&a, sizeof a));
	struct sockaddr_in ca;
	l = sizeof ca;
	CHECK_OK(getsockname(c, (struct sockaddr *)&ca, &l));
	printf("connect assigned: %s, port non-zero: %s\n", inet_ntoa(ca.sin_addr), ca.sin_port ? "yes" : "no");
	CHECK_ERR(bind(s1, (struct sockaddr *)&any, sizeof any), EINVAL);
	return compat_done();
}
