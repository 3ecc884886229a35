// time/nanosleep_invalid.c - nanosleep rejects a timespec with tv_nsec of
// 1e9 or more, a negative tv_nsec or a negative tv_sec with EINVAL,
// at once; a zero request returns 0 at once.
#define _GNU_SOURCE
#include <time.h>
#include "compat.h"

int main(void)
{
	struct timespec t;
	t = (struct timespec){ 0, 1000000000 };
	CHECK_ERR(nanosleep(&t, NULL), EINVAL);
	t = (struct timespec){ 0, -1 };
	CHECK_ERR(nanosleep(&t, NULL), EINVAL);
	t = (struct timespec){ -1, 0 };
	CHECK_ERR(nanosleep(&t, NULL), EINVAL);
	t = (struct timespec){ 5, 2000000000 };
	CHECK_ERR(nanosleep(&t, NULL), EINVAL);
	t = (struct timespec){ 0, 0 };
	CHECK_OK(nanosleep(&t, NULL));
	printf("done\n");
	return compat_done();
}
