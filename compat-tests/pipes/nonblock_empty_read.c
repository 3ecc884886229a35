/* A read from an empty non-blocking pipe is EAGAIN while a writer exists,
 * and 0 (end of file) once every writer is closed. */
#define _GNU_SOURCE
#include "compat.h"
#include <fcntl.h>
#include <unistd.h>

int main(void)
{
	int p[2];
	CHECK_OK(pipe2(p, O_NONBLOCK));
	char buf[8];
	CHECK_ERR(read(p[0], buf, sizeof buf), EAGAIN);
	CHECK(write(p[1], "ab", 2) == 2, "write");
	printf("read with data: %zd\n", read(p[0], buf, sizeof buf));
	CHECK_ERR(read(p[0], buf, sizeof buf), EAGAIN);
	printf("EAGAIN == EWOULDBLOCK: %s\n", EAGAIN == EWOULDBLOCK ? "yes" : "no");
	close(p[1]);
	printf("after the writer closed: %zd\n", read(p[0], buf, sizeof buf));
	return compat_done();
}
