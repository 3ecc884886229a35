/*
 * eventfd_size.c - eventfd reads and writes move exactly 8 bytes: a
 * buffer shorter than 8 fails with EINVAL and a longer read buffer still
 * gets 8 (the rest untouched). A longer write fails with EINVAL too:
 * Linux checks count != 8 since 6.9 (eventfd(2) still says "less than").
 */
#include <stdint.h>
#include <string.h>
#include <sys/eventfd.h>
#include <unistd.h>
#include "compat.h"

int main(void)
{
	int e = eventfd(3, EFD_NONBLOCK);
	CHECK_OK(e);
	unsigned char buf[16];
	memset(buf, 0xaa, sizeof buf);

	CHECK_ERR(read(e, buf, 4), EINVAL);
	CHECK_ERR(read(e, buf, 7), EINVAL);
	CHECK_ERR(read(e, buf, 0), EINVAL);
	CHECK_ERR(write(e, buf, 4), EINVAL);
	CHECK_ERR(write(e, buf, 0), EINVAL);

	ssize_t n = read(e, buf, 16);
	uint64_t v;
	memcpy(&v, buf, 8);
	printf("read 16: %zd value %llu byte 8 untouched: %s\n", n, (unsigned long long)v,
	       buf[8] == 0xaa ? "yes" : "no");

	uint64_t big[2] = { 4, 1000 };
	CHECK_ERR(write(e, big, 16), EINVAL);
	CHECK_ERR(write(e, big, 9), EINVAL);
	CHECK_ERR(read(e, &v, 8), EAGAIN);
	printf("write 8: %zd\n", write(e, big, 8));
	v = 0;
	n = read(e, &v, 8);
	printf("read: %zd value %llu\n", n, (unsigned long long)v);
	return compat_done();
}
