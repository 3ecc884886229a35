// threads/sem_timedwait.c - sem_timedwait on a zero semaphore fails with
// ETIMEDOUT no earlier than the CLOCK_REALTIME deadline (30 ms); with
// tv_nsec out of range it fails with EINVAL; with a count it succeeds at
// once even with a deadline in the past.
#define _GNU_SOURCE
#include <semaphore.h>
#include <time.h>
#include "compat.h"

static long long ns(struct timespec t) { return t.tv_sec * 1000000000LL + t.tv_nsec; }

int main(void)
{
	sem_t s;
	sem_init(&s, 0, 0);
	struct timespec dl, now;
	clock_gettime(CLOCK_REALTIME, &dl);
	dl.tv_nsec += 30000000;
	if (dl.tv_nsec >= 1000000000) {
		dl.tv_nsec -= 1000000000;
		dl.tv_sec++;
	}
	CHECK_ERR(sem_timedwait(&s, &dl), ETIMEDOUT);
	clock_gettime(CLOCK_REALTIME, &now);
	printf("not early: %s\n", ns(now) >= ns(dl) ? "yes" : "no");
	struct timespec bad = { dl.tv_sec, 1000000000 };
	CHECK_ERR(sem_timedwait(&s, &bad), EINVAL);
	sem_post(&s);
	struct timespec past = { 0, 0 };
	CHECK_OK(sem_timedwait(&s, &past));
	printf("done\n");
	return compat_done();
}
