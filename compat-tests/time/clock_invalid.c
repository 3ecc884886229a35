// time/clock_invalid.c - clock ids that name no clock (12, 15, 100, 0x7fff;
// not 16..23, the auxiliary clocks of Linux 6.17 and later)
// make clock_gettime and clock_getres fail with EINVAL, and
// clock_nanosleep return EINVAL.
#define _GNU_SOURCE
#include <time.h>
#include "compat.h"

int main(void)
{
	static const clockid_t bad[] = { 12, 15, 100, 0x7fff };
	for (unsigned i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		struct timespec t, d = { 0, 1000 };
		CHECK_ERR(clock_gettime(bad[i], &t), EINVAL);
		CHECK_ERR(clock_getres(bad[i], &t), EINVAL);
		int r = clock_nanosleep(bad[i], 0, &d, NULL);
		printf("clock %d: clock_nanosleep gives %s\n", (int)bad[i], errno_name(r));
	}
	return compat_done();
}
