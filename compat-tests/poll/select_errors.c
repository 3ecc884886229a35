/*
 * select_errors.c - select(2) fails with EBADF when a set names a
 * descriptor that is not open, and with EINVAL for a negative nfds.
 */
#include <sys/select.h>
#include <unistd.h>
#include "compat.h"

int main(void)
{
	int p[2];
	CHECK_OK(pipe(p));
	int bad = dup(p[0]);
	CHECK_OK(close(bad));

	fd_set r;
	struct timeval tv = { 0, 0 };
	FD_ZERO(&r);
	FD_SET(bad, &r);
	FD_SET(p[0], &r);
	CHECK_ERR(select(bad + 1, &r, NULL, NULL, &tv), EBADF);

	fd_set w;
	FD_ZERO(&w);
	FD_SET(bad, &w);
	tv = (struct timeval){ 0, 0 };
	CHECK_ERR(select(bad + 1, NULL, &w, NULL, &tv), EBADF);

	tv = (struct timeval){ 0, 0 };
	CHECK_ERR(select(-1, NULL, NULL, NULL, &tv), EINVAL);

	/* a closed fd at or above nfds is not looked at (bad > p[0]: lowest free fd after the pipe) */
	FD_ZERO(&r);
	FD_SET(p[0], &r);
	FD_SET(bad, &r);
	tv = (struct timeval){ 0, 0 };
	printf("bad fd beyond nfds: select %d\n", select(p[0] + 1, &r, NULL, NULL, &tv));
	return compat_done();
}
