/* A pipe between two threads: the reader blocks until the writer writes;
 * 1 MiB goes through in chunks of odd sizes and arrives intact and in
 * order; the reader sees end of file when the writer closes. */
#define _GNU_SOURCE
#include "compat.h"
#include <pthread.h>
#include <unistd.h>

#define TOTAL (1 << 20)
static int p[2];

static void *writer(void *arg)
{
	(void)arg;
	static unsigned char buf[7777];
	long sent = 0, k = 0;
	while (sent < TOTAL) {
		long n = sizeof buf;
		if (n > TOTAL - sent)
			n = TOTAL - sent;
		for (long i = 0; i < n; i++)
			buf[i] = (unsigned char)((sent + i) * 31 + 7);
		if (write(p[1], buf, n) != n)
			return (void *)1;
		sent += n;
		k++;
	}
	close(p[1]);
	return NULL;
}

int main(void)
{
	CHECK_OK(pipe(p));
	pthread_t t;
	CHECK(pthread_create(&t, NULL, writer, NULL) == 0, "pthread_create");
	static unsigned char buf[5000];
	long got = 0, bad = 0;
	ssize_t n;
	while ((n = read(p[0], buf, sizeof buf)) > 0) {
		for (ssize_t i = 0; i < n; i++)
			if (buf[i] != (unsigned char)((got + i) * 31 + 7))
				bad++;
		got += n;
	}
	void *r;
	pthread_join(t, &r);
	printf("received %ld bytes, %ld wrong, last read %zd, writer ok %d\n", got, bad, n, r == NULL);
	return compat_done();
}
