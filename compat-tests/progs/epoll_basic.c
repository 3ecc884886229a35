/*
 * epoll_basic.c - epoll over pipes, eventfds, timerfds and other epoll
 * sets: epoll_create/create1 and their errors; epoll_ctl ADD/MOD/DEL and
 * every error it documents (EEXIST, ENOENT, EBADF, EINVAL, EPERM for a
 * regular file, ELOOP); the user data returned as given; level-triggered
 * reports that repeat while ready, EPOLLET that reports once per new
 * write, EPOLLONESHOT until re-armed by MOD; the events of a pipe whose
 * other end closed; a closed file leaving the set (and a dup keeping it);
 * nested sets, and poll() on an epoll fd; blocking waits woken by another
 * thread and by a timerfd, and timeouts. Masks are printed in hex.
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
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/timerfd.h>
#include <time.h>
#include <unistd.h>
#include "check.h"

static long long now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000LL + ts.tv_nsec / 1000000;
}

static const char *err(int r)
{
	if (r >= 0)
		return "ok";
	switch (errno) {
	case EEXIST: return "EEXIST";
	case ENOENT: return "ENOENT";
	case EBADF: return "EBADF";
	case EINVAL: return "EINVAL";
	case EPERM: return "EPERM";
	case ELOOP: return "ELOOP";
	case EFAULT: return "EFAULT";
	default: return "other";
	}
}

static int add(int ep, int fd, uint32_t events, uint64_t data)
{
	struct epoll_event ev = { .events = events, .data.u64 = data };
	return epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ev);
}

static int mod(int ep, int fd, uint32_t events, uint64_t data)
{
	struct epoll_event ev = { .events = events, .data.u64 = data };
	return epoll_ctl(ep, EPOLL_CTL_MOD, fd, &ev);
}

/* epoll_wait, printing what came back; events sorted by data for a stable order */
static int wait_print(int ep, const char *what, int timeout)
{
	struct epoll_event evs[8];
	int n = epoll_wait(ep, evs, 8, timeout);
	for (int i = 1; i < n; i++) {
		for (int j = i; j > 0 && evs[j - 1].data.u64 > evs[j].data.u64; j--) {
			struct epoll_event t = evs[j];
			evs[j] = evs[j - 1];
			evs[j - 1] = t;
		}
	}
	printf("%s: %d", what, n);
	for (int i = 0; i < n; i++)
		printf(" [%#x data %#llx]", evs[i].events, (unsigned long long)evs[i].data.u64);
	printf("\n");
	return n;
}

static void create_and_ctl_errors(void)
{
	int ep = epoll_create1(0), p[2];
	CHECK(ep >= 0, "epoll_create1");
	int e = epoll_create1(EPOLL_CLOEXEC);
	printf("epoll_create1(EPOLL_CLOEXEC): FD_CLOEXEC %d\n", fcntl(e, F_GETFD));
	close(e);
	printf("epoll_create1(1): %s\n", err(epoll_create1(1)));
	printf("epoll_create(0): %s\n", err(epoll_create(0)));
	int e1 = epoll_create(1);
	printf("epoll_create(1): %s\n", err(e1));
	close(e1);
	CHECK(pipe(p) == 0, "pipe");
	printf("ADD: %s\n", err(add(ep, p[0], EPOLLIN, 1)));
	printf("ADD again: %s\n", err(add(ep, p[0], EPOLLIN, 1)));
	printf("MOD unknown: %s\n", err(mod(ep, p[1], EPOLLOUT, 2)));
	printf("DEL unknown: %s\n", err(epoll_ctl(ep, EPOLL_CTL_DEL, p[1], NULL)));
	printf("ADD epfd to itself: %s\n", err(add(ep, ep, EPOLLIN, 3)));
	printf("ADD through a pipe as epfd: %s\n", err(add(p[0], p[1], EPOLLOUT, 3)));
	int bad = dup(0);
	close(bad);
	printf("ADD a closed fd: %s\n", err(add(ep, bad, EPOLLIN, 3)));
	printf("ADD on a closed epfd: %s\n", err(add(bad, p[0], EPOLLIN, 3)));
	printf("bad op: %s\n", err(epoll_ctl(ep, 99, p[1], &(struct epoll_event){ 0 })));
	char name[] = "/tmp/epoll_basic_XXXXXX";
	int f = mkstemp(name);
	unlink(name);
	printf("ADD a regular file: %s\n", err(add(ep, f, EPOLLIN, 3)));
	close(f);
	f = open("/tmp", O_RDONLY | O_DIRECTORY);
	printf("ADD a directory: %s\n", err(add(ep, f, EPOLLIN, 3)));
	close(f);
	printf("ADD EPOLLEXCLUSIVE|EPOLLIN: %s\n", err(add(ep, p[1], EPOLLEXCLUSIVE | EPOLLOUT, 4)));
	printf("MOD it: %s\n", err(mod(ep, p[1], EPOLLEXCLUSIVE | EPOLLOUT, 4)));
	printf("DEL: %s, ", err(epoll_ctl(ep, EPOLL_CTL_DEL, p[1], NULL)));
	printf("DEL again: %s\n", err(epoll_ctl(ep, EPOLL_CTL_DEL, p[1], NULL)));
	printf("ADD EPOLLEXCLUSIVE|EPOLLPRI: %s\n", err(add(ep, p[1], EPOLLEXCLUSIVE | EPOLLPRI, 4)));
	struct epoll_event evs[1];
	printf("epoll_wait maxevents 0: %s\n", err(epoll_wait(ep, evs, 0, 0)));
	printf("epoll_wait on a pipe: %s\n", err(epoll_wait(p[0], evs, 1, 0)));
	close(p[0]);
	close(p[1]);
	close(ep);
}

static void triggers(void)
{
	int ep = epoll_create1(0), lt[2], et[2], os[2];
	char buf[16];
	CHECK(pipe(lt) == 0 && pipe(et) == 0 && pipe(os) == 0, "pipes");
	CHECK(add(ep, lt[0], EPOLLIN, 0x1122334455667788ULL) == 0, "ADD lt");
	CHECK(add(ep, et[0], EPOLLIN | EPOLLET, 0xe7) == 0, "ADD et");
	CHECK(add(ep, os[0], EPOLLIN | EPOLLONESHOT, 0x05) == 0, "ADD oneshot");
	wait_print(ep, "nothing yet", 0);
	CHECK(write(lt[1], "ab", 2) == 2 && write(et[1], "ab", 2) == 2 && write(os[1], "ab", 2) == 2,
	      "writes");
	wait_print(ep, "all three", 0);
	wait_print(ep, "again: level only", 0);
	CHECK(read(lt[0], buf, 1) == 1 && read(et[0], buf, 1) == 1 && read(os[0], buf, 1) == 1,
	      "read 1");
	wait_print(ep, "after reading half", 0);
	CHECK(write(et[1], "c", 1) == 1 && write(os[1], "c", 1) == 1, "write more");
	wait_print(ep, "new data: level and edge", 0);
	CHECK(mod(ep, os[0], EPOLLIN | EPOLLONESHOT, 0x06) == 0, "MOD re-arms");
	wait_print(ep, "oneshot re-armed", 0);
	CHECK(read(lt[0], buf, sizeof buf) == 1, "drain lt");
	wait_print(ep, "level drained", 0);

	struct epoll_event one[1];
	CHECK(write(lt[1], "x", 1) == 1 && write(et[1], "x", 1) == 1, "writes");
	int n1 = epoll_wait(ep, one, 1, 0);
	uint64_t d1 = one[0].data.u64;
	int n2 = epoll_wait(ep, one, 1, 0);
	uint64_t d2 = one[0].data.u64;
	printf("maxevents 1, twice: %d %d, different items: %s\n", n1, n2, d1 != d2 ? "yes" : "no");
	CHECK(mod(ep, lt[0], EPOLLOUT, 0x10) == 0, "MOD to EPOLLOUT");
	wait_print(ep, "level item now asks EPOLLOUT of a read end", 0);
	CHECK(epoll_ctl(ep, EPOLL_CTL_DEL, lt[0], NULL) == 0, "DEL");
	CHECK(epoll_ctl(ep, EPOLL_CTL_DEL, et[0], NULL) == 0, "DEL");
	wait_print(ep, "after DEL", 0);
	for (int i = 0; i < 2; i++) {
		close(lt[i]);
		close(et[i]);
		close(os[i]);
	}
	close(ep);
}

static void hangups_and_close(void)
{
	int ep = epoll_create1(0), a[2], b[2], c[2];
	CHECK(pipe(a) == 0 && pipe(b) == 0 && pipe(c) == 0, "pipes");
	CHECK(add(ep, a[0], EPOLLIN | EPOLLRDHUP, 0xa0) == 0, "ADD a[0]");
	CHECK(add(ep, b[1], EPOLLOUT, 0xb1) == 0, "ADD b[1]");
	wait_print(ep, "writable write end", 0);
	close(a[1]);
	close(b[0]);
	wait_print(ep, "write end of a closed, read end of b closed", 0);
	CHECK(epoll_ctl(ep, EPOLL_CTL_DEL, b[1], NULL) == 0, "DEL b[1]");

	CHECK(add(ep, c[0], EPOLLIN, 0xc0) == 0, "ADD c[0]");
	int d = dup(c[0]);
	CHECK(write(c[1], "q", 1) == 1, "write c");
	close(c[0]);
	wait_print(ep, "c[0] closed but a dup keeps the file", 0);
	printf("DEL through the closed fd: %s\n", err(epoll_ctl(ep, EPOLL_CTL_DEL, c[0], NULL)));
	close(d);
	wait_print(ep, "last descriptor closed", 0);
	close(a[0]);
	close(c[1]);
	close(ep);
}

static void nested(void)
{
	int outer = epoll_create1(0), inner = epoll_create1(0), p[2], n;
	char ch;
	CHECK(pipe(p) == 0, "pipe");
	CHECK(add(inner, p[0], EPOLLIN, 0x1) == 0, "ADD pipe to inner");
	CHECK(add(outer, inner, EPOLLIN, 0x2) == 0, "ADD inner to outer");
	printf("ADD outer to inner: %s\n", err(add(inner, outer, EPOLLIN, 0x3)));
	wait_print(outer, "outer, inner empty", 0);
	struct pollfd pf = { .fd = inner, .events = POLLIN };
	n = poll(&pf, 1, 0);
	printf("poll(inner): %d %#x\n", n, pf.revents);
	CHECK(write(p[1], "n", 1) == 1, "write");
	wait_print(outer, "outer, inner ready", 0);
	n = poll(&pf, 1, 0);
	printf("poll(inner): %d %#x\n", n, pf.revents);
	wait_print(inner, "inner itself", 0);
	CHECK(read(p[0], &ch, 1) == 1, "read");
	wait_print(outer, "outer, inner drained", 0);

	/* a chain too deep: 6 sets */
	int chain[6];
	chain[0] = epoll_create1(0);
	const char *res = "ok";
	for (int i = 1; i < 6; i++) {
		chain[i] = epoll_create1(0);
		int r = add(chain[i], chain[i - 1], EPOLLIN, (uint64_t)i);
		if (r < 0) {
			printf("chain: adding level %d: %s\n", i, err(r));
			res = "stopped";
			break;
		}
	}
	printf("chain: %s\n", res);
	for (int i = 0; i < 6; i++)
		close(chain[i]);
	close(p[0]);
	close(p[1]);
	close(inner);
	close(outer);
}

static void *write_later(void *arg)
{
	usleep(30000);
	CHECK(write(*(int *)arg, "w", 1) == 1, "write from the thread");
	return NULL;
}

static void blocking(void)
{
	int ep = epoll_create1(0), p[2];
	pthread_t th;
	CHECK(pipe(p) == 0, "pipe");
	CHECK(add(ep, p[0], EPOLLIN, 0x77) == 0, "ADD");
	long long t0 = now_ms();
	int n = epoll_wait(ep, (struct epoll_event[1]){}, 1, 60);
	printf("timeout 60 ms: %d, waited enough: %s\n", n, now_ms() - t0 >= 55 ? "yes" : "no");
	CHECK(pthread_create(&th, NULL, write_later, &p[1]) == 0, "pthread_create");
	wait_print(ep, "woken by a writer", -1);
	pthread_join(th, NULL);
	CHECK(epoll_ctl(ep, EPOLL_CTL_DEL, p[0], NULL) == 0, "DEL");

	int tfd = timerfd_create(CLOCK_MONOTONIC, TFD_NONBLOCK);
	struct itimerspec its = { .it_value = { 0, 40 * 1000000 } };
	CHECK(timerfd_settime(tfd, 0, &its, NULL) == 0, "timerfd_settime");
	CHECK(add(ep, tfd, EPOLLIN | EPOLLET, 0x7f) == 0, "ADD timerfd");
	t0 = now_ms();
	wait_print(ep, "timerfd 40 ms", -1);
	printf("timerfd waited enough: %s\n", now_ms() - t0 >= 35 ? "yes" : "no");

	int efd = eventfd(0, EFD_NONBLOCK);
	CHECK(add(ep, efd, EPOLLIN | EPOLLOUT, 0xef) == 0, "ADD eventfd");
	wait_print(ep, "eventfd at 0 (and timerfd, edge, reported already)", 0);
	uint64_t v = 3;
	CHECK(write(efd, &v, 8) == 8, "eventfd write");
	wait_print(ep, "eventfd at 3", 0);
	CHECK(mod(ep, efd, EPOLLIN | EPOLLET, 0xee) == 0, "MOD eventfd to edge");
	wait_print(ep, "eventfd edge, after MOD", 0);
	CHECK(read(efd, &v, 8) == 8, "eventfd read");
	wait_print(ep, "eventfd edge, after a read", 0);
	CHECK(write(efd, &v, 8) == 8, "eventfd write");
	wait_print(ep, "eventfd edge, after a write", 0);

	sigset_t mask;
	sigemptyset(&mask);
	n = epoll_pwait(ep, (struct epoll_event[2]){}, 2, 0, &mask);
	printf("epoll_pwait with a mask: %d\n", n);
	close(efd);
	close(tfd);
	close(p[0]);
	close(p[1]);
	close(ep);
}

int main(void)
{
	setvbuf(stdout, NULL, _IONBF, 0);
	create_and_ctl_errors();
	triggers();
	hangups_and_close();
	nested();
	blocking();
	return check_done();
}
