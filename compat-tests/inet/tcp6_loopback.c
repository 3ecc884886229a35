/*
 * tcp6_loopback.c - TCP over IPv6 ::1: listen on a kernel-chosen port,
 * connect, exchange data; accept reports ::1; IPV6_V6ONLY can be read
 * and set; the socket address length is that of sockaddr_in6.
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include "compat.h"

int main(void)
{
	struct sockaddr_in6 a = { .sin6_family = AF_INET6, .sin6_addr = IN6ADDR_LOOPBACK_INIT }, peer;
	socklen_t al = sizeof a;
	int l = socket(AF_INET6, SOCK_STREAM, 0);
	CHECK_OK(l);
	int on = 1, v = -1;
	socklen_t vl = sizeof v;
	CHECK_OK(setsockopt(l, IPPROTO_IPV6, IPV6_V6ONLY, &on, sizeof on));
	CHECK_OK(getsockopt(l, IPPROTO_IPV6, IPV6_V6ONLY, &v, &vl));
	printf("IPV6_V6ONLY: %d\n", v);
	CHECK_OK(bind(l, (struct sockaddr *)&a, sizeof a));
	CHECK_OK(getsockname(l, (struct sockaddr *)&a, &al));
	printf("address length is sockaddr_in6's: %s, port chosen: %s\n", al == sizeof a ? "yes" : "no",
	       a.sin6_port ? "yes" : "no");
	CHECK_OK(listen(l, 1));

	int c = socket(AF_INET6, SOCK_STREAM, 0);
	CHECK_OK(connect(c, (struct sockaddr *)&a, sizeof a));
	socklen_t pl = sizeof peer;
	int s = accept(l, (struct sockaddr *)&peer, &pl);
	CHECK_OK(s);
	char text[INET6_ADDRSTRLEN] = "";
	inet_ntop(AF_INET6, &peer.sin6_addr, text, sizeof text);
	printf("peer: %s\n", text);
	CHECK(write(c, "six", 3) == 3, "write");
	char buf[8];
	ssize_t n = read(s, buf, sizeof buf);
	printf("read: %zd \"%.*s\"\n", n, (int)(n > 0 ? n : 0), buf);
	return compat_done();
}
