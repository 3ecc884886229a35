/* The standard devices: /dev/null reads end of file and swallows writes;
 * /dev/zero reads zeros; /dev/full reads zeros and fails writes with
 * ENOSPC. */
#define _GNU_SOURCE
#include "compat.h"
#include <fcntl.h>
#include <unistd.h>

int main(void)
{
	char buf[64];
	int null = open("/dev/null", O_RDWR);
	int zero = open("/dev/zero", O_RDWR);
	int full = open("/dev/full", O_RDWR);
	CHECK(null >= 0 && zero >= 0 && full >= 0, "open the devices");
	printf("null: read %zd, write %zd\n", read(null, buf, sizeof buf), write(null, "abc", 3));
	memset(buf, 'x', sizeof buf);
	ssize_t n = read(zero, buf, sizeof buf);
	int zeros = 0;
	for (int i = 0; i < (int)sizeof buf; i++)
		zeros += buf[i] == 0;
	printf("zero: read %zd, zeros %d, write %zd\n", n, zeros, write(zero, "abc", 3));
	memset(buf, 'x', sizeof buf);
	n = read(full, buf, 8);
	printf("full: read %zd, first byte %d\n", n, buf[0]);
	CHECK_ERR(write(full, "abc", 3), ENOSPC);
	printf("lseek on null: %lld\n", (long long)lseek(null, 100, SEEK_SET));
	return compat_done();
}
