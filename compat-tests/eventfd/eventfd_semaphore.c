/*
 * eventfd_semaphore.c - with EFD_SEMAPHORE each read returns 1 and
 * decrements the counter by one, until it is 0 (then EAGAIN when
 * non-blocking).
 */
#include <stdint.h>
#include <sys/eventfd.h>
#include <unistd.h>
#include "compat.h"

int main(void)
{
	int e = eventfd(2, EFD_SEMAPHORE | EFD_NONBLOCK);
	CHECK_OK(e);
	uint64_t v = 1;
	CHECK(write(e, &v, 8) == 8, "write");
	for (int i = 0; i < 3; i++) {
		v = 99;
		ssize_t n = read(e, &v, 8);
		printf("read %d: %zd value %llu\n", i, n, (unsigned long long)v);
	}
	CHECK_ERR(read(e, &v, 8), EAGAIN);
	v = 5;
	CHECK(write(e, &v, 8) == 8, "write");
	v = 0;
	ssize_t r = read(e, &v, 8);
	printf("after writing 5: %zd value %llu\n", r, (unsigned long long)v);
	return compat_done();
}
