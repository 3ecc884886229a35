// threads/cancel_testcancel.c - pthread_cancel of a thread that computes
// and calls pthread_testcancel: the thread ends at the next
// pthread_testcancel, its cleanup handler runs, and pthread_join returns
// PTHREAD_CANCELED; cancelling an ended-but-unjoined thread returns 0 too.
#define _GNU_SOURCE
#include <pthread.h>
#include <stdatomic.h>
#include <time.h>
#include "compat.h"

static atomic_int started, cleaned;

static void cleanup(void *arg)
{
	(void)arg;
	atomic_store(&cleaned, 1);
}

static void *spin(void *arg)
{
	(void)arg;
	pthread_cleanup_push(cleanup, NULL);
	atomic_store(&started, 1);
	for (volatile unsigned long i = 0;; i++)
		pthread_testcancel();
	pthread_cleanup_pop(0);
	return NULL;
}

static void *quick(void *arg)
{
	return arg;
}

int main(void)
{
	pthread_t t;
	pthread_create(&t, NULL, spin, NULL);
	struct timespec d = { 0, 1000000 };
	while (!atomic_load(&started))
		nanosleep(&d, NULL);
	printf("pthread_cancel: %s\n", errno_name(pthread_cancel(t)));
	void *r = NULL;
	printf("join: %s\n", errno_name(pthread_join(t, &r)));
	printf("returned PTHREAD_CANCELED: %s\n", r == PTHREAD_CANCELED ? "yes" : "no");
	printf("cleanup handler ran: %s\n", atomic_load(&cleaned) ? "yes" : "no");
	pthread_create(&t, NULL, quick, (void *)7);
	nanosleep(&(struct timespec){ 0, 20000000 }, NULL);
	printf("cancel of an ended thread: %s\n", errno_name(pthread_cancel(t)));
	pthread_join(t, &r);
	printf("it still returns its value: %ld\n", (long)r);
	return compat_done();
}
