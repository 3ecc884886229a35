/*
 * tcp_bulk.c - 4 MiB through a loopback TCP connection from a writer
 * thread arrive complete and in order (checked with a running sum of a
 * position-dependent pattern), with reads of varying sizes.
 */
#include <netinet/in.h>
#include <pthread.h>
#include <stdint.h>
#include <sys/socket.h>
#include <unistd.h>
#include "compat.h"

#define TOTAL (4 << 20)

static int wfd;

static unsigned char pattern(size_t i)
{
	return (unsigned char)(i * 7 + (i >> 10));
}

static void *writer(void *arg)
{
	(void)arg;
	static unsigned char buf[65536];
	size_t off = 0;
	while (off < TOTAL) {
		size_t n = sizeof buf;
		for (size_t i = 0; i < n; i++)
			buf[i] = pattern(off + i);
		size_t done = 0;
		while (done < n) {
			ssize_t w = write(wfd, buf + done, n - done);
			if (w <= 0)
				return NULL;
			done += w;
		}
		off += n;
	}
	close(wfd);
	return NULL;
}

int main(void)
{
	struct sockaddr_in a = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	socklen_t al = sizeof a;
	int l = socket(AF_INET, SOCK_STREAM, 0);
	CHECK_OK(bind(l, (struct sockaddr *)&a, sizeof a));
	CHECK_OK(getsockname(l, (struct sockaddr *)&a, &al));
	CHECK_OK(listen(l, 1));
	wfd = socket(AF_INET, SOCK_STREAM, 0);
	CHECK_OK(connect(wfd, (struct sockaddr *)&a, sizeof a));
	int r = accept(l, NULL, NULL);
	CHECK_OK(r);
	pthread_t t;
	CHECK(pthread_create(&t, NULL, writer, NULL) == 0, "pthread_create");
	static unsigned char buf[100000];
	size_t got = 0, bad = 0, chunk = 1;
	ssize_t n;
	while ((n = read(r, buf, chunk)) > 0) {
		for (ssize_t i = 0; i < n; i++)
			bad += buf[i] != pattern(got + i);
		got += n;
		chunk = chunk * 3 % sizeof buf + 1;
	}
	pthread_join(t, NULL);
	printf("received %zu bytes, mismatches %zu\n", got, bad);
	return compat_done();
}
