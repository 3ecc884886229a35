/*
 * poll_wakeup.c - a poll(2) blocked with no timeout on an empty pipe is
 * woken when another thread writes to it, and reports POLLIN.
 */
#include <poll.h>
#include <pthread.h>
#include <unistd.h>
#include "compat.h"

static int p[2];

static void *writer(void *arg)
{
	(void)arg;
	usleep(50000);
	if (write(p[1], "x", 1) != 1)
		printf("writer: write failed\n");
	return NULL;
}

int main(void)
{
	pthread_t t;
	CHECK_OK(pipe(p));
	CHECK(pthread_create(&t, NULL, writer, NULL) == 0, "pthread_create");
	struct pollfd pfd = { .fd = p[0], .events = POLLIN };
	int n = poll(&pfd, 1, -1);
	printf("woken: poll %d revents %#x\n", n, pfd.revents);
	pthread_join(t, NULL);
	return compat_done();
}
