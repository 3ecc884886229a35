/*
 * eventfd_poll.c - poll(2) on an eventfd: POLLIN while the counter is
 * above 0, POLLOUT while a write of 1 would not block (the counter is
 * below 2^64-2).
 */
#include <poll.h>
#include <stdint.h>
#include <sys/eventfd.h>
#include <unistd.h>
#include "compat.h"

static void show(int e, const char *what)
{
	struct pollfd pfd = { .fd = e, .events = POLLIN | POLLOUT };
	int n = poll(&pfd, 1, 0);
	printf("%s: poll %d revents %#x\n", what, n, pfd.revents);
}

int main(void)
{
	int e = eventfd(0, EFD_NONBLOCK);
	CHECK_OK(e);
	show(e, "counter 0");
	uint64_t v = 1;
	CHECK(write(e, &v, 8) == 8, "write");
	show(e, "counter 1");
	v = UINT64_MAX - 2;
	CHECK(write(e, &v, 8) == 8, "write");
	show(e, "counter at limit");
	CHECK(read(e, &v, 8) == 8, "read");
	show(e, "read back to 0");
	return compat_done();
}
