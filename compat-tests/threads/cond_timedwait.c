// threads/cond_timedwait.c - pthread_cond_timedwait with nobody signalling
// returns ETIMEDOUT no earlier than the deadline, with the mutex held
// again; with a condattr clock of CLOCK_MONOTONIC the deadline is read on
// that clock; a deadline in the past times out at once; tv_nsec out of
// range gives EINVAL.
#define _GNU_SOURCE
#include <pthread.h>
#include <time.h>
#include "compat.h"

static long long ns(struct timespec t) { return t.tv_sec * 1000000000LL + t.tv_nsec; }

static struct timespec in_ms(clockid_t c, int ms)
{
	struct timespec t;
	clock_gettime(c, &t);
	t.tv_nsec += ms * 1000000L;
	while (t.tv_nsec >= 1000000000) {
		t.tv_nsec -= 1000000000;
		t.tv_sec++;
	}
	return t;
}

int main(void)
{
	pthread_mutex_t m;
	pthread_mutexattr_t ma;
	pthread_mutexattr_init(&ma);
	pthread_mutexattr_settype(&ma, PTHREAD_MUTEX_ERRORCHECK);
	pthread_mutex_init(&m, &ma);
	pthread_cond_t c = PTHREAD_COND_INITIALIZER, cm;
	pthread_condattr_t ca;
	pthread_condattr_init(&ca);
	CHECK(pthread_condattr_setclock(&ca, CLOCK_MONOTONIC) == 0, "setclock");
	clockid_t got;
	pthread_condattr_getclock(&ca, &got);
	printf("condattr clock is CLOCK_MONOTONIC: %s\n", got == CLOCK_MONOTONIC ? "yes" : "no");
	pthread_cond_init(&cm, &ca);

	pthread_mutex_lock(&m);
	struct timespec dl = in_ms(CLOCK_REALTIME, 40), now;
	int r = pthread_cond_timedwait(&c, &m, &dl);
	clock_gettime(CLOCK_REALTIME, &now);
	printf("realtime: %s, not early: %s\n", errno_name(r), ns(now) >= ns(dl) ? "yes" : "no");
	printf("mutex held again (relock gives EDEADLK): %s\n", errno_name(pthread_mutex_lock(&m)));
	dl = in_ms(CLOCK_MONOTONIC, 40);
	r = pthread_cond_timedwait(&cm, &m, &dl);
	clock_gettime(CLOCK_MONOTONIC, &now);
	printf("monotonic: %s, not early: %s\n", errno_name(r), ns(now) >= ns(dl) ? "yes" : "no");
	struct timespec past = { 0, 0 };
	printf("past deadline: %s\n", errno_name(pthread_cond_timedwait(&c, &m, &past)));
	struct timespec bad = { 0, 1000000000 };
	printf("bad tv_nsec: %s\n", errno_name(pthread_cond_timedwait(&c, &m, &bad)));
	pthread_mutex_unlock(&m);
	return compat_done();
}
