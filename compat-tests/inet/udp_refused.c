/*
 * udp_refused.c - a connected UDP socket learns that nobody listens on
 * the peer port: the send succeeds, and the next receive fails with
 * ECONNREFUSED (from the ICMP port-unreachable), once; an unconnected
 * socket's sendto to the same port reports nothing.
 */
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>
#include "compat.h"

int main(void)
{
	struct sockaddr_in a = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	socklen_t al = sizeof a;
	int b = socket(AF_INET, SOCK_DGRAM, 0);
	CHECK_OK(bind(b, (struct sockaddr *)&a, sizeof a));
	CHECK_OK(getsockname(b, (struct sockaddr *)&a, &al));
	CHECK_OK(close(b)); /* the port is free now */

	int u = socket(AF_INET, SOCK_DGRAM, 0);
	CHECK_OK(connect(u, (struct sockaddr *)&a, sizeof a));
	printf("send: %zd\n", send(u, "x", 1, 0));
	struct pollfd pfd = { .fd = u, .events = POLLIN };
	int n = poll(&pfd, 1, 2000);
	printf("poll: %d, POLLERR: %s\n", n, pfd.revents & POLLERR ? "yes" : "no");
	char buf[4];
	CHECK_ERR(recv(u, buf, sizeof buf, MSG_DONTWAIT), ECONNREFUSED);
	CHECK_ERR(recv(u, buf, sizeof buf, MSG_DONTWAIT), EAGAIN);

	int v = socket(AF_INET, SOCK_DGRAM, 0);
	printf("unconnected sendto: %zd\n", sendto(v, "y", 1, 0, (struct sockaddr *)&a, sizeof a));
	usleep(20000);
	CHECK_ERR(recv(v, buf, sizeof buf, MSG_DONTWAIT), EAGAIN);
	return compat_done();
}
