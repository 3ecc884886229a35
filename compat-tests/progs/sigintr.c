/*
 * sigintr.c - signals that end blocking calls: alarm() + pause(); a pipe
 * read ended by SIGALRM fails with EINTR without SA_RESTART and is
 * restarted with it (the data then arrives from another thread); poll and
 * nanosleep are never restarted and nanosleep reports the time left; a
 * periodic ITIMER_REAL keeps firing until disarmed; alarm(0) returns what
 * was left.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>
#include "check.h"

static volatile sig_atomic_t hits;
static int p[2];

static void on_alrm(int s)
{
	(void)s;
	hits++;
}

static void arm_ms(long ms, long interval_ms)
{
	struct itimerval it = { { 0, interval_ms * 1000 }, { ms / 1000, ms % 1000 * 1000 } };
	CHECK(setitimer(ITIMER_REAL, &it, NULL) == 0, "setitimer");
}

static void *late_writer(void *arg)
{
	usleep(300000);
	CHECK(write(p[1], "y", 1) == 1, "late write");
	return arg;
}

static void handler(int flags)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_alrm;
	sa.sa_flags = flags;
	CHECK(sigaction(SIGALRM, &sa, NULL) == 0, "sigaction");
}

int main(void)
{
	char c = 0;
	handler(0);
	CHECK(pipe(p) == 0, "pipe");

	alarm(1);
	errno = 0;
	CHECK(pause() == -1 && errno == EINTR && hits == 1, "pause ends with EINTR after the handler");

	arm_ms(100, 0);
	errno = 0;
	CHECK(read(p[0], &c, 1) == -1 && errno == EINTR && hits == 2, "read: EINTR without SA_RESTART");

	handler(SA_RESTART);
	pthread_t t;
	CHECK(pthread_create(&t, NULL, late_writer, NULL) == 0, "pthread_create");
	arm_ms(100, 0);
	CHECK(read(p[0], &c, 1) == 1 && c == 'y' && hits == 3, "read restarted under SA_RESTART");
	pthread_join(t, NULL);

	struct pollfd pf = { p[0], POLLIN, 0 };
	arm_ms(100, 0);
	errno = 0;
	CHECK(poll(&pf, 1, 2000) == -1 && errno == EINTR && hits == 4, "poll: EINTR even under SA_RESTART");

	struct timespec req = { 2, 0 }, rem = { 0, 0 };
	arm_ms(100, 0);
	errno = 0;
	CHECK(nanosleep(&req, &rem) == -1 && errno == EINTR && rem.tv_sec >= 1 && hits == 5,
	      "nanosleep: EINTR with the time left");

	arm_ms(50, 50);
	while (hits < 9)
		pause();
	arm_ms(0, 0);
	printf("periodic timer fired until disarmed: yes\n");
	alarm(30);
	unsigned left = alarm(0);
	CHECK(left >= 29 && left <= 30, "alarm(0) returns the seconds left");
	printf("hits %d\n", (int)hits);
	return check_done();
}
