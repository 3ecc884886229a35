// threads/main_pthread_exit.c - when the main thread calls pthread_exit the
// process lives on until its last thread ends; the last thread's return
// ends it with status 0.
#define _GNU_SOURCE
#include <pthread.h>
#include <time.h>
#include "compat.h"

static pthread_t main_thread;

static void *last(void *arg)
{
	(void)arg;
	struct timespec d = { 0, 50000000 };
	nanosleep(&d, NULL);
	void *r = (void *)1;
	int j = pthread_join(main_thread, &r);
	printf("second thread still running after main's pthread_exit\n");
	printf("joining the exited main thread: %s\n", errno_name(j));
	compat_done();
	fflush(stdout);
	return NULL;
}

int main(void)
{
	main_thread = pthread_self();
	pthread_t t;
	pthread_create(&t, NULL, last, NULL);
	printf("main calls pthread_exit\n");
	fflush(stdout);
	pthread_exit(NULL);
}
