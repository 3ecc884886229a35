/* A blocking open of a FIFO for reading waits for a writer: a thread
 * opens it for writing a little later, both opens complete, and the data
 * arrives. */
#define _GNU_SOURCE
#include "compat.h"
#include "tmpdir.h"
#include <fcntl.h>
#include <pthread.h>
#include <sys/stat.h>
#include <time.h>

static void *writer(void *arg)
{
	(void)arg;
	struct timespec ts = {0, 50000000};
	nanosleep(&ts, NULL);
	int w = open("ff", O_WRONLY);
	if (w < 0)
		return (void *)1;
	if (write(w, "hello fifo", 10) != 10)
		return (void *)2;
	close(w);
	return NULL;
}

int main(void)
{
	compat_tmpdir();
	CHECK_OK(mkfifo("ff", 0644));
	pthread_t t;
	pthread_create(&t, NULL, writer, NULL);
	int r = open("ff", O_RDONLY);
	CHECK(r >= 0, "blocking open for reading");
	char buf[32] = {0};
	size_t got = 0;
	ssize_t n;
	while ((n = read(r, buf + got, sizeof buf - 1 - got)) > 0)
		got += n;
	void *res;
	pthread_join(t, &res);
	printf("got %zu: %s, writer %ld\n", got, buf, (long)res);
	return compat_done();
}
