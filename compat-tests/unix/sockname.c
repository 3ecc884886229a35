/*
 * sockname.c - getsockname/getpeername on AF_UNIX: a socketpair's ends are
 * unnamed (the address is only the family: length 2); a socket bound to
 * a path reports that path and its length; after connect the client's
 * peer name is the server's path; an unconnected socket's getpeername
 * fails with ENOTCONN; a small buffer is filled partly and the full
 * length reported.
 */
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>
#include "compat.h"

int main(void)
{
	int sv[2] = { -1, -1 };
	struct sockaddr_un a;
	socklen_t len = sizeof a;
	CHECK_OK(socketpair(AF_UNIX, SOCK_STREAM, 0, sv));
	memset(&a, 0x55, sizeof a);
	CHECK_OK(getsockname(sv[0], (struct sockaddr *)&a, &len));
	printf("socketpair end: family AF_UNIX: %s, length %u\n", a.sun_family == AF_UNIX ? "yes" : "no", (unsigned)len);
	len = sizeof a;
	CHECK_OK(getpeername(sv[0], (struct sockaddr *)&a, &len));
	printf("its peer: length %u\n", (unsigned)len);

	struct sockaddr_un srv = { .sun_family = AF_UNIX };
	snprintf(srv.sun_path, sizeof srv.sun_path, "/tmp/compat-name-%d.sock", (int)getpid());
	socklen_t srvlen = offsetof(struct sockaddr_un, sun_path) + strlen(srv.sun_path) + 1;
	int s = socket(AF_UNIX, SOCK_STREAM, 0);
	CHECK_OK(bind(s, (struct sockaddr *)&srv, srvlen));
	CHECK_OK(listen(s, 1));
	len = sizeof a;
	CHECK_OK(getsockname(s, (struct sockaddr *)&a, &len));
	printf("bound: path matches: %s, length == offsetof + strlen + 1: %s\n",
	       strcmp(a.sun_path, srv.sun_path) == 0 ? "yes" : "no", len == srvlen ? "yes" : "no");
	len = sizeof a;
	CHECK_ERR(getpeername(s, (struct sockaddr *)&a, &len), ENOTCONN);

	int c = socket(AF_UNIX, SOCK_STREAM, 0);
	CHECK_OK(connect(c, (struct sockaddr *)&srv, srvlen));
	len = sizeof a;
	CHECK_OK(getpeername(c, (struct sockaddr *)&a, &len));
	printf("client's peer is the server path: %s\n", strcmp(a.sun_path, srv.sun_path) == 0 ? "yes" : "no");
	len = sizeof a;
	CHECK_OK(getsockname(c, (struct sockaddr *)&a, &len));
	printf("client itself unnamed: length %u\n", (unsigned)len);

	struct sockaddr_un small;
	memset(&small, 0, sizeof small);
	len = 6;
	CHECK_OK(getsockname(s, (struct sockaddr *)&small, &len));
	printf("6-byte buffer: got \"%.4s\", reported length is the full one: %s\n", small.sun_path,
	       len == srvlen ? "yes" : "no");
	unlink(srv.sun_path);
	return compat_done();
}
