/* With RLIMIT_NOFILE lowered, open, dup and pipe fail with EMFILE once
 * every allowed descriptor is used; closing one makes room again. */
#define _GNU_SOURCE
#include "compat.h"
#include "tmpdir.h"
#include <fcntl.h>
#include <sys/resource.h>

int main(void)
{
	compat_tmpdir();
	int fd = open("f", O_CREAT | O_RDWR, 0644);
	struct rlimit rl = {16, 16};
	CHECK_OK(setrlimit(RLIMIT_NOFILE, &rl));
	struct rlimit got;
	CHECK_OK(getrlimit(RLIMIT_NOFILE, &got));
	printf("limit %llu\n", (unsigned long long)got.rlim_cur);
	int last = -1, n = 0;
	for (;;) {
		int x = dup(fd);
		if (x < 0)
			break;
		last = x;
		n++;
	}
	printf("dup until it fails: errno %s, highest fd %d\n", errno_name(errno), last);
	CHECK_ERR(open("f", O_RDONLY), EMFILE);
	int p[2];
	CHECK_ERR(pipe(p), EMFILE);
	CHECK_ERR(fcntl(fd, F_DUPFD, 0), EMFILE);
	CHECK_ERR(fcntl(fd, F_DUPFD, 16), EINVAL);
	CHECK_ERR(dup2(fd, 16), EBADF);
	close(last);
	int again = open("f", O_RDONLY);
	printf("after close: open gives %d\n", again);
	return compat_done();
}
