/* pipe2: O_CLOEXEC sets FD_CLOEXEC on both ends, O_NONBLOCK sets the
 * status flag on both; other flags are EINVAL. */
#define _GNU_SOURCE
#include "compat.h"
#include <fcntl.h>
#include <unistd.h>

int main(void)
{
	int p[2];
	CHECK_OK(pipe2(p, O_CLOEXEC));
	printf("O_CLOEXEC: FD_CLOEXEC %d %d, O_NONBLOCK %d %d\n", fcntl(p[0], F_GETFD),
	       fcntl(p[1], F_GETFD), !!(fcntl(p[0], F_GETFL) & O_NONBLOCK),
	       !!(fcntl(p[1], F_GETFL) & O_NONBLOCK));
	int q[2];
	CHECK_OK(pipe2(q, O_NONBLOCK));
	printf("O_NONBLOCK: FD_CLOEXEC %d %d, O_NONBLOCK %d %d\n", fcntl(q[0], F_GETFD),
	       fcntl(q[1], F_GETFD), !!(fcntl(q[0], F_GETFL) & O_NONBLOCK),
	       !!(fcntl(q[1], F_GETFL) & O_NONBLOCK));
	int r[2];
	CHECK_OK(pipe2(r, 0));
	printf("0: FD_CLOEXEC %d, O_NONBLOCK %d\n", fcntl(r[0], F_GETFD),
	       !!(fcntl(r[0], F_GETFL) & O_NONBLOCK));
	CHECK_ERR(pipe2(r, O_APPEND), EINVAL);
	CHECK_ERR(pipe2(r, O_RDWR), EINVAL);
	CHECK_ERR(pipe2(r, 0x1000000), EINVAL);
	return compat_done();
}
