/* Writes of at most PIPE_BUF bytes are atomic: two threads each write
 * 200 records of PIPE_BUF bytes (every byte of a record the same letter)
 * into one pipe while the main thread reads; every record comes out
 * whole. */
#define _GNU_SOURCE
#include "compat.h"
#include <limits.h>
#include <pthread.h>
#include <unistd.h>

#define RECORDS 200
static int p[2];

static void *writer(void *arg)
{
	char rec[PIPE_BUF];
	memset(rec, *(char *)arg, sizeof rec);
	for (int i = 0; i < RECORDS; i++)
		if (write(p[1], rec, sizeof rec) != (ssize_t)sizeof rec)
			return (void *)1;
	return NULL;
}

int main(void)
{
	CHECK_OK(pipe(p));
	pthread_t a, b;
	char la = 'a', lb = 'b';
	pthread_create(&a, NULL, writer, &la);
	pthread_create(&b, NULL, writer, &lb);
	int count[2] = {0, 0}, torn = 0;
	char rec[PIPE_BUF];
	for (int i = 0; i < 2 * RECORDS; i++) {
		size_t got = 0;
		while (got < sizeof rec) {
			ssize_t n = read(p[0], rec + got, sizeof rec - got);
			if (n <= 0)
				break;
			got += n;
		}
		for (size_t j = 1; j < sizeof rec; j++)
			if (rec[j] != rec[0]) {
				torn++;
				break;
			}
		if (rec[0] == 'a' || rec[0] == 'b')
			count[rec[0] - 'a']++;
	}
	void *ra, *rb;
	pthread_join(a, &ra);
	pthread_join(b, &rb);
	printf("records: a %d b %d, torn %d, writers ok %d\n", count[0], count[1], torn,
	       ra == NULL && rb == NULL);
	return compat_done();
}
