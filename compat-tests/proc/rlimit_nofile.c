/*
 * rlimit_nofile.c - RLIMIT_NOFILE bounds descriptor numbers: with the
 * soft limit lowered to 8, creating a descriptor when 0-7 are in use
 * fails with EMFILE (open, dup, pipe); dup2 to a number >= the limit
 * fails with EBADF and F_DUPFD from such a number with EINVAL; raising
 * the soft limit again (up to the hard one) makes room.
 */
#include <fcntl.h>
#include <sys/resource.h>
#include <unistd.h>
#include "compat.h"

int main(void)
{
	struct rlimit old, rl;
	CHECK_OK(getrlimit(RLIMIT_NOFILE, &old));
	rl = old;
	rl.rlim_cur = 8;
	CHECK_OK(setrlimit(RLIMIT_NOFILE, &rl));
	CHECK_OK(getrlimit(RLIMIT_NOFILE, &rl));
	printf("soft limit now: %llu, hard unchanged: %s\n", (unsigned long long)rl.rlim_cur,
	       rl.rlim_max == old.rlim_max ? "yes" : "no");

	int last = -1, fd;
	while ((fd = open("/dev/null", O_RDONLY)) >= 0)
		last = fd;
	printf("open until failure: errno %s, last fd %d\n", errno_name(errno), last);
	CHECK_ERR(dup(0), EMFILE);
	int p[2];
	CHECK_ERR(pipe(p), EMFILE);
	CHECK_ERR(dup2(0, 8), EBADF);
	CHECK_ERR(dup2(0, 100), EBADF);
	CHECK_ERR(fcntl(0, F_DUPFD, 8), EINVAL);

	CHECK_OK(close(last));
	printf("after a close, dup: %d\n", dup(0));

	rl.rlim_cur = 16;
	CHECK_OK(setrlimit(RLIMIT_NOFILE, &rl));
	printf("raised to 16, dup2 to 15: %d\n", dup2(0, 15));
	return compat_done();
}
