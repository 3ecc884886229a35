// threads/once.c - pthread_once runs the init routine exactly once even
// when 10 threads call it at the same time, and every caller returns only
// after the routine finished.
#define _GNU_SOURCE
#include <pthread.h>
#include <stdatomic.h>
#include <time.h>
#include "compat.h"

static pthread_once_t once = PTHREAD_ONCE_INIT;
static atomic_int runs, finished, saw_unfinished;

static void init(void)
{
	atomic_fetch_add(&runs, 1);
	struct timespec d = { 0, 20000000 };
	nanosleep(&d, NULL);
	atomic_store(&finished, 1);
}

static void *work(void *arg)
{
	(void)arg;
	pthread_once(&once, init);
	if (!atomic_load(&finished))
		atomic_fetch_add(&saw_unfinished, 1);
	return NULL;
}

int main(void)
{
	pthread_t t[10];
	for (int i = 0; i < 10; i++)
		pthread_create(&t[i], NULL, work, NULL);
	for (int i = 0; i < 10; i++)
		pthread_join(t[i], NULL);
	printf("init ran: %d time(s)\n", atomic_load(&runs));
	printf("callers returning before it finished: %d\n", atomic_load(&saw_unfinished));
	printf("again: %s, runs %d\n", errno_name(pthread_once(&once, init)), atomic_load(&runs));
	return compat_done();
}
