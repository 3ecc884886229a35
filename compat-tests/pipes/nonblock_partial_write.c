/* A non-blocking write larger than PIPE_BUF into a pipe with some room
 * writes what fits (here: one free page, 4096 bytes) and returns that
 * count; the next one is EAGAIN. (Linux counts room in whole pages, so
 * the case leaves a whole page free.) */
#define _GNU_SOURCE
#include "compat.h"
#include <fcntl.h>
#include <unistd.h>

int main(void)
{
	int p[2];
	CHECK_OK(pipe2(p, O_NONBLOCK));
	int cap = fcntl(p[1], F_GETPIPE_SZ);
	static char buf[1 << 17];
	ssize_t n = write(p[1], buf, cap - 4096);
	printf("first write: capacity - %ld\n", (long)(cap - n));
	n = write(p[1], buf, 3 * 4096);
	printf("12288 more into 4096 bytes of room: %zd\n", n);
	CHECK_ERR(write(p[1], buf, 8192), EAGAIN);
	close(p[1]);
	long total = 0;
	while ((n = read(p[0], buf, sizeof buf)) > 0)
		total += n;
	printf("read back: capacity - %ld\n", (long)(cap - total));
	return compat_done();
}
