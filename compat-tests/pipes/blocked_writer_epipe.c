/* A writer blocked on a full pipe wakes up with EPIPE when the read end
 * is closed (by another thread); SIGPIPE is ignored. */
#define _GNU_SOURCE
#include "compat.h"
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <time.h>
#include <unistd.h>
// compat: timeout 20

static int p[2];

static void *closer(void *arg)
{
	(void)arg;
	struct timespec ts = {0, 50000000};
	nanosleep(&ts, NULL);
	close(p[0]);
	return NULL;
}

int main(void)
{
	signal(SIGPIPE, SIG_IGN);
	CHECK_OK(pipe(p));
	static char buf[1 << 17];
	int cap = fcntl(p[1], F_GETPIPE_SZ);
	CHECK(write(p[1], buf, cap) == cap, "fill the pipe");
	pthread_t t;
	pthread_create(&t, NULL, closer, NULL);
	errno = 0;
	ssize_t n = write(p[1], buf, 100);
	printf("blocked write returned %zd, errno %s\n", n, errno_name(errno));
	pthread_join(t, NULL);
	return compat_done();
}
