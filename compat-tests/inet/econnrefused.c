/*
 * econnrefused.c - a blocking TCP connect to a loopback port with no
 * listener fails with ECONNREFUSED; the socket is left unconnected:
 * getpeername and recv fail with ENOTCONN, send with EPIPE.
 */
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>
#include "compat.h"

int main(void)
{
	struct sockaddr_in a = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	socklen_t al = sizeof a;
	int b = socket(AF_INET, SOCK_STREAM, 0);
	CHECK_OK(bind(b, (struct sockaddr *)&a, sizeof a)); /* reserve a port, never listen */
	CHECK_OK(getsockname(b, (struct sockaddr *)&a, &al));
	int c = socket(AF_INET, SOCK_STREAM, 0);
	CHECK_ERR(connect(c, (struct sockaddr *)&a, sizeof a), ECONNREFUSED);
	struct sockaddr_in p;
	socklen_t pl = sizeof p;
	CHECK_ERR(getpeername(c, (struct sockaddr *)&p, &pl), ENOTCONN);
	char buf[4];
	CHECK_ERR(recv(c, buf, sizeof buf, 0), ENOTCONN);
	CHECK_ERR(send(c, "x", 1, MSG_NOSIGNAL), EPIPE);
	return compat_done();
}
