/* Pipes have no file offset: lseek, pread and pwrite are ESPIPE. */
#define _GNU_SOURCE
#include "compat.h"
#include <sys/uio.h>
#include <unistd.h>

int main(void)
{
	int p[2];
	CHECK_OK(pipe(p));
	char c = 'x';
	struct iovec iov = {&c, 1};
	CHECK_ERR(lseek(p[0], 0, SEEK_CUR), ESPIPE);
	CHECK_ERR(lseek(p[1], 0, SEEK_END), ESPIPE);
	CHECK_ERR(pwrite(p[1], &c, 1, 0), ESPIPE);
	CHECK(write(p[1], &c, 1) == 1, "write");
	CHECK_ERR(pread(p[0], &c, 1, 0), ESPIPE);
	CHECK_ERR(preadv(p[0], &iov, 1, 0), ESPIPE);
	CHECK_ERR(pwritev(p[1], &iov, 1, 0), ESPIPE);
	printf("the byte is still there: %zd\n", read(p[0], &c, 1));
	return compat_done();
}
