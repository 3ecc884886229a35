/*
 * poll_errors.c - poll(2)'s documented errors: EFAULT for an array outside
 * the address space, EINVAL when nfds exceeds RLIMIT_NOFILE.
 */
#include <poll.h>
#include <sys/resource.h>
#include <unistd.h>
#include "compat.h"

int main(void)
{
	struct pollfd *volatile unmapped = (struct pollfd *)8;
	CHECK_ERR(poll(unmapped, 1, 0), EFAULT);

	struct rlimit rl = { .rlim_cur = 32, .rlim_max = 32 };
	CHECK_OK(setrlimit(RLIMIT_NOFILE, &rl));
	static struct pollfd many[40];
	for (int i = 0; i < 40; i++)
		many[i].fd = -1;
	CHECK_ERR(poll(many, 40, 0), EINVAL);
	printf("nfds == limit: poll %d\n", poll(many, 32, 0));
	return compat_done();
}
