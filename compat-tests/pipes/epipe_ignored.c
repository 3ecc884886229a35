/* Writing to a pipe whose read end is closed: with SIGPIPE ignored the
 * write fails with EPIPE (and keeps failing); no signal arrives. */
#define _GNU_SOURCE
#include "compat.h"
#include <signal.h>
#include <unistd.h>

int main(void)
{
	signal(SIGPIPE, SIG_IGN);
	int p[2];
	CHECK_OK(pipe(p));
	close(p[0]);
	CHECK_ERR(write(p[1], "x", 1), EPIPE);
	CHECK_ERR(write(p[1], "xyz", 3), EPIPE);
	/* data written before the reader went away does not help */
	int q[2];
	CHECK_OK(pipe(q));
	CHECK(write(q[1], "abc", 3) == 3, "write");
	close(q[0]);
	CHECK_ERR(write(q[1], "d", 1), EPIPE);
	printf("EPIPE with SIGPIPE ignored\n");
	return compat_done();
}
