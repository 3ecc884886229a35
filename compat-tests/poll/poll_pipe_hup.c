/*
 * poll_pipe_hup.c - when a pipe's last writer closes, poll(2) on the read
 * end reports POLLHUP (even though only POLLIN was asked for), together
 * with POLLIN while unread data remains; read then returns the data and
 * then 0 (end of file).
 */
#include <poll.h>
#include <unistd.h>
#include "compat.h"

int main(void)
{
	int p[2];
	char buf[8];
	CHECK_OK(pipe(p));
	CHECK(write(p[1], "ab", 2) == 2, "write");
	CHECK_OK(close(p[1]));

	struct pollfd pfd = { .fd = p[0], .events = POLLIN };
	int n = poll(&pfd, 1, 0);
	printf("data + closed writer: poll %d revents %#x\n", n, pfd.revents);

	printf("read: %zd\n", read(p[0], buf, sizeof buf));
	n = poll(&pfd, 1, 0);
	printf("drained + closed writer: poll %d revents %#x\n", n, pfd.revents);
	printf("read at EOF: %zd\n", read(p[0], buf, sizeof buf));

	pfd.events = 0;
	n = poll(&pfd, 1, 0);
	printf("events 0: poll %d revents %#x\n", n, pfd.revents);
	return compat_done();
}
