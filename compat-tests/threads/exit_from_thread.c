// threads/exit_from_thread.c - exit() called from a second thread ends the
// whole process (with its status and atexit handlers) while the main
// thread is blocked in pthread_join on a thread that never returns.
#define _GNU_SOURCE
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>
#include "compat.h"

static void bye(void)
{
	printf("atexit handler ran\n");
	compat_done();
}

static void *forever(void *arg)
{
	(void)arg;
	while (1)
		pause();
	return NULL;
}

static void *quitter(void *arg)
{
	(void)arg;
	printf("calling exit from a thread\n");
	exit(0);
}

int main(void)
{
	atexit(bye);
	pthread_t f, q;
	pthread_create(&f, NULL, forever, NULL);
	pthread_create(&q, NULL, quitter, NULL);
	pthread_join(f, NULL);
	printf("main resumed: should not happen\n");
	return 1;
}
