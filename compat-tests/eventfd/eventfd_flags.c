/*
 * eventfd_flags.c - eventfd2's flags: unknown bits fail with EINVAL;
 * EFD_CLOEXEC sets FD_CLOEXEC; no flags leaves it clear. The initial
 * value is an unsigned int.
 */
#include <fcntl.h>
#include <stdint.h>
#include <sys/eventfd.h>
#include <unistd.h>
#include "compat.h"

int main(void)
{
	CHECK_ERR(eventfd(0, 0x10), EINVAL);
	CHECK_ERR(eventfd(0, EFD_CLOEXEC | 0x2), EINVAL);

	int a = eventfd(0, EFD_CLOEXEC), b = eventfd(0, 0);
	CHECK_OK(a); CHECK_OK(b);
	printf("EFD_CLOEXEC: FD_CLOEXEC %d\n", fcntl(a, F_GETFD) & FD_CLOEXEC);
	printf("0: FD_CLOEXEC %d\n", fcntl(b, F_GETFD) & FD_CLOEXEC);

	int c = eventfd(0xffffffffu, EFD_NONBLOCK);
	CHECK_OK(c);
	uint64_t v = 0;
	CHECK(read(c, &v, 8) == 8, "read");
	printf("initial 0xffffffff: %#llx\n", (unsigned long long)v);
	return compat_done();
}
