/*
 * select_timeout.c - the select system call writes the time not slept
 * back into its timeout: {0,0} after a full timeout, and something
 * between 0 and the original after being woken early. The raw system
 * call is used, since musl's wrapper passes the kernel a copy.
 */
#include <pthread.h>
#include <sys/select.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>
#include "compat.h"

static int p[2];

static long long now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000LL + ts.tv_nsec / 1000000;
}

static void *writer(void *arg)
{
	(void)arg;
	usleep(50000);
	if (write(p[1], "x", 1) != 1)
		printf("writer: write failed\n");
	return NULL;
}

int main(void)
{
	CHECK_OK(pipe(p));
	fd_set r;
	FD_ZERO(&r);
	FD_SET(p[0], &r);
	struct timeval tv = { 0, 100000 };
	long long t0 = now_ms();
	long n = syscall(SYS_select, p[0] + 1, &r, NULL, NULL, &tv);
	long long dt = now_ms() - t0;
	printf("timed out: select %ld, waited >= 100ms: %s, tv left {%ld,%ld}\n", n,
	       dt >= 100 ? "yes" : "no", (long)tv.tv_sec, (long)tv.tv_usec);

	pthread_t t;
	CHECK(pthread_create(&t, NULL, writer, NULL) == 0, "pthread_create");
	FD_ZERO(&r);
	FD_SET(p[0], &r);
	tv = (struct timeval){ 5, 0 };
	n = syscall(SYS_select, p[0] + 1, &r, NULL, NULL, &tv);
	long long left = tv.tv_sec * 1000000LL + tv.tv_usec;
	printf("woken: select %ld, read set %d, 0 < left < 5s: %s\n", n, FD_ISSET(p[0], &r),
	       left > 0 && left < 5000000 ? "yes" : "no");
	pthread_join(t, NULL);

	tv = (struct timeval){ 0, -1 };
	errno = 0;
	n = syscall(SYS_select, 0, NULL, NULL, NULL, &tv);
	printf("negative usec: select %ld errno %s\n", n, errno_name(errno));
	return compat_done();
}
