/*
 * clocks.c - time: CLOCK_MONOTONIC never goes back over many reads and
 * advances, nanosleep and clock_nanosleep (relative and absolute) sleep at
 * least what was asked, clock_getres gives a fine resolution, the real-time
 * clock and gettimeofday/time agree and are past 2020, the CPU-time clocks
 * move while spinning, and bad arguments give EINVAL. Prints verdicts only.
 */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>
#include "check.h"

static int64_t ns(clockid_t c)
{
	struct timespec ts;
	if (clock_gettime(c, &ts) != 0)
		return -1;
	return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static const char *yesno(int b) { return b ? "yes" : "no"; }

int main(void)
{
	setvbuf(stdout, NULL, _IOLBF, 0);

	/* monotonic: non-decreasing over many reads, and it moves */
	int64_t first = ns(CLOCK_MONOTONIC), prev = first;
	int backwards = 0;
	for (int i = 0; i < 100000; i++) {
		int64_t now = ns(CLOCK_MONOTONIC);
		backwards += now < prev;
		prev = now;
	}
	printf("monotonic: 100000 reads, went back %d times, advanced %s\n", backwards,
	       yesno(prev > first));
	CHECK(first > 0 && backwards == 0 && prev > first, "monotonic");
	int64_t b0 = ns(CLOCK_BOOTTIME), r0 = ns(CLOCK_MONOTONIC_RAW), c0 = ns(CLOCK_MONOTONIC_COARSE);
	printf("boottime, monotonic_raw, monotonic_coarse readable: %s\n",
	       yesno(b0 > 0 && r0 > 0 && c0 > 0));
	CHECK(b0 > 0 && r0 > 0 && c0 > 0, "other monotonic clocks");

	/* resolution */
	struct timespec res = { -1, -1 };
	CHECK(clock_getres(CLOCK_MONOTONIC, &res) == 0, "clock_getres");
	int fine = res.tv_sec == 0 && res.tv_nsec > 0 && res.tv_nsec <= 1000000;
	printf("clock_getres(MONOTONIC): positive and at most 1 ms: %s\n", yesno(fine));
	CHECK(fine, "monotonic resolution %ld.%09ld", (long)res.tv_sec, res.tv_nsec);
	res.tv_sec = res.tv_nsec = -1;
	CHECK(clock_getres(CLOCK_REALTIME, &res) == 0 && res.tv_sec == 0 && res.tv_nsec > 0 &&
		      res.tv_nsec <= 1000000,
	      "realtime resolution");

	/* nanosleep: at least the requested time, and not absurdly more */
	struct timespec req = { 0, 30 * 1000 * 1000 }, rem = { 7, 7 };
	int64_t t0 = ns(CLOCK_MONOTONIC);
	CHECK(nanosleep(&req, &rem) == 0, "nanosleep");
	int64_t slept = ns(CLOCK_MONOTONIC) - t0;
	printf("nanosleep 30 ms: slept at least 30 ms: %s, under 2 s: %s\n",
	       yesno(slept >= 30000000), yesno(slept < 2000000000));
	CHECK(slept >= 30000000 && slept < 2000000000, "nanosleep took %lld ns", (long long)slept);

	t0 = ns(CLOCK_MONOTONIC);
	req.tv_nsec = 15 * 1000 * 1000;
	CHECK(clock_nanosleep(CLOCK_MONOTONIC, 0, &req, NULL) == 0, "clock_nanosleep relative");
	slept = ns(CLOCK_MONOTONIC) - t0;
	printf("clock_nanosleep relative 15 ms: at least 15 ms: %s\n", yesno(slept >= 15000000));
	CHECK(slept >= 15000000, "clock_nanosleep took %lld ns", (long long)slept);

	struct timespec until;
	clock_gettime(CLOCK_MONOTONIC, &until);
	until.tv_nsec += 25 * 1000 * 1000;
	if (until.tv_nsec >= 1000000000) {
		until.tv_sec++;
		until.tv_nsec -= 1000000000;
	}
	CHECK(clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &until, NULL) == 0,
	      "clock_nanosleep absolute");
	int64_t after = ns(CLOCK_MONOTONIC);
	int64_t want = (int64_t)until.tv_sec * 1000000000 + until.tv_nsec;
	printf("clock_nanosleep absolute: woke at or after the deadline: %s\n", yesno(after >= want));
	CHECK(after >= want, "absolute sleep woke early");

	t0 = ns(CLOCK_MONOTONIC);
	usleep(10000);
	slept = ns(CLOCK_MONOTONIC) - t0;
	printf("usleep 10 ms: at least 10 ms: %s\n", yesno(slept >= 10000000));
	CHECK(slept >= 10000000, "usleep");

	/* invalid arguments */
	req.tv_sec = 0;
	req.tv_nsec = 1000000000;
	errno = 0;
	CHECK(nanosleep(&req, NULL) == -1 && errno == EINVAL, "nanosleep tv_nsec 1e9");
	struct timespec ts;
	int r = clock_gettime((clockid_t)12345, &ts);
	printf("clock_gettime(bad clock) fails with EINVAL: %s\n", yesno(r == -1 && errno == EINVAL));
	CHECK(r == -1 && errno == EINVAL, "bad clock id");

	/* wall clock */
	struct timeval tv;
	CHECK(gettimeofday(&tv, NULL) == 0, "gettimeofday");
	int64_t rt = ns(CLOCK_REALTIME);
	time_t tt = time(NULL);
	int64_t tvns = (int64_t)tv.tv_sec * 1000000000 + (int64_t)tv.tv_usec * 1000;
	int agree = rt - tvns >= 0 && rt - tvns < 5000000000LL && tt - tv.tv_sec >= 0 &&
		    tt - tv.tv_sec < 5;
	printf("realtime after 2020: %s, agrees with gettimeofday and time: %s\n",
	       yesno(rt / 1000000000 > 1577836800), yesno(agree));
	CHECK(rt / 1000000000 > 1577836800 && agree, "wall clock");

	/* CPU time moves while spinning */
	int64_t p0 = ns(CLOCK_PROCESS_CPUTIME_ID), th0 = ns(CLOCK_THREAD_CPUTIME_ID);
	volatile unsigned long spin = 0;
	int64_t s0 = ns(CLOCK_MONOTONIC);
	while (ns(CLOCK_MONOTONIC) - s0 < 20000000)
		spin++;
	int64_t p1 = ns(CLOCK_PROCESS_CPUTIME_ID), th1 = ns(CLOCK_THREAD_CPUTIME_ID);
	printf("process and thread CPU clocks advance while spinning: %s\n",
	       yesno(p0 >= 0 && th0 >= 0 && p1 > p0 && th1 > th0));
	CHECK(p0 >= 0 && th0 >= 0 && p1 > p0 && th1 > th0, "cpu clocks");
	return check_done();
}
