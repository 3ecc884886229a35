/* writev into a pipe sends its buffers in order as one write; readv from
 * a pipe fills the buffers in order. */
#define _GNU_SOURCE
#include "compat.h"
#include <sys/uio.h>
#include <unistd.h>

int main(void)
{
	int p[2];
	CHECK_OK(pipe(p));
	struct iovec w[3] = {{"one ", 4}, {"two ", 4}, {"three", 5}};
	printf("writev %zd\n", writev(p[1], w, 3));
	char a[6] = {0}, b[6] = {0}, c[6] = {0};
	struct iovec r[3] = {{a, 5}, {b, 5}, {c, 5}};
	printf("readv %zd: '%s' '%s' '%s'\n", readv(p[0], r, 3), a, b, c);
	return compat_done();
}
