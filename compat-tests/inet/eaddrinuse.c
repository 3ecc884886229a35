/*
 * eaddrinuse.c - two TCP sockets cannot bind the same address and port
 * (EADDRINUSE), even if the first is not listening; a UDP socket can use
 * the same port number as a TCP one; binding an already bound socket
 * fails with EINVAL; a wrong address length with EINVAL; a wrong family
 * with EAFNOSUPPORT.
 */
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>
#include "compat.h"

int main(void)
{
	struct sockaddr_in a = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	socklen_t al = sizeof a;
	int s1 = socket(AF_INET, SOCK_STREAM, 0), s2 = socket(AF_INET, SOCK_STREAM, 0);
	CHECK_OK(bind(s1, (struct sockaddr *)&a, sizeof a));
	CHECK_OK(getsockname(s1, (struct sockaddr *)&a, &al));
	CHECK_ERR(bind(s2, (struct sockaddr *)&a, sizeof a), EADDRINUSE);
	CHECK_OK(listen(s1, 1));
	CHECK_ERR(bind(s2, (struct sockaddr *)&a, sizeof a), EADDRINUSE);
	int u = socket(AF_INET, SOCK_DGRAM, 0);
	CHECK_OK(bind(u, (struct sockaddr *)&a, sizeof a));
	struct sockaddr_in other = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	CHECK_ERR(bind(s1, (struct sockaddr *)&other, sizeof other), EINVAL);
	int s3 = socket(AF_INET, SOCK_STREAM, 0);
	CHECK_ERR(bind(s3, (struct sockaddr *)&other, 4), EINVAL);
	struct sockaddr_in wrong = { .sin_family = AF_UNIX };
	CHECK_ERR(bind(s3, (struct sockaddr *)&wrong, sizeof wrong), EAFNOSUPPORT);
	return compat_done();
}
