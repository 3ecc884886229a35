/* sendfile copies from a file to a file or a pipe: with an offset pointer
 * it reads from there, advances the pointer and leaves the file offset
 * alone; with NULL it uses and advances the file offset; at the end it
 * returns 0; an in_fd open only for writing or an out_fd open only for
 * reading is EBADF. */
#define _GNU_SOURCE
#include "compat.h"
#include "tmpdir.h"
#include <fcntl.h>
#include <sys/sendfile.h>

int main(void)
{
	compat_tmpdir();
	int in = open("in", O_CREAT | O_RDWR, 0644);
	CHECK(write(in, "0123456789abcdef", 16) == 16, "write");
	int out = open("out", O_CREAT | O_RDWR, 0644);
	off_t off = 4;
	ssize_t n = sendfile(out, in, &off, 6);
	printf("sendfile 6 from 4: %zd, offset pointer %lld, in's offset %lld\n", n,
	       (long long)off, (long long)lseek(in, 0, SEEK_CUR));
	CHECK(lseek(in, 10, SEEK_SET) == 10, "seek in");
	n = sendfile(out, in, NULL, 100);
	printf("sendfile 100 from the offset: %zd, in's offset %lld\n", n,
	       (long long)lseek(in, 0, SEEK_CUR));
	printf("at the end: %zd\n", sendfile(out, in, NULL, 100));
	printf("count 0: %zd\n", sendfile(out, in, &off, 0));
	char buf[32] = {0};
	CHECK(pread(out, buf, sizeof buf - 1, 0) > 0, "read out");
	printf("out: %s\n", buf);
	int p[2];
	CHECK_OK(pipe(p));
	off = 0;
	n = sendfile(p[1], in, &off, 5);
	memset(buf, 0, sizeof buf);
	CHECK(read(p[0], buf, sizeof buf) == 5, "read the pipe");
	printf("to a pipe: %zd \"%s\"\n", n, buf);
	int wo = open("in", O_WRONLY);
	int ro = open("out", O_RDONLY);
	CHECK_ERR(sendfile(out, wo, NULL, 1), EBADF);
	CHECK_ERR(sendfile(ro, in, &off, 1), EBADF);
	off = -1;
	CHECK_ERR(sendfile(out, in, &off, 1), EINVAL);
	return compat_done();
}
