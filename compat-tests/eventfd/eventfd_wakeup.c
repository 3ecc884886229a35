/*
 * eventfd_wakeup.c - a blocking read of a zero eventfd sleeps until
 * another thread writes, then returns what was written; a blocking write
 * that would overflow sleeps until another thread reads.
 */
#include <pthread.h>
#include <stdint.h>
#include <sys/eventfd.h>
#include <unistd.h>
#include "compat.h"

static int e;

static void *writer(void *arg)
{
	(void)arg;
	usleep(50000);
	uint64_t v = 6;
	if (write(e, &v, 8) != 8)
		printf("writer: write failed\n");
	return NULL;
}

static void *reader(void *arg)
{
	(void)arg;
	usleep(50000);
	uint64_t v;
	if (read(e, &v, 8) != 8)
		printf("reader: read failed\n");
	return NULL;
}

int main(void)
{
	pthread_t t;
	e = eventfd(0, 0);
	CHECK_OK(e);
	CHECK(pthread_create(&t, NULL, writer, NULL) == 0, "pthread_create");
	uint64_t v = 0;
	ssize_t n = read(e, &v, 8);
	printf("blocking read: %zd value %llu\n", n, (unsigned long long)v);
	pthread_join(t, NULL);

	v = UINT64_MAX - 1;
	CHECK(write(e, &v, 8) == 8, "fill");
	CHECK(pthread_create(&t, NULL, reader, NULL) == 0, "pthread_create");
	v = 3;
	n = write(e, &v, 8);
	printf("blocking write: %zd\n", n);
	pthread_join(t, NULL);
	CHECK(read(e, &v, 8) == 8, "read");
	printf("counter after: %llu\n", (unsigned long long)v);
	return compat_done();
}
