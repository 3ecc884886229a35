/*
 * eventfd_overflow.c - the counter's limit is 2^64-2: writing 2^64-1
 * fails with EINVAL, a write that would pass the limit fails with EAGAIN
 * on a non-blocking eventfd, and one that reaches it exactly works.
 */
#include <stdint.h>
#include <sys/eventfd.h>
#include <unistd.h>
#include "compat.h"

int main(void)
{
	int e = eventfd(0, EFD_NONBLOCK);
	CHECK_OK(e);
	uint64_t v = UINT64_MAX;
	CHECK_ERR(write(e, &v, 8), EINVAL);

	v = UINT64_MAX - 2;
	CHECK(write(e, &v, 8) == 8, "write max-2");
	v = 2;
	CHECK_ERR(write(e, &v, 8), EAGAIN);
	v = 1;
	printf("write 1 to reach 2^64-2: %zd\n", write(e, &v, 8));
	CHECK_ERR(write(e, &v, 8), EAGAIN);
	v = 0;
	printf("write 0 at the limit: %zd\n", write(e, &v, 8));
	ssize_t r = read(e, &v, 8);
	printf("read: %zd value is 2^64-2: %s\n", r, v == UINT64_MAX - 1 ? "yes" : "no");
	return compat_done();
}
