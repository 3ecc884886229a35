/*
 * poll_timeout.c - poll(2) with nothing ready: timeout 0 returns 0 at
 * once; a positive timeout returns 0 after at least that many
 * milliseconds; nfds 0 with a timeout is a plain sleep.
 */
#include <poll.h>
#include <time.h>
#include <unistd.h>
#include "compat.h"

static long long now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000LL + ts.tv_nsec / 1000000;
}

int main(void)
{
	int p[2];
	CHECK_OK(pipe(p));
	struct pollfd pfd = { .fd = p[0], .events = POLLIN };

	long long t0 = now_ms();
	int n = poll(&pfd, 1, 0);
	printf("timeout 0: poll %d, quick: %s\n", n, now_ms() - t0 < 1000 ? "yes" : "no");

	t0 = now_ms();
	n = poll(&pfd, 1, 100);
	long long dt = now_ms() - t0;
	printf("timeout 100: poll %d revents %#x, waited >= 100ms: %s\n", n, pfd.revents,
	       dt >= 100 ? "yes" : "no");

	t0 = now_ms();
	n = poll(NULL, 0, 50);
	dt = now_ms() - t0;
	printf("nfds 0 timeout 50: poll %d, waited >= 50ms: %s\n", n, dt >= 50 ? "yes" : "no");
	return compat_done();
}
