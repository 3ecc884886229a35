/*
 * calls.c - per-call cost of five libc calls, for tools/bench-linked.
 *
 * usage: calls [SCALE [REPS [NAME]]]
 *   SCALE multiplies the call counts (default 1), REPS repetitions of each
 *   measurement (default 3), NAME runs that measurement alone.
 *
 * Built with musl-gcc -O2 -fPIE -pie, so the same file runs on the host
 * (through musl's ld.so), in keel's interp mode (the same ld.so, every
 * system call through the trap) and in keel's linked mode (the libc imports
 * bound to the kernel's musl: system calls are direct calls).
 *
 *   write    write(fd, buf, 1) to an fd of /dev/null
 *   getpid   libc's getpid()
 *   clock    clock_gettime(CLOCK_MONOTONIC)
 *   malloc   malloc(64) then free() of it: one pair per call
 *   mutex    two threads lock and unlock one pthread mutex, each N/2
 *            times; one call = one lock+unlock pair, time over all N pairs
 *
 * Each measurement is timed with clock_gettime(CLOCK_MONOTONIC) around
 * the loop, after a warm-up of 1/100 of it. Under QEMU -icount
 * shift=0,sleep=off guest time is one nanosecond per guest instruction, so
 * there the figures are instruction counts.
 *
 * Output (parsed by tools/bench-linked), one line per repetition:
 *   bench NAME: N calls in T ns
 */
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static long long now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static int null_fd;
static volatile long sink;

static void do_write(long n)
{
	char c = 'x';

	for (long i = 0; i < n; i++)
		if (write(null_fd, &c, 1) != 1) {
			perror("write /dev/null");
			exit(1);
		}
}

static void do_getpid(long n)
{
	long s = 0;

	for (long i = 0; i < n; i++)
		s += getpid();
	sink = s;
}

static void do_clock(long n)
{
	struct timespec ts;
	long s = 0;

	for (long i = 0; i < n; i++) {
		clock_gettime(CLOCK_MONOTONIC, &ts);
		s += ts.tv_nsec;
	}
	sink = s;
}

static void do_malloc(long n)
{
	for (long i = 0; i < n; i++) {
		void *p = malloc(64);

		if (!p) {
			perror("malloc");
			exit(1);
		}
		*(volatile char *)p = 1;
		free(p);
	}
}

static pthread_mutex_t mtx = PTHREAD_MUTEX_INITIALIZER;
static long shared_counter;

static void *hammer(void *arg)
{
	long n = (long)arg;

	for (long i = 0; i < n; i++) {
		pthread_mutex_lock(&mtx);
		shared_counter++;
		pthread_mutex_unlock(&mtx);
	}
	return NULL;
}

static void do_mutex(long n)
{
	pthread_t t;

	shared_counter = 0;
	if (pthread_create(&t, NULL, hammer, (void *)(n / 2))) {
		perror("pthread_create");
		exit(1);
	}
	hammer((void *)(n - n / 2));
	pthread_join(t, NULL);
	if (shared_counter != n) {
		fprintf(stderr, "mutex: counter %ld, expected %ld\n", shared_counter, n);
		exit(1);
	}
}

static const struct {
	const char *name;
	void (*fn)(long);
	long n; /* calls at SCALE 1 */
} benches[] = {
	{ "write", do_write, 200000 },
	{ "getpid", do_getpid, 200000 },
	{ "clock", do_clock, 200000 },
	{ "malloc", do_malloc, 300000 },
	{ "mutex", do_mutex, 1000000 },
};

int main(int argc, char **argv)
{
	double scale = argc > 1 ? strtod(argv[1], NULL) : 1.0;
	int reps = argc > 2 ? atoi(argv[2]) : 3;
	const char *only = argc > 3 ? argv[3] : NULL;

	if (scale <= 0 || reps <= 0) {
		fprintf(stderr, "usage: calls [SCALE > 0 [REPS > 0]]\n");
		return 2;
	}
	null_fd = open("/dev/null", O_WRONLY);
	if (null_fd < 0) {
		perror("open /dev/null");
		return 1;
	}
	for (size_t b = 0; b < sizeof benches / sizeof benches[0]; b++) {
		long n = (long)(benches[b].n * scale);

		if (only && strcmp(only, benches[b].name))
			continue;
		if (n < 2)
			n = 2;
		benches[b].fn(n / 100 + 2); /* warm-up */
		for (int r = 0; r < reps; r++) {
			long long t0 = now_ns();

			benches[b].fn(n);
			long long t = now_ns() - t0;

			printf("bench %s: %ld calls in %lld ns\n", benches[b].name, n, t);
			fflush(stdout);
		}
	}
	return 0;
}
