/*
 * dgram_bound.c - AF_UNIX datagram sockets bound to paths: sendto a path
 * delivers one message, recvfrom reports the sender's bound path; an
 * unbound sender is reported with an empty address (length 0); sendto
 * a path with no socket gives ENOENT (file missing) and to a socket file
 * whose socket is closed ECONNREFUSED.
 */
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>
#include "compat.h"

static struct sockaddr_un at(const char *what)
{
	struct sockaddr_un a = { .sun_family = AF_UNIX };
	snprintf(a.sun_path, sizeof a.sun_path, "/tmp/compat-dgram-%s-%d", what, (int)getpid());
	return a;
}

int main(void)
{
	struct sockaddr_un ra = at("r"), sa = at("s"), gone = at("gone"), from;
	int r = socket(AF_UNIX, SOCK_DGRAM, 0), s = socket(AF_UNIX, SOCK_DGRAM, 0), u = socket(AF_UNIX, SOCK_DGRAM, 0);
	CHECK_OK(bind(r, (struct sockaddr *)&ra, sizeof ra));
	CHECK_OK(bind(s, (struct sockaddr *)&sa, sizeof sa));
	printf("sendto: %zd\n", sendto(s, "dgram", 5, 0, (struct sockaddr *)&ra, sizeof ra));
	char buf[16];
	socklen_t fl = sizeof from;
	ssize_t n = recvfrom(r, buf, sizeof buf, 0, (struct sockaddr *)&from, &fl);
	printf("recvfrom: %zd \"%.*s\", from the sender's path: %s\n", n, (int)(n > 0 ? n : 0), buf,
	       strcmp(from.sun_path, sa.sun_path) == 0 ? "yes" : "no");
	CHECK(sendto(u, "anon", 4, 0, (struct sockaddr *)&ra, sizeof ra) == 4, "sendto from unbound");
	fl = sizeof from;
	n = recvfrom(r, buf, sizeof buf, 0, (struct sockaddr *)&from, &fl);
	printf("from an unbound socket: %zd, address length %u\n", n, (unsigned)fl);

	CHECK_ERR(sendto(s, "x", 1, 0, (struct sockaddr *)&gone, sizeof gone), ENOENT);
	int g = socket(AF_UNIX, SOCK_DGRAM, 0);
	CHECK_OK(bind(g, (struct sockaddr *)&gone, sizeof gone));
	close(g);
	CHECK_ERR(sendto(s, "x", 1, 0, (struct sockaddr *)&gone, sizeof gone), ECONNREFUSED);
	unlink(ra.sun_path);
	unlink(sa.sun_path);
	unlink(gone.sun_path);
	return compat_done();
}
