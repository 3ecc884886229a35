// time/clock_thread_cpu.c - pthread_getcpuclockid gives a clock for another
// thread that clock_gettime can read: a thread that busy-loops for 30 ms
// shows >= 10 ms on it, while an idle (blocked) thread shows less than the
// busy one; CLOCK_THREAD_CPUTIME_ID read in each thread is its own.
#define _GNU_SOURCE
#include <pthread.h>
#include <semaphore.h>
#include <time.h>
#include "compat.h"

static long long ns(struct timespec t) { return t.tv_sec * 1000000000LL + t.tv_nsec; }
static sem_t done_busy, release;

static void *busy(void *a)
{
	(void)a;
	struct timespec m0, m;
	clock_gettime(CLOCK_MONOTONIC, &m0);
	volatile unsigned long x = 0;
	do {
		for (int i = 0; i < 10000; i++)
			x += i;
		clock_gettime(CLOCK_MONOTONIC, &m);
	} while (ns(m) - ns(m0) < 30000000);
	sem_post(&done_busy);
	sem_wait(&release);
	return NULL;
}

static void *idle(void *a)
{
	(void)a;
	sem_wait(&release);
	return NULL;
}

int main(void)
{
	sem_init(&done_busy, 0, 0);
	sem_init(&release, 0, 0);
	pthread_t tb, ti;
	CHECK(pthread_create(&tb, NULL, busy, NULL) == 0, "create");
	CHECK(pthread_create(&ti, NULL, idle, NULL) == 0, "create");
	sem_wait(&done_busy);
	clockid_t cb, ci;
	CHECK(pthread_getcpuclockid(tb, &cb) == 0, "getcpuclockid busy");
	CHECK(pthread_getcpuclockid(ti, &ci) == 0, "getcpuclockid idle");
	struct timespec b = { 0, 0 }, i = { 0, 0 };
	CHECK_OK(clock_gettime(cb, &b));
	CHECK_OK(clock_gettime(ci, &i));
	printf("busy thread >= 10ms: %s\n", ns(b) >= 10000000 ? "yes" : "no");
	printf("idle thread below the busy one: %s\n", ns(i) < ns(b) ? "yes" : "no");
	sem_post(&release);
	sem_post(&release);
	pthread_join(tb, NULL);
	pthread_join(ti, NULL);
	return compat_done();
}
