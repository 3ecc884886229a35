// threads/cancel_cond_wait.c - a thread cancelled while blocked in
// pthread_cond_wait reacquires the mutex before its cleanup handler runs
// (the handler unlocks it), so the main thread can lock the mutex after
// the join; pthread_join returns PTHREAD_CANCELED.
// compat: timeout 20
#define _GNU_SOURCE
#include <pthread.h>
#include <stdatomic.h>
#include <time.h>
#include "compat.h"

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t c = PTHREAD_COND_INITIALIZER;
static atomic_int waiting, held_in_cleanup;

static void unlock(void *arg)
{
	(void)arg;
	atomic_store(&held_in_cleanup, pthread_mutex_trylock(&m) == EBUSY);
	pthread_mutex_unlock(&m);
}

static void *waiter(void *arg)
{
	(void)arg;
	pthread_mutex_lock(&m);
	pthread_cleanup_push(unlock, NULL);
	atomic_store(&waiting, 1);
	for (;;)
		pthread_cond_wait(&c, &m);
	pthread_cleanup_pop(1);
	return NULL;
}

int main(void)
{
	pthread_t t;
	pthread_create(&t, NULL, waiter, NULL);
	while (!atomic_load(&waiting))
		nanosleep(&(struct timespec){ 0, 1000000 }, NULL);
	pthread_mutex_lock(&m); /* the waiter is inside pthread_cond_wait now */
	pthread_mutex_unlock(&m);
	nanosleep(&(struct timespec){ 0, 20000000 }, NULL);
	printf("cancel: %s\n", errno_name(pthread_cancel(t)));
	void *r = NULL;
	pthread_join(t, &r);
	printf("returned PTHREAD_CANCELED: %s\n", r == PTHREAD_CANCELED ? "yes" : "no");
	printf("mutex held in the cleanup handler: %s\n", atomic_load(&held_in_cleanup) ? "yes" : "no");
	printf("main can lock it: %s\n", errno_name(pthread_mutex_trylock(&m)));
	pthread_mutex_unlock(&m);
	return compat_done();
}
