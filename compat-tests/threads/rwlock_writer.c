// threads/rwlock_writer.c - a write lock is exclusive: while a thread holds
// it, tryrdlock and trywrlock from another thread give EBUSY and
// timedrdlock ETIMEDOUT; while a reader holds it, trywrlock gives EBUSY but
// tryrdlock succeeds; 4 writers incrementing a counter lose nothing.
#define _GNU_SOURCE
#include <pthread.h>
#include <semaphore.h>
#include <time.h>
#include "compat.h"

static pthread_rwlock_t rw = PTHREAD_RWLOCK_INITIALIZER;
static sem_t held, release;
static int write_mode;
static long counter;

static void *holder(void *arg)
{
	(void)arg;
	if (write_mode)
		pthread_rwlock_wrlock(&rw);
	else
		pthread_rwlock_rdlock(&rw);
	sem_post(&held);
	sem_wait(&release);
	pthread_rwlock_unlock(&rw);
	return NULL;
}

static void *writer(void *arg)
{
	(void)arg;
	for (int i = 0; i < 10000; i++) {
		pthread_rwlock_wrlock(&rw);
		counter++;
		pthread_rwlock_unlock(&rw);
	}
	return NULL;
}

int main(void)
{
	sem_init(&held, 0, 0);
	sem_init(&release, 0, 0);
	pthread_t t;
	write_mode = 1;
	pthread_create(&t, NULL, holder, NULL);
	sem_wait(&held);
	printf("writer holds: tryrdlock %s, trywrlock %s\n", errno_name(pthread_rwlock_tryrdlock(&rw)),
	       errno_name(pthread_rwlock_trywrlock(&rw)));
	struct timespec dl;
	clock_gettime(CLOCK_REALTIME, &dl);
	dl.tv_sec += 0;
	dl.tv_nsec += 20000000;
	if (dl.tv_nsec >= 1000000000) {
		dl.tv_nsec -= 1000000000;
		dl.tv_sec++;
	}
	printf("writer holds: timedrdlock %s\n", errno_name(pthread_rwlock_timedrdlock(&rw, &dl)));
	sem_post(&release);
	pthread_join(t, NULL);

	write_mode = 0;
	pthread_create(&t, NULL, holder, NULL);
	sem_wait(&held);
	printf("reader holds: trywrlock %s\n", errno_name(pthread_rwlock_trywrlock(&rw)));
	int r = pthread_rwlock_tryrdlock(&rw);
	printf("reader holds: tryrdlock %s\n", errno_name(r));
	if (r == 0)
		pthread_rwlock_unlock(&rw);
	sem_post(&release);
	pthread_join(t, NULL);

	pthread_t w[4];
	for (int i = 0; i < 4; i++)
		pthread_create(&w[i], NULL, writer, NULL);
	for (int i = 0; i < 4; i++)
		pthread_join(w[i], NULL);
	printf("counter: %ld\n", counter);
	return compat_done();
}
