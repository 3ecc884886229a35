/*
 * udp_loopback.c - UDP over 127.0.0.1: datagrams keep their boundaries,
 * recvfrom reports the sender's address and port; a connected UDP socket
 * can use send/recv; a datagram larger than the buffer is truncated
 * (MSG_TRUNC in recvmsg's flags).
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>
#include "compat.h"

int main(void)
{
	struct sockaddr_in ra = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) }, sa = ra, from;
	socklen_t l = sizeof ra;
	int r = socket(AF_INET, SOCK_DGRAM, 0), s = socket(AF_INET, SOCK_DGRAM, 0);
	CHECK_OK(bind(r, (struct sockaddr *)&ra, sizeof ra));
	CHECK_OK(getsockname(r, (struct sockaddr *)&ra, &l));
	l = sizeof sa;
	CHECK_OK(bind(s, (struct sockaddr *)&sa, sizeof sa));
	CHECK_OK(getsockname(s, (struct sockaddr *)&sa, &l));

	CHECK(sendto(s, "first", 5, 0, (struct sockaddr *)&ra, sizeof ra) == 5, "sendto");
	CHECK(sendto(s, "second!", 7, 0, (struct sockaddr *)&ra, sizeof ra) == 7, "sendto");
	char buf[64];
	socklen_t fl = sizeof from;
	ssize_t n = recvfrom(r, buf, sizeof buf, 0, (struct sockaddr *)&from, &fl);
	printf("1: %zd \"%.*s\" from the sender's port: %s\n", n, (int)(n > 0 ? n : 0), buf,
	       from.sin_port == sa.sin_port && from.sin_addr.s_addr == htonl(INADDR_LOOPBACK) ? "yes" : "no");
	n = recv(r, buf, sizeof buf, 0);
	printf("2: %zd \"%.*s\"\n", n, (int)(n > 0 ? n : 0), buf);

	CHECK_OK(connect(r, (struct sockaddr *)&sa, sizeof sa));
	CHECK(send(r, "reply", 5, 0) == 5, "send");
	n = recv(s, buf, sizeof buf, 0);
	printf("connected reply: %zd \"%.*s\"\n", n, (int)(n > 0 ? n : 0), buf);

	CHECK(sendto(s, "0123456789", 10, 0, (struct sockaddr *)&ra, sizeof ra) == 10, "sendto");
	struct iovec iov = { buf, 4 };
	struct msghdr mh = { .msg_iov = &iov, .msg_iovlen = 1 };
	n = recvmsg(r, &mh, 0);
	printf("truncated: %zd \"%.*s\" MSG_TRUNC: %s\n", n, (int)(n > 0 ? n : 0), buf, mh.msg_flags & MSG_TRUNC ? "yes" : "no");
	CHECK_ERR(recv(r, buf, sizeof buf, MSG_DONTWAIT), EAGAIN);
	return compat_done();
}
