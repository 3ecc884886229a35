// threads/mutex_timedlock.c - pthread_mutex_timedlock on a mutex another
// thread holds gives ETIMEDOUT no earlier than the absolute CLOCK_REALTIME
// deadline (50 ms); with tv_nsec out of range it gives EINVAL; on a free
// mutex it locks at once, even with a deadline in the past.
#define _GNU_SOURCE
#include <pthread.h>
#include <semaphore.h>
#include <time.h>
#include "compat.h"

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static sem_t locked, release;

static long long ns(struct timespec t) { return t.tv_sec * 1000000000LL + t.tv_nsec; }

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
	struct timespec dl, after;
	clock_gettime(CLOCK_REALTIME, &dl);
	dl.tv_nsec += 50000000;
	if (dl.tv_nsec >= 1000000000) {
		dl.tv_nsec -= 1000000000;
		dl.tv_sec++;
	}
	int r = pthread_mutex_timedlock(&m, &dl);
	clock_gettime(CLOCK_REALTIME, &after);
	printf("held elsewhere: %s, not early: %s\n", errno_name(r), ns(after) >= ns(dl) ? "yes" : "no");
	struct timespec bad = { dl.tv_sec, 1000000000 };
	printf("bad tv_nsec while held: %s\n", errno_name(pthread_mutex_timedlock(&m, &bad)));
	sem_post(&release);
	pthread_join(t, NULL);
	struct timespec past = { 0, 0 };
	printf("free mutex, past deadline: %s\n", errno_name(pthread_mutex_timedlock(&m, &past)));
	pthread_mutex_unlock(&m);
	return compat_done();
}
