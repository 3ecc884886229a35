// threads/join_self.c - pthread_join of the calling thread gives EDEADLK
// (from the main thread and from a second thread).
// compat: skip musl musl's pthread_join does not detect a self-join: it blocks forever
// compat: skip glibc-linked its libc is the kernel's musl, whose pthread_join does not detect a self-join
#define _GNU_SOURCE
#include <pthread.h>
#include "compat.h"

static void *self_join(void *arg)
{
	(void)arg;
	return (void *)(long)pthread_join(pthread_self(), NULL);
}

int main(void)
{
	printf("main joins itself: %s\n", errno_name(pthread_join(pthread_self(), NULL)));
	pthread_t t;
	void *r;
	pthread_create(&t, NULL, self_join, NULL);
	pthread_join(t, &r);
	printf("thread joins itself: %s\n", errno_name((int)(long)r));
	return compat_done();
}
