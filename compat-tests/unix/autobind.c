/*
 * autobind.c - autobind (unix(7)): bind with an address of only
 * sun_family gives an abstract name of five hex digits (a NUL, then
 * "%05x": length offsetof(sun_path) + 6); another socket gets another
 * name; doing it again on a bound socket succeeds and keeps the name,
 * while binding it to a full name is EINVAL (and leaves no file behind).
 * A client connects to the autobound name. A socket with SO_PASSCRED
 * autobinds when it sends or connects, so its peer sees a name; without
 * it the sender stays unnamed (address length 0).
 */
#define _GNU_SOURCE
#include "compat.h"
#include "tmpdir.h"
#include <stddef.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#define FAMILY_ONLY ((socklen_t)sizeof(sa_family_t))

static int hex5(const struct sockaddr_un *a)
{
	for (int i = 1; i <= 5; i++)
		if (!strchr("0123456789abcdef", a->sun_path[i]) || !a->sun_path[i])
			return 0;
	return 1;
}

static socklen_t name_of(int s, struct sockaddr_un *a)
{
	socklen_t len = sizeof *a;
	memset(a, 0, sizeof *a);
	CHECK_OK(getsockname(s, (struct sockaddr *)a, &len));
	return len;
}

int main(void)
{
	compat_tmpdir();
	struct sockaddr_un fam = { .sun_family = AF_UNIX }, n1, n2, n3;
	int s = socket(AF_UNIX, SOCK_STREAM, 0), s2 = socket(AF_UNIX, SOCK_STREAM, 0);

	CHECK_OK(bind(s, (struct sockaddr *)&fam, FAMILY_ONLY));
	socklen_t len = name_of(s, &n1);
	printf("autobind: length %u (offsetof + 6: %s), leading NUL: %s, five hex digits: %s\n",
	       (unsigned)len, len == offsetof(struct sockaddr_un, sun_path) + 6 ? "yes" : "no",
	       n1.sun_path[0] == 0 ? "yes" : "no", hex5(&n1) ? "yes" : "no");
	CHECK_OK(bind(s2, (struct sockaddr *)&fam, FAMILY_ONLY));
	name_of(s2, &n2);
	printf("another socket, another name: %s\n", memcmp(&n1, &n2, len) ? "yes" : "no");
	CHECK_OK(bind(s, (struct sockaddr *)&fam, FAMILY_ONLY));
	name_of(s, &n3);
	printf("again on the bound socket: same name: %s\n", memcmp(&n1, &n3, len) ? "no" : "yes");
	struct sockaddr_un path = { .sun_family = AF_UNIX, .sun_path = "named" };
	CHECK_ERR(bind(s, (struct sockaddr *)&path, sizeof path), EINVAL);
	printf("no file left behind: %s\n", access("named", F_OK) != 0 ? "yes" : "no");

	CHECK_OK(listen(s, 1));
	int c = socket(AF_UNIX, SOCK_STREAM, 0);
	CHECK_OK(connect(c, (struct sockaddr *)&n1, len));
	struct sockaddr_un peer;
	socklen_t plen = sizeof peer;
	CHECK_OK(getpeername(c, (struct sockaddr *)&peer, &plen));
	printf("client's peer is the autobound name: %s\n", plen == len && !memcmp(&peer, &n1, len) ? "yes" : "no");
	printf("client without SO_PASSCRED stays unnamed: length %u\n", (unsigned)name_of(c, &n3));
	int one = 1, pc = socket(AF_UNIX, SOCK_STREAM, 0);
	CHECK_OK(setsockopt(pc, SOL_SOCKET, SO_PASSCRED, &one, sizeof one));
	CHECK_OK(connect(pc, (struct sockaddr *)&n1, len));
	len = name_of(pc, &n3);
	printf("client with SO_PASSCRED: named on connect: length %u, hex: %s\n", (unsigned)len,
	       hex5(&n3) ? "yes" : "no");

	/* datagrams: the receiver sees the sender's name, if it has one */
	int r = socket(AF_UNIX, SOCK_DGRAM, 0), u = socket(AF_UNIX, SOCK_DGRAM, 0),
	    v = socket(AF_UNIX, SOCK_DGRAM, 0);
	CHECK_OK(bind(r, (struct sockaddr *)&fam, FAMILY_ONLY));
	socklen_t rlen = name_of(r, &n2);
	CHECK_OK(setsockopt(u, SOL_SOCKET, SO_PASSCRED, &one, sizeof one));
	CHECK(sendto(u, "u", 1, 0, (struct sockaddr *)&n2, rlen) == 1, "sendto");
	CHECK(sendto(v, "v", 1, 0, (struct sockaddr *)&n2, rlen) == 1, "sendto");
	char buf[4];
	struct sockaddr_un from;
	socklen_t flen = sizeof from;
	CHECK(recvfrom(r, buf, sizeof buf, 0, (struct sockaddr *)&from, &flen) == 1, "recvfrom");
	socklen_t ulen = name_of(u, &n3);
	printf("sender with SO_PASSCRED: from length %u, its own name: %s\n", (unsigned)flen,
	       flen == ulen && !memcmp(&from, &n3, ulen) ? "yes" : "no");
	flen = sizeof from;
	CHECK(recvfrom(r, buf, sizeof buf, 0, (struct sockaddr *)&from, &flen) == 1, "recvfrom");
	printf("sender without: from length %u\n", (unsigned)flen);
	return compat_done();
}
