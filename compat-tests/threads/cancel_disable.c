// threads/cancel_disable.c - with PTHREAD_CANCEL_DISABLE a cancel request
// stays pending: the thread passes pthread_testcancel unharmed and carries
// on; once it re-enables cancellation the next pthread_testcancel ends it.
// setcancelstate reports the old state; an invalid state gives EINVAL.
#define _GNU_SOURCE
#include <pthread.h>
#include <semaphore.h>
#include "compat.h"

static sem_t disabled, cancelled;
static int survived, old_state = -1, bad_state;

static void *work(void *arg)
{
	(void)arg;
	bad_state = pthread_setcancelstate(12345, NULL);
	pthread_setcancelstate(PTHREAD_CANCEL_DISABLE, &old_state);
	sem_post(&disabled);
	sem_wait(&cancelled); /* a cancellation point, but disabled */
	pthread_testcancel();
	survived = 1;
	int prev;
	pthread_setcancelstate(PTHREAD_CANCEL_ENABLE, &prev);
	pthread_testcancel();
	survived = 2;
	return NULL;
}

int main(void)
{
	sem_init(&disabled, 0, 0);
	sem_init(&cancelled, 0, 0);
	pthread_t t;
	pthread_create(&t, NULL, work, NULL);
	sem_wait(&disabled);
	printf("cancel: %s\n", errno_name(pthread_cancel(t)));
	sem_post(&cancelled);
	void *r;
	pthread_join(t, &r);
	printf("invalid state: %s\n", errno_name(bad_state));
	printf("old state was enabled: %s\n", old_state == PTHREAD_CANCEL_ENABLE ? "yes" : "no");
	printf("survived while disabled: %s\n", survived >= 1 ? "yes" : "no");
	printf("ended after enabling: %s\n", survived == 1 && r == PTHREAD_CANCELED ? "yes" : "no");
	return compat_done();
}
