/*
 * eventfd_nonblock.c - EFD_NONBLOCK: reading a zero counter fails with
 * EAGAIN instead of blocking; the flag shows as O_NONBLOCK in F_GETFL,
 * and setting O_NONBLOCK with F_SETFL on a blocking eventfd has the same
 * effect.
 */
#include <fcntl.h>
#include <stdint.h>
#include <sys/eventfd.h>
#include <unistd.h>
#include "compat.h"

int main(void)
{
	uint64_t v;
	int a = eventfd(0, EFD_NONBLOCK);
	CHECK_OK(a);
	CHECK_ERR(read(a, &v, 8), EAGAIN);
	printf("EFD_NONBLOCK: O_NONBLOCK set: %s\n", fcntl(a, F_GETFL) & O_NONBLOCK ? "yes" : "no");

	int b = eventfd(0, 0);
	CHECK_OK(b);
	printf("flags 0: O_NONBLOCK set: %s\n", fcntl(b, F_GETFL) & O_NONBLOCK ? "yes" : "no");
	CHECK_OK(fcntl(b, F_SETFL, O_NONBLOCK));
	CHECK_ERR(read(b, &v, 8), EAGAIN);
	printf("EFD_NONBLOCK == O_NONBLOCK: %s\n", EFD_NONBLOCK == O_NONBLOCK ? "yes" : "no");
	return compat_done();
}
