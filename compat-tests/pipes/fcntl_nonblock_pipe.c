/* O_NONBLOCK set with F_SETFL on a blocking pipe makes an empty read
 * EAGAIN at once; clearing it again makes reads block (checked with data
 * written by a thread after a delay). */
#define _GNU_SOURCE
#include "compat.h"
#include <fcntl.h>
#include <pthread.h>
#include <time.h>
#include <unistd.h>

static int p[2];

static void *late(void *arg)
{
	(void)arg;
	struct timespec ts = {0, 30000000};
	nanosleep(&ts, NULL);
	return write(p[1], "z", 1) == 1 ? NULL : (void *)1;
}

int main(void)
{
	CHECK_OK(pipe(p));
	CHECK_OK(fcntl(p[0], F_SETFL, fcntl(p[0], F_GETFL) | O_NONBLOCK));
	char c;
	CHECK_ERR(read(p[0], &c, 1), EAGAIN);
	CHECK_OK(fcntl(p[0], F_SETFL, fcntl(p[0], F_GETFL) & ~O_NONBLOCK));
	pthread_t t;
	pthread_create(&t, NULL, late, NULL);
	ssize_t n = read(p[0], &c, 1);
	printf("blocking read got %zd '%c'\n", n, n == 1 ? c : '?');
	pthread_join(t, NULL);
	return compat_done();
}
