/*
 * bind_accept.c - an AF_UNIX stream server on a path in /tmp: bind
 * creates a socket file, listen, a client thread connects, accept
 * returns a new connected descriptor, data flows both ways; binding the
 * same path again fails with EADDRINUSE; unlink removes the name.
 */
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>
#include "compat.h"

static struct sockaddr_un addr;
static char client_got[16];

static void *client(void *arg)
{
	(void)arg;
	int c = socket(AF_UNIX, SOCK_STREAM, 0);
	if (connect(c, (struct sockaddr *)&addr, sizeof addr) != 0) {
		printf("client: connect failed: %s\n", errno_name(errno));
		return NULL;
	}
	if (write(c, "hello", 5) != 5)
		printf("client: write failed\n");
	ssize_t n = read(c, client_got, sizeof client_got - 1);
	if (n > 0)
		client_got[n] = 0;
	close(c);
	return NULL;
}

int main(void)
{
	addr.sun_family = AF_UNIX;
	snprintf(addr.sun_path, sizeof addr.sun_path, "/tmp/compat-unix-%d.sock", (int)getpid());
	int s = socket(AF_UNIX, SOCK_STREAM, 0);
	CHECK_OK(s);
	CHECK_OK(bind(s, (struct sockaddr *)&addr, sizeof addr));
	struct stat st;
	CHECK_OK(stat(addr.sun_path, &st));
	printf("bind made a socket file: %s\n", S_ISSOCK(st.st_mode) ? "yes" : "no");
	CHECK_OK(listen(s, 4));

	pthread_t t;
	CHECK(pthread_create(&t, NULL, client, NULL) == 0, "pthread_create");
	int a = accept(s, NULL, NULL);
	CHECK_OK(a);
	char buf[16];
	ssize_t n = read(a, buf, sizeof buf);
	printf("server read: %zd \"%.*s\"\n", n, (int)(n > 0 ? n : 0), buf);
	CHECK(write(a, "world", 5) == 5, "write");
	pthread_join(t, NULL);
	printf("client read: \"%s\"\n", client_got);
	printf("peer closed: %zd\n", read(a, buf, sizeof buf));

	int s2 = socket(AF_UNIX, SOCK_STREAM, 0);
	CHECK_ERR(bind(s2, (struct sockaddr *)&addr, sizeof addr), EADDRINUSE);
	CHECK_OK(unlink(addr.sun_path));
	CHECK_OK(bind(s2, (struct sockaddr *)&addr, sizeof addr));
	CHECK_OK(unlink(addr.sun_path));
	return compat_done();
}
