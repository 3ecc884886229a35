/*
 * eventfd_counter.c - an eventfd is a 64-bit counter: it starts at the
 * initial value, each 8-byte write adds to it, and an 8-byte read returns
 * the whole value and resets it to 0.
 */
#include <stdint.h>
#include <sys/eventfd.h>
#include <unistd.h>
#include "compat.h"

int main(void)
{
	int e = eventfd(5, EFD_NONBLOCK);
	CHECK_OK(e);
	uint64_t v = 0;
	ssize_t r = read(e, &v, 8);
	printf("read: %zd value %llu\n", r, (unsigned long long)v);

	uint64_t add[] = { 1, 2, 1000000000000ULL };
	for (int i = 0; i < 3; i++)
		CHECK(write(e, &add[i], 8) == 8, "write %d", i);
	v = 0;
	r = read(e, &v, 8);
	printf("read after 3 writes: %zd value %llu\n", r, (unsigned long long)v);
	CHECK_ERR(read(e, &v, 8), EAGAIN);

	uint64_t zero = 0;
	printf("write 0: %zd\n", write(e, &zero, 8));
	CHECK_ERR(read(e, &v, 8), EAGAIN);

	/* eventfd_read/eventfd_write are the libc's wrappers of the same */
	CHECK_OK(eventfd_write(e, 7));
	eventfd_t got = 0;
	CHECK_OK(eventfd_read(e, &got));
	printf("eventfd_read: %llu\n", (unsigned long long)got);
	return compat_done();
}
