/*
 * timerfd_basic.c - timerfd_create/settime/gettime: a one-shot timer read
 * blocking and non-blocking, an interval timer whose expirations add up
 * (also while nobody reads), TFD_TIMER_ABSTIME on CLOCK_MONOTONIC and on
 * CLOCK_REALTIME (in the past: the missed intervals are counted at once),
 * gettime's time left and interval, settime's old value, disarming, poll,
 * and the errors (unknown clock or flags, bad timespec, not a timerfd,
 * short buffer). Times are printed only as "in range" checks, with ranges
 * wide enough for a slow emulator.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/timerfd.h>
#include <time.h>
#include <unistd.h>
#include "check.h"

#define MS 1000000L

static const char *err(long r)
{
	if (r >= 0)
		return "ok";
	return errno == EAGAIN ? "EAGAIN" : errno == EINVAL ? "EINVAL" : errno == EBADF ? "EBADF" : "other";
}

static long long ns(const struct timespec *t)
{
	return t->tv_sec * 1000000000LL + t->tv_nsec;
}

static long long now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ns(&ts) / MS;
}

static int set(int fd, int flags, long long value_ns, long long interval_ns, struct itimerspec *old)
{
	struct itimerspec its = {
		.it_value = { value_ns / 1000000000LL, value_ns % 1000000000LL },
		.it_interval = { interval_ns / 1000000000LL, interval_ns % 1000000000LL },
	};
	return timerfd_settime(fd, flags, &its, old);
}

static long rd(int fd, uint64_t *v)
{
	*v = 0;
	return read(fd, v, sizeof(*v));
}

static void errors(void)
{
	printf("create clock 99: %s\n", err(timerfd_create(99, 0)));
	printf("create CLOCK_PROCESS_CPUTIME_ID: %s\n", err(timerfd_create(CLOCK_PROCESS_CPUTIME_ID, 0)));
	printf("create bad flags: %s\n", err(timerfd_create(CLOCK_MONOTONIC, 0x1)));
	int fd = timerfd_create(CLOCK_BOOTTIME, TFD_CLOEXEC | TFD_NONBLOCK);
	printf("CLOCK_BOOTTIME: %s, FD_CLOEXEC %d, O_NONBLOCK %d\n", err(fd), fcntl(fd, F_GETFD),
	       !!(fcntl(fd, F_GETFL) & O_NONBLOCK));
	struct itimerspec bad = { .it_value = { 0, 1000000000 } };
	printf("settime tv_nsec 1e9: %s\n", err(timerfd_settime(fd, 0, &bad, NULL)));
	bad = (struct itimerspec){ .it_value = { -1, 0 } };
	printf("settime tv_sec -1: %s\n", err(timerfd_settime(fd, 0, &bad, NULL)));
	bad = (struct itimerspec){ .it_interval = { 0, -1 } };
	printf("settime bad interval: %s\n", err(timerfd_settime(fd, 0, &bad, NULL)));
	printf("settime bad flags: %s\n", err(set(fd, 0x4, MS, 0, NULL)));
	int efd = eventfd(0, 0);
	printf("settime on an eventfd: %s\n", err(set(efd, 0, MS, 0, NULL)));
	struct itimerspec cur;
	printf("gettime on an eventfd: %s\n", err(timerfd_gettime(efd, &cur)));
	close(efd);
	printf("settime on a closed fd: %s\n", err(set(efd, 0, MS, 0, NULL)));
	uint64_t v;
	char small[4];
	printf("read 4 bytes: %s\n", err(read(fd, small, 4)));
	printf("read unarmed: %s\n", err(rd(fd, &v)));
	CHECK(timerfd_gettime(fd, &cur) == 0, "gettime");
	printf("gettime unarmed: %lld %lld\n", ns(&cur.it_value), ns(&cur.it_interval));
	close(fd);
}

static void oneshot(void)
{
	struct itimerspec cur, old;
	uint64_t v;
	int fd = timerfd_create(CLOCK_MONOTONIC, 0);
	CHECK(fd >= 0, "timerfd_create");
	CHECK(set(fd, 0, 80 * MS, 0, &old) == 0, "settime");
	printf("old value of a new timer: %lld %lld\n", ns(&old.it_value), ns(&old.it_interval));
	CHECK(timerfd_gettime(fd, &cur) == 0, "gettime");
	printf("gettime armed: left in (0, 80 ms]: %s, interval %lld\n",
	       ns(&cur.it_value) > 0 && ns(&cur.it_value) <= 80 * MS ? "yes" : "no",
	       ns(&cur.it_interval));
	struct pollfd p = { .fd = fd, .events = POLLIN };
	printf("poll before: %d\n", poll(&p, 1, 0));
	fcntl(fd, F_SETFL, O_NONBLOCK);
	printf("non-blocking read before: %s\n", err(rd(fd, &v)));
	fcntl(fd, F_SETFL, 0);
	long long t0 = now_ms();
	long r = rd(fd, &v);
	printf("blocking read: %s %llu, waited: %s\n", err(r), (unsigned long long)v,
	       now_ms() - t0 >= 60 ? "yes" : "no");
	CHECK(timerfd_gettime(fd, &cur) == 0, "gettime");
	printf("gettime after expiry: %lld %lld\n", ns(&cur.it_value), ns(&cur.it_interval));

	CHECK(set(fd, 0, 10 * MS, 0, NULL) == 0, "settime");
	p.revents = 0;
	int n = poll(&p, 1, 2000);
	printf("poll until it fires: %d %#x\n", n, p.revents);
	long r1 = rd(fd, &v);
	printf("read: %s %llu\n", err(r1), (unsigned long long)v);

	CHECK(set(fd, 0, 5000 * MS, 300 * MS, NULL) == 0, "settime");
	CHECK(set(fd, 0, 0, 0, &old) == 0, "disarm");
	printf("disarm: old left in (4, 5] s: %s, old interval %lld\n",
	       ns(&old.it_value) > 4000 * MS && ns(&old.it_value) <= 5000 * MS ? "yes" : "no",
	       ns(&old.it_interval));
	CHECK(set(fd, 0, 0, 300 * MS, NULL) == 0, "interval only");
	CHECK(timerfd_gettime(fd, &cur) == 0, "gettime");
	printf("value 0 with an interval: %lld %lld\n", ns(&cur.it_value), ns(&cur.it_interval));
	close(fd);
}

static void intervals(void)
{
	uint64_t v, total = 0;
	struct itimerspec cur;
	int fd = timerfd_create(CLOCK_MONOTONIC, 0);
	CHECK(set(fd, 0, 20 * MS, 20 * MS, NULL) == 0, "settime");
	for (int i = 0; i < 3; i++) {
		CHECK(rd(fd, &v) == 8 && v >= 1, "interval read %d", i);
		total += v;
	}
	printf("three blocking reads: at least 3: %s\n", total >= 3 ? "yes" : "no");
	CHECK(timerfd_gettime(fd, &cur) == 0, "gettime");
	printf("gettime: left in (0, 20 ms]: %s, interval %lld\n",
	       ns(&cur.it_value) > 0 && ns(&cur.it_value) <= 20 * MS ? "yes" : "no",
	       ns(&cur.it_interval));
	usleep(200000);
	CHECK(rd(fd, &v) == 8, "read after sleeping");
	printf("after 200 ms unread: 8 to 14 expirations: %s\n", v >= 8 && v <= 14 ? "yes" : "no");
	close(fd);

	/* absolute, monotonic */
	struct timespec now;
	fd = timerfd_create(CLOCK_MONOTONIC, 0);
	clock_gettime(CLOCK_MONOTONIC, &now);
	CHECK(set(fd, TFD_TIMER_ABSTIME, ns(&now) + 30 * MS, 0, NULL) == 0, "abs settime");
	long long t0 = now_ms();
	long r = rd(fd, &v);
	printf("absolute monotonic: %s %llu, waited: %s\n", err(r), (unsigned long long)v,
	       now_ms() - t0 >= 20 ? "yes" : "no");
	close(fd);

	/* absolute, real time, one second in the past, every 10 ms: 101 at once */
	fd = timerfd_create(CLOCK_REALTIME, TFD_NONBLOCK);
	clock_gettime(CLOCK_REALTIME, &now);
	CHECK(set(fd, TFD_TIMER_ABSTIME | TFD_TIMER_CANCEL_ON_SET, ns(&now) - 1000 * MS, 10 * MS,
		  NULL) == 0, "abs realtime settime");
	struct pollfd p = { .fd = fd, .events = POLLIN };
	poll(&p, 1, 1000);
	CHECK(rd(fd, &v) == 8, "read realtime");
	printf("realtime, 1 s in the past every 10 ms: 100 to 115: %s\n",
	       v >= 100 && v <= 115 ? "yes" : "no");
	close(fd);
}

int main(void)
{
	setvbuf(stdout, NULL, _IONBF, 0);
	errors();
	oneshot();
	intervals();
	return check_done();
}
