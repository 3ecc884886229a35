/*
 * tcp_loopback.c - TCP over 127.0.0.1: a server thread listens on a port
 * the kernel picks, a client connects and sends a request, the server
 * echoes it back upper-cased; accept reports the client's address
 * (127.0.0.1, the client's own port); closing gives the peer EOF.
 */
#include <arpa/inet.h>
#include <ctype.h>
#include <netinet/in.h>
#include <pthread.h>
#include <sys/socket.h>
#include <unistd.h>
#include "compat.h"

static int lsock;
static int peer_ok;

static void *server(void *arg)
{
	(void)arg;
	struct sockaddr_in peer;
	socklen_t pl = sizeof peer;
	int c = accept(lsock, (struct sockaddr *)&peer, &pl);
	if (c < 0) {
		printf("server: accept failed: %s\n", errno_name(errno));
		return NULL;
	}
	peer_ok = pl == sizeof peer && peer.sin_family == AF_INET && peer.sin_addr.s_addr == htonl(INADDR_LOOPBACK);
	char buf[64];
	ssize_t n;
	while ((n = read(c, buf, sizeof buf)) > 0) {
		for (ssize_t i = 0; i < n; i++)
			buf[i] = (char)toupper((unsigned char)buf[i]);
		if (write(c, buf, n) != n)
			break;
	}
	close(c);
	return NULL;
}

int main(void)
{
	struct sockaddr_in a = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	socklen_t al = sizeof a;
	lsock = socket(AF_INET, SOCK_STREAM, 0);
	CHECK_OK(lsock);
	CHECK_OK(bind(lsock, (struct sockaddr *)&a, sizeof a));
	CHECK_OK(getsockname(lsock, (struct sockaddr *)&a, &al));
	CHECK_OK(listen(lsock, 8));
	pthread_t t;
	CHECK(pthread_create(&t, NULL, server, NULL) == 0, "pthread_create");

	int c = socket(AF_INET, SOCK_STREAM, 0);
	CHECK_OK(connect(c, (struct sockaddr *)&a, sizeof a));
	CHECK(write(c, "hello tcp", 9) == 9, "write");
	char buf[64];
	size_t got = 0;
	while (got < 9) {
		ssize_t n = read(c, buf + got, sizeof buf - got);
		if (n <= 0)
			break;
		got += n;
	}
	printf("echo: %zu \"%.*s\"\n", got, (int)got, buf);
	CHECK_OK(shutdown(c, SHUT_WR));
	printf("after shutdown, server closes: read %zd\n", read(c, buf, sizeof buf));
	pthread_join(t, NULL);
	printf("accept saw 127.0.0.1: %s\n", peer_ok ? "yes" : "no");
	close(c);
	return compat_done();
}
