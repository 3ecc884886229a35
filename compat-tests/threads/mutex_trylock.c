// threads/mutex_trylock.c - pthread_mutex_trylock on a default mutex gets
// EBUSY while another thread holds it and 0 once that thread unlocked it.
#define _GNU_SOURCE
#include <pthread.h>
#include <semaphore.h>
#include "compat.h"

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static sem_t locked, release;

static void *holder(void *arg)
{
	(void)arg;
	pthread_mutex_lock(&m);
	sem_post(&locked);
	sem_wait(&release);
	pthread_mutex_unlock(&m);
	return NULL;
}

int main(void)
{
	sem_init(&locked, 0, 0);
	sem_init(&release, 0, 0);
	pthread_t t;
	pthread_create(&t, NULL, holder, NULL);
	sem_wait(&locked);
	printf("trylock while held: %s\n", errno_name(pthread_mutex_trylock(&m)));
	sem_post(&release);
	pthread_join(t, NULL);
	printf("trylock after release: %s\n", errno_name(pthread_mutex_trylock(&m)));
	printf("unlock: %s\n", errno_name(pthread_mutex_unlock(&m)));
	return compat_done();
}
