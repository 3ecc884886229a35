/*
 * so_rcvbuf.c - SO_RCVBUF/SO_SNDBUF: the kernel doubles the value set (to
 * leave room for its bookkeeping, socket(7)) and getsockopt returns the
 * doubled value; the defaults are positive.
 */
#include <netinet/in.h>
#include <sys/socket.h>
#include "compat.h"

static int get(int s, int opt)
{
	int v = -1;
	socklen_t l = sizeof v;
	getsockopt(s, SOL_SOCKET, opt, &v, &l);
	return v;
}

int main(void)
{
	int s = socket(AF_INET, SOCK_STREAM, 0);
	printf("defaults positive: %s %s\n", get(s, SO_RCVBUF) > 0 ? "yes" : "no", get(s, SO_SNDBUF) > 0 ? "yes" : "no");
	int v = 65536;
	CHECK_OK(setsockopt(s, SOL_SOCKET, SO_RCVBUF, &v, sizeof v));
	CHECK_OK(setsockopt(s, SOL_SOCKET, SO_SNDBUF, &v, sizeof v));
	printf("set 65536: SO_RCVBUF %d, SO_SNDBUF %d\n", get(s, SO_RCVBUF), get(s, SO_SNDBUF));
	return compat_done();
}
