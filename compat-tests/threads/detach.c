// threads/detach.c - pthread_detach of a running thread returns 0 and the
// thread still runs to completion; a thread created with
// PTHREAD_CREATE_DETACHED runs too; the attribute reads back.
#define _GNU_SOURCE
#include <pthread.h>
#include <semaphore.h>
#include "compat.h"

static sem_t go, done;
static int ran;

static void *work(void *arg)
{
	(void)arg;
	sem_wait(&go);
	__atomic_add_fetch(&ran, 1, __ATOMIC_SEQ_CST);
	sem_post(&done);
	return NULL;
}

int main(void)
{
	sem_init(&go, 0, 0);
	sem_init(&done, 0, 0);
	pthread_t t;
	pthread_create(&t, NULL, work, NULL);
	printf("pthread_detach: %s\n", errno_name(pthread_detach(t)));
	pthread_attr_t a;
	pthread_attr_init(&a);
	printf("setdetachstate: %s\n", errno_name(pthread_attr_setdetachstate(&a, PTHREAD_CREATE_DETACHED)));
	int st = -1;
	pthread_attr_getdetachstate(&a, &st);
	printf("reads back detached: %s\n", st == PTHREAD_CREATE_DETACHED ? "yes" : "no");
	printf("bad detachstate: %s\n", errno_name(pthread_attr_setdetachstate(&a, 12345)));
	pthread_t t2;
	printf("create detached: %s\n", errno_name(pthread_create(&t2, &a, work, NULL)));
	sem_post(&go);
	sem_post(&go);
	sem_wait(&done);
	sem_wait(&done);
	printf("both ran: %s\n", __atomic_load_n(&ran, __ATOMIC_SEQ_CST) == 2 ? "yes" : "no");
	pthread_attr_destroy(&a);
	return compat_done();
}
