// threads/sem_basic.c - an unnamed semaphore: sem_init with value 2,
// sem_getvalue tracks posts and waits, sem_trywait at 0 gives EAGAIN,
// sem_init with a value above SEM_VALUE_MAX gives EINVAL.
#define _GNU_SOURCE
#include <limits.h>
#include <semaphore.h>
#include "compat.h"

int main(void)
{
	sem_t s;
	int v = -1;
	CHECK_OK(sem_init(&s, 0, 2));
	sem_getvalue(&s, &v);
	printf("initial: %d\n", v);
	CHECK_OK(sem_wait(&s));
	CHECK_OK(sem_trywait(&s));
	sem_getvalue(&s, &v);
	printf("after two waits: %d\n", v);
	CHECK_ERR(sem_trywait(&s), EAGAIN);
	CHECK_OK(sem_post(&s));
	CHECK_OK(sem_post(&s));
	CHECK_OK(sem_post(&s));
	sem_getvalue(&s, &v);
	printf("after three posts: %d\n", v);
	CHECK_OK(sem_destroy(&s));
	CHECK_ERR(sem_init(&s, 0, (unsigned)SEM_VALUE_MAX + 1), EINVAL);
	return compat_done();
}
