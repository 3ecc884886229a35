/*
 * threads.c - pthreads under contention: a mutex-protected counter
 * (4 threads x 10000 increments), a condition-variable producer/consumer
 * over a small ring, a barrier that separates phases, thread return values
 * through pthread_join, pthread_once and a detached thread that signals
 * its completion. Prints only totals that are the same on every run.
 */
#include <pthread.h>
#include <sched.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>
#include "check.h"

#define NTHREADS 4
#define NINCR 10000

/* ---- mutex counter ---- */

static pthread_mutex_t count_lock = PTHREAD_MUTEX_INITIALIZER;
static long counter;

static void *incr_thread(void *arg)
{
	long id = (long)arg;
	for (int i = 0; i < NINCR; i++) {
		pthread_mutex_lock(&count_lock);
		long v = counter;
		if ((i & 255) == 0)
			sched_yield();  /* hold the lock across a yield: others must wait */
		counter = v + 1;
		pthread_mutex_unlock(&count_lock);
	}
	return (void *)(id * 100);
}

static void test_mutex(void)
{
	pthread_t t[NTHREADS];
	for (long i = 0; i < NTHREADS; i++)
		CHECK(pthread_create(&t[i], NULL, incr_thread, (void *)i) == 0, "pthread_create");
	long retsum = 0;
	for (int i = 0; i < NTHREADS; i++) {
		void *ret;
		CHECK(pthread_join(t[i], &ret) == 0, "pthread_join");
		retsum += (long)ret;
	}
	printf("mutex: counter %ld (expected %d)\n", counter, NTHREADS * NINCR);
	printf("mutex: join values sum %ld\n", retsum);
	CHECK(counter == NTHREADS * NINCR, "counter %ld", counter);
	CHECK(pthread_mutex_trylock(&count_lock) == 0, "trylock free mutex");
	CHECK(pthread_mutex_trylock(&count_lock) != 0, "trylock held mutex");
	pthread_mutex_unlock(&count_lock);
}

/* ---- condvar producer/consumer ---- */

#define RING 8
#define NITEMS 20000
#define NCONSUMERS 3

static pthread_mutex_t ring_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t not_empty = PTHREAD_COND_INITIALIZER;
static pthread_cond_t not_full = PTHREAD_COND_INITIALIZER;
static long ring[RING];
static int ring_head, ring_count;
static int producers_done;

static void *producer(void *arg)
{
	(void)arg;
	for (long i = 1; i <= NITEMS; i++) {
		pthread_mutex_lock(&ring_lock);
		while (ring_count == RING)
			pthread_cond_wait(&not_full, &ring_lock);
		ring[(ring_head + ring_count) % RING] = i;
		ring_count++;
		pthread_cond_signal(&not_empty);
		pthread_mutex_unlock(&ring_lock);
	}
	pthread_mutex_lock(&ring_lock);
	producers_done = 1;
	pthread_cond_broadcast(&not_empty);
	pthread_mutex_unlock(&ring_lock);
	return NULL;
}

struct consumed {
	long sum, count;
	int ordered;  /* each consumer sees increasing values */
};

static void *consumer(void *arg)
{
	struct consumed *c = arg;
	long last = 0;
	c->ordered = 1;
	for (;;) {
		pthread_mutex_lock(&ring_lock);
		while (ring_count == 0 && !producers_done)
			pthread_cond_wait(&not_empty, &ring_lock);
		if (ring_count == 0) {
			pthread_mutex_unlock(&ring_lock);
			break;
		}
		long v = ring[ring_head];
		ring_head = (ring_head + 1) % RING;
		ring_count--;
		pthread_cond_signal(&not_full);
		pthread_mutex_unlock(&ring_lock);
		if (v <= last)
			c->ordered = 0;
		last = v;
		c->sum += v;
		c->count++;
	}
	return NULL;
}

static void test_condvar(void)
{
	pthread_t p, c[NCONSUMERS];
	struct consumed got[NCONSUMERS] = { 0 };
	for (int i = 0; i < NCONSUMERS; i++)
		CHECK(pthread_create(&c[i], NULL, consumer, &got[i]) == 0, "pthread_create");
	CHECK(pthread_create(&p, NULL, producer, NULL) == 0, "pthread_create");
	pthread_join(p, NULL);
	long sum = 0, count = 0;
	int ordered = 1;
	for (int i = 0; i < NCONSUMERS; i++) {
		pthread_join(c[i], NULL);
		sum += got[i].sum;
		count += got[i].count;
		ordered &= got[i].ordered;
	}
	long want = (long)NITEMS * (NITEMS + 1) / 2;
	printf("condvar: consumed %ld items, sum %ld (expected %ld), in order per consumer: %s\n",
	       count, sum, want, ordered ? "yes" : "no");
	CHECK(count == NITEMS && sum == want && ordered, "producer/consumer");
}

/* ---- condvar timed wait ---- */

static void test_timedwait(void)
{
	pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
	pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	ts.tv_nsec += 20 * 1000 * 1000;
	if (ts.tv_nsec >= 1000000000) {
		ts.tv_sec++;
		ts.tv_nsec -= 1000000000;
	}
	pthread_mutex_lock(&m);
	int r = pthread_cond_timedwait(&cv, &m, &ts);
	pthread_mutex_unlock(&m);
	printf("condvar: timedwait with nobody signalling returns %s\n",
	       r == ETIMEDOUT ? "ETIMEDOUT" : "something else");
	CHECK(r == ETIMEDOUT, "pthread_cond_timedwait returned %d", r);
}

/* ---- barrier ---- */

#define PHASES 50
static pthread_barrier_t barrier;
static int slots[NTHREADS];
static int barrier_errors, serial_count;

static void *barrier_thread(void *arg)
{
	long id = (long)arg;
	for (int phase = 1; phase <= PHASES; phase++) {
		slots[id] = phase;
		int r = pthread_barrier_wait(&barrier);
		if (r == PTHREAD_BARRIER_SERIAL_THREAD)
			__atomic_add_fetch(&serial_count, 1, __ATOMIC_RELAXED);
		else if (r != 0)
			__atomic_add_fetch(&barrier_errors, 1, __ATOMIC_RELAXED);
		for (int j = 0; j < NTHREADS; j++)
			if (slots[j] != phase)
				__atomic_add_fetch(&barrier_errors, 1, __ATOMIC_RELAXED);
		pthread_barrier_wait(&barrier);  /* nobody moves on before all checked */
	}
	return NULL;
}

static void test_barrier(void)
{
	pthread_t t[NTHREADS];
	CHECK(pthread_barrier_init(&barrier, NULL, NTHREADS) == 0, "barrier_init");
	for (long i = 0; i < NTHREADS; i++)
		CHECK(pthread_create(&t[i], NULL, barrier_thread, (void *)i) == 0, "pthread_create");
	for (int i = 0; i < NTHREADS; i++)
		pthread_join(t[i], NULL);
	pthread_barrier_destroy(&barrier);
	printf("barrier: %d phases, %d serial threads, %d errors\n", PHASES, serial_count,
	       barrier_errors);
	CHECK(serial_count == PHASES && barrier_errors == 0, "barrier");
}

/* ---- once, detached, self ---- */

static int once_runs;
static pthread_once_t once = PTHREAD_ONCE_INIT;
static void once_fn(void) { once_runs++; }

static pthread_mutex_t det_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t det_cv = PTHREAD_COND_INITIALIZER;
static int det_done;

static void *once_thread(void *arg)
{
	(void)arg;
	pthread_once(&once, once_fn);
	return NULL;
}

static void *detached_thread(void *arg)
{
	int *self_ok = arg;
	*self_ok = pthread_equal(pthread_self(), pthread_self()) && syscall(SYS_gettid) != getpid();
	pthread_mutex_lock(&det_lock);
	det_done = 1;
	pthread_cond_signal(&det_cv);
	pthread_mutex_unlock(&det_lock);
	return NULL;
}

static void test_misc(void)
{
	pthread_t t[NTHREADS];
	for (int i = 0; i < NTHREADS; i++)
		pthread_create(&t[i], NULL, once_thread, NULL);
	for (int i = 0; i < NTHREADS; i++)
		pthread_join(t[i], NULL);
	printf("once: ran %d time(s)\n", once_runs);
	CHECK(once_runs == 1, "pthread_once");

	pthread_attr_t attr;
	pthread_t d;
	int self_ok = 0;
	pthread_attr_init(&attr);
	pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
	CHECK(pthread_create(&d, &attr, detached_thread, &self_ok) == 0, "detached create");
	pthread_mutex_lock(&det_lock);
	while (!det_done)
		pthread_cond_wait(&det_cv, &det_lock);
	pthread_mutex_unlock(&det_lock);
	printf("detached: finished, own tid differs from pid: %s\n", self_ok ? "yes" : "no");
	CHECK(self_ok, "detached thread");
}

int main(void)
{
	setvbuf(stdout, NULL, _IOLBF, 0);
	test_mutex();
	test_condvar();
	test_timedwait();
	test_barrier();
	test_misc();
	return check_done();
}
