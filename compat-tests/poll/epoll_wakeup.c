/*
 * epoll_wakeup.c - an epoll_wait blocked with no timeout is woken when
 * another thread makes a registered pipe readable, and reports it.
 */
#include <pthread.h>
#include <sys/epoll.h>
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
	int ep = epoll_create1(0);
	struct epoll_event ev = { .events = EPOLLIN, .data.u64 = 5 }, out = { 0 };
	CHECK_OK(epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &ev));
	CHECK(pthread_create(&t, NULL, writer, NULL) == 0, "pthread_create");
	int n = epoll_wait(ep, &out, 1, -1);
	printf("woken: %d events %#x data %llu\n", n, out.events, (unsigned long long)out.data.u64);
	pthread_join(t, NULL);
	return compat_done();
}
