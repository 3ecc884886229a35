/* Reading the write end or writing the read end is EBADF. */
#define _GNU_SOURCE
#include "compat.h"
#include <unistd.h>

int main(void)
{
	int p[2];
	CHECK_OK(pipe(p));
	char c = 'x';
	CHECK_ERR(read(p[1], &c, 1), EBADF);
	CHECK_ERR(write(p[0], &c, 1), EBADF);
	printf("wrong ends: EBADF\n");
	return compat_done();
}
