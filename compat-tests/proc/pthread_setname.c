/*
 * pthread_setname.c - thread names: pthread_setname_np names the calling
 * thread or another one (both libcs write /proc/self/task/TID/comm or
 * use prctl), pthread_getname_np reads it back, a name longer than 15
 * bytes fails with ERANGE, and the main thread's name is not changed by
 * naming another.
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <string.h>
#include <sys/prctl.h>
#include "compat.h"

static pthread_barrier_t b1, b2, b3;
static char seen[16];

static void *body(void *arg)
{
	(void)arg;
	pthread_barrier_wait(&b1); /* main names us */
	prctl(PR_GET_NAME, seen);
	pthread_barrier_wait(&b2);
	pthread_barrier_wait(&b3); /* alive while main reads our name */
	return NULL;
}

int main(void)
{
	char name[32];
	pthread_t t;
	pthread_barrier_init(&b1, NULL, 2);
	pthread_barrier_init(&b2, NULL, 2);
	pthread_barrier_init(&b3, NULL, 2);
	CHECK(pthread_create(&t, NULL, body, NULL) == 0, "pthread_create");

	CHECK(pthread_setname_np(pthread_self(), "main-thread") == 0, "name self");
	CHECK(pthread_setname_np(t, "worker-1") == 0, "name other");
	int e = pthread_setname_np(t, "sixteen-bytes-xx");
	printf("16-byte name: %s\n", errno_name(e));
	pthread_barrier_wait(&b1);
	pthread_barrier_wait(&b2);
	printf("worker sees itself as: %s\n", seen);

	CHECK(pthread_getname_np(t, name, sizeof name) == 0, "get other");
	printf("worker, read from main: %s\n", name);
	CHECK(pthread_getname_np(pthread_self(), name, sizeof name) == 0, "get self");
	printf("main: %s\n", name);
	e = pthread_getname_np(pthread_self(), name, 4);
	printf("get into 4 bytes: %s\n", errno_name(e));
	pthread_barrier_wait(&b3);
	pthread_join(t, NULL);
	return compat_done();
}
