/*
 * connect_errors.c - AF_UNIX connect errors: a path that does not exist
 * gives ENOENT; a socket file with no listener (bound, not listening; or
 * its listener closed) gives ECONNREFUSED; a path that is a regular file
 * gives ECONNREFUSED; a datagram socket to a stream listener gives
 * EPROTOTYPE; connecting a connected socket gives EISCONN.
 */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>
#include "compat.h"

static struct sockaddr_un at(const char *what)
{
	struct sockaddr_un a = { .sun_family = AF_UNIX };
	snprintf(a.sun_path, sizeof a.sun_path, "/tmp/compat-conn-%s-%d", what, (int)getpid());
	return a;
}

int main(void)
{
	struct sockaddr_un missing = at("missing"), bound = at("bound"), file = at("file"), lst = at("listen");
	int c = socket(AF_UNIX, SOCK_STREAM, 0);
	CHECK_ERR(connect(c, (struct sockaddr *)&missing, sizeof missing), ENOENT);

	int b = socket(AF_UNIX, SOCK_STREAM, 0);
	CHECK_OK(bind(b, (struct sockaddr *)&bound, sizeof bound));
	CHECK_ERR(connect(c, (struct sockaddr *)&bound, sizeof bound), ECONNREFUSED);

	int f = open(file.sun_path, O_CREAT | O_WRONLY, 0600);
	CHECK_OK(f);
	close(f);
	CHECK_ERR(connect(c, (struct sockaddr *)&file, sizeof file), ECONNREFUSED);

	int l = socket(AF_UNIX, SOCK_STREAM, 0);
	CHECK_OK(bind(l, (struct sockaddr *)&lst, sizeof lst));
	CHECK_OK(listen(l, 1));
	int d = socket(AF_UNIX, SOCK_DGRAM, 0);
	CHECK_ERR(connect(d, (struct sockaddr *)&lst, sizeof lst), EPROTOTYPE);
	CHECK_OK(connect(c, (struct sockaddr *)&lst, sizeof lst));
	CHECK_ERR(connect(c, (struct sockaddr *)&lst, sizeof lst), EISCONN);
	CHECK_OK(close(l));
	int c2 = socket(AF_UNIX, SOCK_STREAM, 0);
	CHECK_ERR(connect(c2, (struct sockaddr *)&lst, sizeof lst), ECONNREFUSED);

	unlink(bound.sun_path);
	unlink(file.sun_path);
	unlink(lst.sun_path);
	return compat_done();
}
