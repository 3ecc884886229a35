/* read and write on a descriptor that is closed, negative, or open in the
 * other direction fail with EBADF. */
#define _GNU_SOURCE
#include "compat.h"
#include "tmpdir.h"
#include <fcntl.h>

int main(void)
{
	compat_tmpdir();
	char c = 'x';
	int w = open("f", O_CREAT | O_WRONLY, 0644);
	int r = open("f", O_RDONLY);
	CHECK_ERR(read(w, &c, 1), EBADF);
	CHECK_ERR(write(r, &c, 1), EBADF);
	CHECK_ERR(pread(w, &c, 1, 0), EBADF);
	CHECK_ERR(pwrite(r, &c, 1, 0), EBADF);
	CHECK_ERR(read(-1, &c, 1), EBADF);
	CHECK_ERR(write(-1, &c, 1), EBADF);
	CHECK_ERR(read(1000, &c, 1), EBADF);
	close(w);
	CHECK_ERR(write(w, &c, 1), EBADF);
	CHECK_ERR(read(w, &c, 1), EBADF);
	/* EBADF is checked before the buffer */
	CHECK_ERR(read(w, (void *)1, 1), EBADF);
	close(r);
	printf("EBADF for closed, negative and wrong-direction descriptors\n");
	return compat_done();
}
