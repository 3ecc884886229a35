/*
 * random.c - arc4random, arc4random_buf, arc4random_uniform (glibc 2.36).
 *
 * glibc 2.36 takes every byte from the kernel's getrandom (no user-space
 * generator), never fails, and ends the process if the kernel cannot
 * give randomness at all. So here: getrandom until the buffer is full,
 * retrying after EINTR; if the call itself is missing (ENOSYS), reading
 * /dev/urandom; otherwise "Fatal glibc error: cannot get entropy for
 * arc4random" and abort, as glibc words it.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <unistd.h>
#include "glibc.h"

static _Noreturn void no_entropy(void)
{
	static const char msg[] = "Fatal glibc error: cannot get entropy for arc4random\n";
	write(2, msg, sizeof msg - 1);
	abort();
}

static void from_urandom(unsigned char *p, size_t n)
{
	int fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		no_entropy();
	while (n) {
		ssize_t r = read(fd, p, n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			no_entropy();
		p += r;
		n -= r;
	}
	close(fd);
}

void arc4random_buf(void *buf, size_t n)
{
	unsigned char *p = buf;
	while (n) {
		ssize_t r = getrandom(p, n, 0);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0 && errno == ENOSYS) {
			from_urandom(p, n);
			return;
		}
		if (r <= 0)
			no_entropy();
		p += r;
		n -= r;
	}
}

uint32_t arc4random(void)
{
	uint32_t v;
	arc4random_buf(&v, sizeof v);
	return v;
}

/*
 * Uniform in [0, upper): draws are rejected below 2^32 mod upper, so every
 * remaining value maps onto [0, upper) the same number of times.
 */
uint32_t arc4random_uniform(uint32_t upper)
{
	if (upper < 2)
		return 0;
	uint32_t min = -upper % upper, v;
	do
		v = arc4random();
	while (v < min);
	return v % upper;
}
