// threads/cancel_blocked_read.c - pthread_cancel of a thread blocked in
// read() on an empty pipe (a cancellation point) ends it: its cleanup
// handler runs and pthread_join returns PTHREAD_CANCELED.
// compat: timeout 20
#define _GNU_SOURCE
#include <pthread.h>
#include <stdatomic.h>
#include <time.h>
#include <unistd.h>
#include "compat.h"

static int pfd[2];
static atomic_int cleaned;

static void cleanup(void *arg)
{
	(void)arg;
	atomic_store(&cleaned, 1);
}

static void *reader(void *arg)
{
	(void)arg;
	char c;
	pthread_cleanup_push(cleanup, NULL);
	ssize_t r = read(pfd[0], &c, 1);
	(void)r;
	pthread_cleanup_pop(0);
	return (void *)1;
}

int main(void)
{
	CHECK_OK(pipe(pfd));
	pthread_t t;
	pthread_create(&t, NULL, reader, NULL);
	nanosleep(&(struct timespec){ 0, 50000000 }, NULL); /* let it block */
	printf("cancel: %s\n", errno_name(pthread_cancel(t)));
	void *r = NULL;
	pthread_join(t, &r);
	printf("returned PTHREAD_CANCELED: %s\n", r == PTHREAD_CANCELED ? "yes" : "no");
	printf("cleanup ran: %s\n", atomic_load(&cleaned) ? "yes" : "no");
	return compat_done();
}
