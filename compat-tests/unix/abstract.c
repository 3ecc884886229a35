/*
 * abstract.c - the abstract namespace: a name starting with a NUL byte
 * binds without creating a file, getsockname returns exactly that name
 * and length (leading NUL included), a client connects by it, and the
 * name disappears with the socket (a new bind of it works).
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
	struct sockaddr_un a = { .sun_family = AF_UNIX };
	int nl = snprintf(a.sun_path + 1, sizeof a.sun_path - 1, "compat-abstract-%d", (int)getpid());
	socklen_t alen = offsetof(struct sockaddr_un, sun_path) + 1 + nl;
	int s = socket(AF_UNIX, SOCK_STREAM, 0);
	CHECK_OK(bind(s, (struct sockaddr *)&a, alen));
	CHECK_OK(listen(s, 1));
	printf("no file named after it: %s\n", access(a.sun_path + 1, F_OK) != 0 ? "yes" : "no");

	struct sockaddr_un got;
	socklen_t glen = sizeof got;
	CHECK_OK(getsockname(s, (struct sockaddr *)&got, &glen));
	printf("getsockname: same length: %s, leading NUL: %s, same name: %s\n", glen == alen ? "yes" : "no",
	       got.sun_path[0] == 0 ? "yes" : "no", memcmp(got.sun_path, a.sun_path, 1 + nl) == 0 ? "yes" : "no");

	int c = socket(AF_UNIX, SOCK_STREAM, 0);
	CHECK_OK(connect(c, (struct sockaddr *)&a, alen));
	int x = accept(s, NULL, NULL);
	CHECK_OK(x);
	CHECK(write(c, "hi", 2) == 2, "write");
	char buf[4];
	ssize_t n = read(x, buf, sizeof buf);
	printf("through the abstract name: %zd \"%.*s\"\n", n, (int)(n > 0 ? n : 0), buf);

	int s2 = socket(AF_UNIX, SOCK_STREAM, 0);
	CHECK_ERR(bind(s2, (struct sockaddr *)&a, alen), EADDRINUSE);
	close(x);
	close(c);
	close(s);
	CHECK_OK(bind(s2, (struct sockaddr *)&a, alen));
	return compat_done();
}
