/* fallocate mode 0 extends the file (zeros); FALLOC_FL_KEEP_SIZE does not
 * change the size; a zero or negative length, or a negative offset, is
 * EINVAL; a read-only descriptor EBADF; a pipe ESPIPE. posix_fallocate
 * returns the error number instead of setting errno. */
#define _GNU_SOURCE
#include "compat.h"
#include "tmpdir.h"
#include <fcntl.h>
#include <sys/stat.h>

static long long size(int fd)
{
	struct stat st;
	return fstat(fd, &st) == 0 ? (long long)st.st_size : -1;
}

int main(void)
{
	compat_tmpdir();
	int fd = open("f", O_CREAT | O_RDWR, 0644);
	CHECK(write(fd, "abc", 3) == 3, "write");
	CHECK_OK(fallocate(fd, 0, 0, 8192));
	printf("fallocate 0..8192: size %lld\n", size(fd));
	CHECK_OK(fallocate(fd, 0, 100, 10));
	printf("fallocate inside: size %lld\n", size(fd));
	CHECK_OK(fallocate(fd, FALLOC_FL_KEEP_SIZE, 8192, 4096));
	printf("FALLOC_FL_KEEP_SIZE past the end: size %lld\n", size(fd));
	char buf[4];
	CHECK(pread(fd, buf, 4, 0) == 4, "pread");
	printf("data kept: %.3s, then %d\n", buf, buf[3]);
	CHECK_ERR(fallocate(fd, 0, 0, 0), EINVAL);
	CHECK_ERR(fallocate(fd, 0, 0, -1), EINVAL);
	CHECK_ERR(fallocate(fd, 0, -1, 10), EINVAL);
	int ro = open("f", O_RDONLY);
	CHECK_ERR(fallocate(ro, 0, 0, 10), EBADF);
	int p[2];
	CHECK_OK(pipe(p));
	CHECK_ERR(fallocate(p[1], 0, 0, 10), ESPIPE);
	int r = posix_fallocate(fd, 0, 10000);
	printf("posix_fallocate to 10000: %d, size %lld\n", r, size(fd));
	printf("posix_fallocate on a read-only fd: %s\n", errno_name(posix_fallocate(ro, 0, 1)));
	printf("posix_fallocate len 0: %s\n", errno_name(posix_fallocate(fd, 0, 0)));
	return compat_done();
}
