/*
 * msg_peek.c - recv with MSG_PEEK returns data without consuming it: the
 * next recv returns the same bytes; a peek of fewer bytes than are
 * queued returns only those; MSG_WAITALL waits for the whole length.
 */
#include <pthread.h>
#include <sys/socket.h>
#include <unistd.h>
#include "compat.h"

static int sv[2] = { -1, -1 };

static void *late_writer(void *arg)
{
	(void)arg;
	usleep(30000);
	if (write(sv[0], "5678", 4) != 4)
		printf("writer: write failed\n");
	return NULL;
}

int main(void)
{
	char buf[16];
	CHECK_OK(socketpair(AF_UNIX, SOCK_STREAM, 0, sv));
	CHECK(write(sv[0], "peekaboo", 8) == 8, "write");
	ssize_t n = recv(sv[1], buf, 4, MSG_PEEK);
	printf("peek 4: %zd \"%.*s\"\n", n, (int)(n > 0 ? n : 0), buf);
	n = recv(sv[1], buf, sizeof buf, MSG_PEEK);
	printf("peek all: %zd \"%.*s\"\n", n, (int)(n > 0 ? n : 0), buf);
	n = recv(sv[1], buf, sizeof buf, 0);
	printf("recv: %zd \"%.*s\"\n", n, (int)(n > 0 ? n : 0), buf);
	CHECK_ERR(recv(sv[1], buf, sizeof buf, MSG_PEEK | MSG_DONTWAIT), EAGAIN);

	CHECK(write(sv[0], "1234", 4) == 4, "write");
	pthread_t t;
	CHECK(pthread_create(&t, NULL, late_writer, NULL) == 0, "pthread_create");
	n = recv(sv[1], buf, 8, MSG_WAITALL);
	printf("MSG_WAITALL 8: %zd \"%.*s\"\n", n, (int)(n > 0 ? n : 0), buf);
	pthread_join(t, NULL);
	return compat_done();
}
