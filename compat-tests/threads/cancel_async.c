// threads/cancel_async.c - a thread in PTHREAD_CANCEL_ASYNCHRONOUS mode
// that loops without any cancellation point is cancelled anyway:
// pthread_join returns PTHREAD_CANCELED; setcanceltype reports the old type.
#define _GNU_SOURCE
#include <pthread.h>
#include <stdatomic.h>
#include <time.h>
#include "compat.h"

static atomic_int started;
static int old_type = -1;

static void *spin(void *arg)
{
	(void)arg;
	pthread_setcanceltype(PTHREAD_CANCEL_ASYNCHRONOUS, &old_type);
	atomic_store(&started, 1);
	for (volatile unsigned long i = 0;; i++)
		;
	return NULL;
}

int main(void)
{
	pthread_t t;
	pthread_create(&t, NULL, spin, NULL);
	struct timespec d = { 0, 1000000 };
	while (!atomic_load(&started))
		nanosleep(&d, NULL);
	printf("old type was deferred: %s\n", old_type == PTHREAD_CANCEL_DEFERRED ? "yes" : "no");
	printf("pthread_cancel: %s\n", errno_name(pthread_cancel(t)));
	void *r = NULL;
	pthread_join(t, &r);
	printf("returned PTHREAD_CANCELED: %s\n", r == PTHREAD_CANCELED ? "yes" : "no");
	return compat_done();
}
