/*
 * socketpair_stream.c - an AF_UNIX SOCK_STREAM socketpair is a two-way
 * byte stream: each end reads what the other wrote, in order; two writes
 * can come out of one read (no message boundaries), and a short read
 * leaves the rest for the next one.
 */
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include "compat.h"

int main(void)
{
	int sv[2] = { -1, -1 };
	char buf[64];
	CHECK_OK(socketpair(AF_UNIX, SOCK_STREAM, 0, sv));
	CHECK(write(sv[0], "ping", 4) == 4, "write");
	ssize_t n = read(sv[1], buf, sizeof buf);
	printf("0 -> 1: %zd \"%.*s\"\n", n, (int)(n > 0 ? n : 0), buf);
	CHECK(write(sv[1], "pong", 4) == 4, "write");
	n = read(sv[0], buf, sizeof buf);
	printf("1 -> 0: %zd \"%.*s\"\n", n, (int)(n > 0 ? n : 0), buf);

	CHECK(write(sv[0], "abc", 3) == 3, "write");
	CHECK(write(sv[0], "defgh", 5) == 5, "write");
	n = read(sv[1], buf, sizeof buf);
	printf("two writes, one read: %zd \"%.*s\"\n", n, (int)(n > 0 ? n : 0), buf);

	CHECK(write(sv[0], "0123456789", 10) == 10, "write");
	n = read(sv[1], buf, 4);
	printf("short read: %zd \"%.*s\"\n", n, (int)(n > 0 ? n : 0), buf);
	n = read(sv[1], buf, sizeof buf);
	printf("the rest: %zd \"%.*s\"\n", n, (int)(n > 0 ? n : 0), buf);
	CHECK_OK(close(sv[0]));
	printf("after the peer closed: %zd\n", read(sv[1], buf, sizeof buf));
	return compat_done();
}
