/*
 * poll_select.c - poll, ppoll, select and pselect on pipes, a regular
 * file and /dev/null: the revents of each state of a pipe (empty, data,
 * writer gone, reader gone), POLLNVAL for a closed descriptor, negative
 * descriptors ignored, timeouts (zero, expired, woken by another thread
 * before they expire), select's -EBADF and its timeout update, and
 * ppoll/pselect with a signal mask. Masks are printed in hex; times only
 * as "in range" checks.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/select.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>
#include "check.h"

static long long now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000LL + ts.tv_nsec / 1000000;
}

static int poll1(int fd, short events, int timeout)
{
	struct pollfd p = { .fd = fd, .events = events };
	int r = poll(&p, 1, timeout);
	CHECK(r >= 0, "poll fd %d", fd);
	return r > 0 ? p.revents : 0;
}

/* A descriptor number that is surely not open (the host may have inherited some). */
static int closed_fd(void)
{
	int fd = dup(0);
	close(fd);
	return fd;
}

static void *write_later(void *arg)
{
	int fd = *(int *)arg;
	usleep(30000);
	CHECK(write(fd, "w", 1) == 1, "write from the thread");
	return NULL;
}

static void pipe_states(void)
{
	int p[2];
	char c[8];
	CHECK(pipe(p) == 0, "pipe");
	printf("empty: read end %#x, write end %#x\n", poll1(p[0], POLLIN | POLLOUT, 0),
	       poll1(p[1], POLLIN | POLLOUT, 0));
	CHECK(write(p[1], "ab", 2) == 2, "write");
	printf("data: read end %#x\n", poll1(p[0], POLLIN | POLLPRI, 0));
	printf("data, asked only POLLOUT: read end %#x\n", poll1(p[0], POLLOUT, 0));
	close(p[1]);
	printf("writer gone, data left: %#x\n", poll1(p[0], POLLIN, 0));
	CHECK(read(p[0], c, sizeof c) == 2, "drain");
	printf("writer gone, empty: %#x (asked nothing: %#x)\n", poll1(p[0], POLLIN, 0),
	       poll1(p[0], 0, 0));
	close(p[0]);

	CHECK(pipe(p) == 0, "pipe");
	close(p[0]);
	printf("reader gone: write end %#x\n", poll1(p[1], POLLOUT, 0));
	close(p[1]);
}

static void nval_and_negative(void)
{
	int p[2];
	CHECK(pipe(p) == 0, "pipe");
	CHECK(write(p[1], "x", 1) == 1, "write");
	int bad = closed_fd();
	struct pollfd fds[4] = {
		{ .fd = p[0], .events = POLLIN },
		{ .fd = -1, .events = POLLIN, .revents = 0x7 },
		{ .fd = bad, .events = POLLIN },
		{ .fd = p[1], .events = POLLOUT },
	};
	int r = poll(fds, 4, 0);
	printf("poll of 4 (one closed, one negative): %d: %#x %#x %#x %#x\n", r, fds[0].revents,
	       fds[1].revents, fds[2].revents, fds[3].revents);
	struct pollfd only_bad = { .fd = bad, .events = 0 };
	r = poll(&only_bad, 1, -1); /* must not block: POLLNVAL is ready */
	printf("poll of a closed fd with timeout -1: %d %#x\n", r, only_bad.revents);
	errno = 0;
	struct pollfd *volatile badptr = (struct pollfd *)8;
	r = poll(badptr, 1, 0);
	printf("poll with a bad pointer: %d errno %s\n", r, errno == EFAULT ? "EFAULT" : "other");
	r = poll(NULL, 0, 0);
	printf("poll of nothing: %d\n", r);
	close(p[0]);
	close(p[1]);
}

static void files(void)
{
	char name[] = "/tmp/poll_select_XXXXXX";
	int fd = mkstemp(name);
	CHECK(fd >= 0, "mkstemp");
	unlink(name);
	printf("regular file: %#x\n", poll1(fd, POLLIN | POLLOUT | POLLRDNORM | POLLWRNORM, 0));
	close(fd);
	fd = open("/dev/null", O_RDWR);
	CHECK(fd >= 0, "open /dev/null");
	printf("/dev/null: %#x\n", poll1(fd, POLLIN | POLLOUT, 0));
	close(fd);
}

static void timeouts(void)
{
	int p[2];
	pthread_t th;
	CHECK(pipe(p) == 0, "pipe");
	long long t0 = now_ms();
	int r = poll1(p[0], POLLIN, 60);
	long long dt = now_ms() - t0;
	printf("poll timeout 60 ms: %d, waited enough: %s\n", r, dt >= 55 ? "yes" : "no");

	CHECK(pthread_create(&th, NULL, write_later, &p[1]) == 0, "pthread_create");
	struct pollfd fd = { .fd = p[0], .events = POLLIN };
	r = poll(&fd, 1, -1);
	printf("poll woken by a writer: %d %#x\n", r, fd.revents);
	pthread_join(th, NULL);

	char c;
	CHECK(read(p[0], &c, 1) == 1, "read");
	struct timespec ts = { 0, 40 * 1000000 };
	sigset_t empty;
	sigemptyset(&empty);
	t0 = now_ms();
	r = ppoll(&fd, 1, &ts, &empty);
	dt = now_ms() - t0;
	printf("ppoll 40 ms with a mask: %d, waited enough: %s\n", r, dt >= 35 ? "yes" : "no");
	struct timespec bad = { 0, 1000000000 };
	errno = 0;
	r = ppoll(&fd, 1, &bad, NULL);
	printf("ppoll with tv_nsec 1e9: %d errno %s\n", r, errno == EINVAL ? "EINVAL" : "other");
	/* the raw call writes back the time left */
	struct timespec left = { 5, 0 };
	CHECK(write(p[1], "y", 1) == 1, "write");
	r = (int)syscall(SYS_ppoll, &fd, 1, &left, NULL, 8);
	printf("raw ppoll, ready at once: %d, time left 4-5 s: %s\n", r,
	       left.tv_sec == 4 || (left.tv_sec == 5 && left.tv_nsec == 0) ? "yes" : "no");
	close(p[0]);
	close(p[1]);
}

static void selects(void)
{
	int p[2];
	fd_set rd, wr, ex;
	struct timeval tv;
	CHECK(pipe(p) == 0, "pipe");
	int n = (p[0] > p[1] ? p[0] : p[1]) + 1;

	FD_ZERO(&rd);
	FD_ZERO(&wr);
	FD_SET(p[0], &rd);
	FD_SET(p[1], &wr);
	tv = (struct timeval){ 0, 0 };
	int r = select(n, &rd, &wr, NULL, &tv);
	printf("select empty pipe: %d, read %d, write %d\n", r, FD_ISSET(p[0], &rd),
	       FD_ISSET(p[1], &wr));

	CHECK(write(p[1], "z", 1) == 1, "write");
	FD_ZERO(&rd);
	FD_ZERO(&wr);
	FD_ZERO(&ex);
	FD_SET(p[0], &rd);
	FD_SET(p[0], &ex);
	FD_SET(p[1], &wr);
	FD_SET(p[1], &rd); /* a write end is never readable */
	tv = (struct timeval){ 0, 500000 };
	r = select(n, &rd, &wr, &ex, &tv);
	printf("select with data: %d, read %d/%d, write %d, except %d\n", r, FD_ISSET(p[0], &rd),
	       FD_ISSET(p[1], &rd), FD_ISSET(p[1], &wr), FD_ISSET(p[0], &ex));
	printf("select timeval updated, 0.4-0.5 s left: %s\n",
	       tv.tv_sec == 0 && tv.tv_usec > 400000 && tv.tv_usec <= 500000 ? "yes" : "no");

	char c;
	CHECK(read(p[0], &c, 1) == 1, "read");
	FD_ZERO(&rd);
	FD_SET(p[0], &rd);
	tv = (struct timeval){ 0, 50000 };
	long long t0 = now_ms();
	r = select(n, &rd, NULL, NULL, &tv);
	long long dt = now_ms() - t0;
	printf("select timeout 50 ms: %d, waited enough: %s, timeval now %ld.%06ld\n", r,
	       dt >= 45 ? "yes" : "no", (long)tv.tv_sec, (long)tv.tv_usec);

	int bad = closed_fd();
	FD_ZERO(&rd);
	FD_SET(p[0], &rd);
	FD_SET(bad, &rd);
	tv = (struct timeval){ 0, 0 };
	errno = 0;
	r = select((bad > n ? bad : n) + 1, &rd, NULL, NULL, &tv);
	printf("select with a closed fd: %d errno %s\n", r, errno == EBADF ? "EBADF" : "other");
	errno = 0;
	r = select(-1, NULL, NULL, NULL, &tv);
	printf("select n = -1: %d errno %s\n", r, errno == EINVAL ? "EINVAL" : "other");
	tv = (struct timeval){ 0, 20000 };
	r = select(0, NULL, NULL, NULL, &tv);
	printf("select as a sleep: %d\n", r);

	sigset_t mask;
	sigemptyset(&mask);
	CHECK(write(p[1], "z", 1) == 1, "write");
	FD_ZERO(&rd);
	FD_SET(p[0], &rd);
	struct timespec ts = { 1, 0 };
	r = pselect(n, &rd, NULL, NULL, &ts, &mask);
	printf("pselect with data and a mask: %d, read %d\n", r, FD_ISSET(p[0], &rd));
	close(p[0]);
	close(p[1]);
}

int main(void)
{
	setvbuf(stdout, NULL, _IONBF, 0);
	pipe_states();
	nval_and_negative();
	files();
	timeouts();
	selects();
	return check_done();
}
