/* splice moves data from a file into a pipe (from an offset, leaving the
 * file offset alone) and from a pipe into a file; splice between two
 * regular files is EINVAL; no data in a non-blocking pipe gives EAGAIN
 * with SPLICE_F_NONBLOCK. */
#define _GNU_SOURCE
#include "compat.h"
#include "tmpdir.h"
#include <fcntl.h>

int main(void)
{
	compat_tmpdir();
	int in = open("in", O_CREAT | O_RDWR, 0644);
	CHECK(write(in, "0123456789", 10) == 10, "write");
	int p[2];
	CHECK_OK(pipe(p));
	loff_t off = 3;
	ssize_t n = splice(in, &off, p[1], NULL, 4, 0);
	printf("file -> pipe: %zd, offset pointer %lld, file offset %lld\n", n, (long long)off,
	       (long long)lseek(in, 0, SEEK_CUR));
	int out = open("out", O_CREAT | O_RDWR, 0644);
	n = splice(p[0], NULL, out, NULL, 100, 0);
	printf("pipe -> file: %zd, out offset %lld\n", n, (long long)lseek(out, 0, SEEK_CUR));
	char buf[8] = {0};
	CHECK(pread(out, buf, sizeof buf, 0) == 4, "read out");
	printf("out: %s\n", buf);
	CHECK_ERR(splice(in, NULL, out, NULL, 4, 0), EINVAL);
	CHECK_ERR(splice(p[0], NULL, out, NULL, 4, SPLICE_F_NONBLOCK), EAGAIN);
	CHECK_ERR(splice(p[0], &off, out, NULL, 4, 0), ESPIPE);
	return compat_done();
}
