/* A read asking for less than is buffered takes only that; the rest stays
 * for the next read; a read asking for more returns what is there without
 * waiting for the rest (one write's worth or several). */
#define _GNU_SOURCE
#include "compat.h"
#include <unistd.h>

int main(void)
{
	int p[2];
	CHECK_OK(pipe(p));
	CHECK(write(p[1], "abc", 3) == 3, "write");
	CHECK(write(p[1], "defgh", 5) == 5, "write");
	char buf[32] = {0};
	printf("read 2: %zd %.2s\n", read(p[0], buf, 2), buf);
	memset(buf, 0, sizeof buf);
	printf("read 100: %zd %s\n", read(p[0], buf, 100), buf);
	CHECK(write(p[1], "z", 1) == 1, "write");
	memset(buf, 0, sizeof buf);
	printf("read 100 with 1 byte there: %zd %s\n", read(p[0], buf, 100), buf);
	printf("read 0: %zd\n", read(p[0], buf, 0));
	return compat_done();
}
