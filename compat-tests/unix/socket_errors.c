/*
 * socket_errors.c - socket(2)/socketpair(2) argument errors: an unknown
 * family gives EAFNOSUPPORT, an unknown type EINVAL, a protocol the
 * family lacks EPROTONOSUPPORT, socketpair of AF_INET EOPNOTSUPP; socket
 * calls on a non-socket give ENOTSOCK; an AF_UNIX address longer than
 * struct sockaddr_un gives EINVAL.
 */
#include <netinet/in.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>
#include "compat.h"

int main(void)
{
	int sv[2] = { -1, -1 }, p[2] = { -1, -1 };
	CHECK_ERR(socket(12345, SOCK_STREAM, 0), EAFNOSUPPORT);
	CHECK_ERR(socket(AF_UNIX, 99, 0), EINVAL);
	CHECK_ERR(socket(AF_UNIX, SOCK_STREAM, IPPROTO_TCP), EPROTONOSUPPORT);
	CHECK_ERR(socketpair(AF_INET, SOCK_STREAM, 0, sv), EOPNOTSUPP);

	CHECK_OK(pipe(p));
	struct sockaddr_un a = { .sun_family = AF_UNIX, .sun_path = "/tmp/x" };
	CHECK_ERR(bind(p[0], (struct sockaddr *)&a, sizeof a), ENOTSOCK);
	CHECK_ERR(listen(p[0], 1), ENOTSOCK);
	CHECK_ERR(accept(p[0], NULL, NULL), ENOTSOCK);
	CHECK_ERR(send(p[1], "x", 1, 0), ENOTSOCK);

	int s = socket(AF_UNIX, SOCK_STREAM, 0);
	CHECK_OK(s);
	char big[sizeof(struct sockaddr_un) + 8];
	memset(big, 'a', sizeof big);
	((struct sockaddr_un *)big)->sun_family = AF_UNIX;
	CHECK_ERR(bind(s, (struct sockaddr *)big, sizeof big), EINVAL);
	CHECK_ERR(listen(-1, 1), EBADF);
	return compat_done();
}
