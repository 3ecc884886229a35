/*
 * getrandom_basic.c - getrandom(2) fills the buffer: requests of up to
 * 256 bytes are always filled completely (with and without
 * GRND_NONBLOCK), two results differ, a zero-length request returns 0,
 * a larger request returns a positive count; GRND_RANDOM also works.
 */
#include <string.h>
#include <sys/random.h>
#include "compat.h"

int main(void)
{
	unsigned char a[256], b[256];
	memset(a, 0, sizeof a);
	memset(b, 0, sizeof b);
	printf("16 bytes: %zd\n", getrandom(a, 16, 0));
	printf("256 bytes: %zd\n", getrandom(a, 256, 0));
	printf("256 bytes, GRND_NONBLOCK: %zd\n", getrandom(b, 256, GRND_NONBLOCK));
	printf("results differ: %s\n", memcmp(a, b, sizeof a) ? "yes" : "no");
	int zeros = 0;
	for (int i = 0; i < 256; i++)
		zeros += a[i] == 0;
	printf("not mostly zero: %s\n", zeros < 32 ? "yes" : "no");
	printf("0 bytes: %zd\n", getrandom(a, 0, 0));

	static unsigned char big[1 << 20];
	ssize_t n = getrandom(big, sizeof big, 0);
	printf("1 MiB: > 0: %s, <= 1 MiB: %s\n", n > 0 ? "yes" : "no", n <= (ssize_t)sizeof big ? "yes" : "no");
	n = getrandom(a, 16, GRND_RANDOM);
	printf("GRND_RANDOM 16: > 0: %s\n", n > 0 ? "yes" : "no");
	return compat_done();
}
