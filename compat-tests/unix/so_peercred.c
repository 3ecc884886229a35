/*
 * so_peercred.c - SO_PEERCRED on an AF_UNIX socketpair gives the peer's
 * credentials: this process's pid, uid and gid; SO_TYPE and SO_DOMAIN
 * report the socket's type and family; SO_ERROR is 0; an unknown option
 * fails with ENOPROTOOPT.
 */
#define _GNU_SOURCE
#include <sys/socket.h>
#include <unistd.h>
#include "compat.h"

int main(void)
{
	int sv[2] = { -1, -1 };
	CHECK_OK(socketpair(AF_UNIX, SOCK_DGRAM, 0, sv));
	struct ucred cr = { 0, 0, 0 };
	socklen_t len = sizeof cr;
	CHECK_OK(getsockopt(sv[0], SOL_SOCKET, SO_PEERCRED, &cr, &len));
	printf("pid is ours: %s, uid: %s, gid: %s, length %u\n", cr.pid == getpid() ? "yes" : "no",
	       cr.uid == getuid() ? "yes" : "no", cr.gid == getgid() ? "yes" : "no", (unsigned)len);
	int v = -1;
	len = sizeof v;
	CHECK_OK(getsockopt(sv[0], SOL_SOCKET, SO_TYPE, &v, &len));
	printf("SO_TYPE SOCK_DGRAM: %s\n", v == SOCK_DGRAM ? "yes" : "no");
	len = sizeof v;
	CHECK_OK(getsockopt(sv[0], SOL_SOCKET, SO_DOMAIN, &v, &len));
	printf("SO_DOMAIN AF_UNIX: %s\n", v == AF_UNIX ? "yes" : "no");
	len = sizeof v;
	CHECK_OK(getsockopt(sv[0], SOL_SOCKET, SO_ERROR, &v, &len));
	printf("SO_ERROR: %d\n", v);
	len = sizeof v;
	CHECK_ERR(getsockopt(sv[0], SOL_SOCKET, 12345, &v, &len), ENOPROTOOPT);
	return compat_done();
}
