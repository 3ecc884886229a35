/*
 * connect_backlog.c - a listener's backlog bounds the connections waiting
 * for accept (Linux lets backlog + 1 wait): beyond it a non-blocking
 * connect fails with EAGAIN (an AF_UNIX connect never gives EINPROGRESS),
 * a blocking one with SO_SNDTIMEO gives EAGAIN once the timeout passes,
 * and one without waits until accept makes room. The listener polls
 * readable while a connection waits; a non-blocking accept with none is
 * EAGAIN; a client can write before it is accepted.
 */
#define _GNU_SOURCE
#include "compat.h"
#include "tmpdir.h"
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

static struct sockaddr_un addr = { .sun_family = AF_UNIX, .sun_path = "listener" };
static volatile int waiter_done;
static int waiter_result = -2;

static void *waiter(void *arg)
{
	(void)arg;
	int c = socket(AF_UNIX, SOCK_STREAM, 0);
	waiter_result = connect(c, (struct sockaddr *)&addr, sizeof addr);
	waiter_done = 1;
	return NULL;
}

static int poll_in(int fd)
{
	struct pollfd p = { .fd = fd, .events = POLLIN };
	return poll(&p, 1, 0) == 1 && (p.revents & POLLIN);
}

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(void)
{
	compat_tmpdir();
	int l = socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0);
	CHECK_OK(bind(l, (struct sockaddr *)&addr, sizeof addr));
	CHECK_OK(listen(l, 0));
	CHECK_ERR(accept(l, NULL, NULL), EAGAIN);
	printf("idle listener readable: %s\n", poll_in(l) ? "yes" : "no");

	int c1 = socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0);
	CHECK_OK(connect(c1, (struct sockaddr *)&addr, sizeof addr));
	CHECK(write(c1, "early", 5) == 5, "write before accept");
	printf("one waiting: listener readable: %s\n", poll_in(l) ? "yes" : "no");
	int c2 = socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0);
	CHECK_ERR(connect(c2, (struct sockaddr *)&addr, sizeof addr), EAGAIN);

	int c3 = socket(AF_UNIX, SOCK_STREAM, 0);
	struct timeval tv = { 0, 100000 };
	CHECK_OK(setsockopt(c3, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv));
	double t0 = now();
	CHECK_ERR(connect(c3, (struct sockaddr *)&addr, sizeof addr), EAGAIN);
	printf("SO_SNDTIMEO: waited about 100 ms first: %s\n", now() - t0 >= 0.09 ? "yes" : "no");

	pthread_t t;
	CHECK(pthread_create(&t, NULL, waiter, NULL) == 0, "pthread_create");
	usleep(50000);
	printf("blocking connect still waiting: %s\n", waiter_done ? "no" : "yes");
	int x = accept(l, NULL, NULL);
	CHECK_OK(x);
	char buf[8];
	ssize_t n = read(x, buf, sizeof buf);
	printf("accepted the first; it had: %zd \"%.*s\"\n", n, (int)(n > 0 ? n : 0), buf);
	pthread_join(t, NULL);
	printf("then the waiting connect returned: %d\n", waiter_result);
	int y = -1;
	for (int i = 0; i < 100 && y < 0; i++) { /* the listener is non-blocking */
		y = accept(l, NULL, NULL);
		if (y < 0)
			usleep(10000);
	}
	printf("and was accepted: %s\n", y >= 0 ? "yes" : "no");
	CHECK_OK(connect(c2, (struct sockaddr *)&addr, sizeof addr));
	return compat_done();
}
