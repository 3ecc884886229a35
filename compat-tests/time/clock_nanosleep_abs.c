// time/clock_nanosleep_abs.c - clock_nanosleep with TIMER_ABSTIME returns 0
// at once for a deadline in the past (1 ns after the clock's epoch, and
// "now" just read; on MONOTONIC and REALTIME), and for a deadline 30 ms
// ahead returns 0 no earlier than the deadline.
#define _GNU_SOURCE
#include <time.h>
#include "compat.h"

static long long ns(struct timespec t) { return t.tv_sec * 1000000000LL + t.tv_nsec; }

int main(void)
{
	struct timespec now, past, after;
	for (int c = 0; c < 2; c++) {
		clockid_t id = c ? CLOCK_REALTIME : CLOCK_MONOTONIC;
		clock_gettime(id, &now);
		past = (struct timespec){ 0, 1 };
		int r1 = clock_nanosleep(id, TIMER_ABSTIME, &past, NULL);
		int r2 = clock_nanosleep(id, TIMER_ABSTIME, &now, NULL);
		clock_gettime(id, &after);
		printf("%s past deadlines: return %s %s, quickly (< 20ms): %s\n", c ? "REALTIME" : "MONOTONIC",
		       errno_name(r1), errno_name(r2), ns(after) - ns(now) < 20000000 ? "yes" : "no");
	}
	clock_gettime(CLOCK_MONOTONIC, &now);
	struct timespec dl = now;
	dl.tv_nsec += 30000000;
	if (dl.tv_nsec >= 1000000000) {
		dl.tv_nsec -= 1000000000;
		dl.tv_sec++;
	}
	int r = clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &dl, NULL);
	clock_gettime(CLOCK_MONOTONIC, &after);
	printf("future deadline: returns %s, not early: %s\n", errno_name(r), ns(after) >= ns(dl) ? "yes" : "no");
	return compat_done();
}
