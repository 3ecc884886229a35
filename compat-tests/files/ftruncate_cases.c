/* ftruncate: grows and shrinks through a descriptor without moving its
 * offset; a read-only descriptor, a pipe or a negative length is EINVAL. */
#define _GNU_SOURCE
#include "compat.h"
#include "tmpdir.h"
#include <fcntl.h>
#include <sys/stat.h>

int main(void)
{
	compat_tmpdir();
	int fd = open("f", O_CREAT | O_RDWR, 0644);
	CHECK(write(fd, "0123456789", 10) == 10, "write");
	struct stat st;
	CHECK_OK(ftruncate(fd, 4));
	CHECK_OK(fstat(fd, &st));
	printf("shrunk: size %lld, offset %lld\n", (long long)st.st_size,
	       (long long)lseek(fd, 0, SEEK_CUR));
	CHECK(write(fd, "X", 1) == 1, "write at the old offset");
	CHECK_OK(fstat(fd, &st));
	printf("write at offset 10: size %lld\n", (long long)st.st_size);
	char buf[11];
	CHECK(pread(fd, buf, 11, 0) == 11, "pread");
	for (int i = 0; i < 11; i++)
		putchar(buf[i] ? buf[i] : '.');
	putchar('\n');
	CHECK_OK(ftruncate(fd, 100000));
	CHECK_OK(fstat(fd, &st));
	printf("grown: size %lld\n", (long long)st.st_size);
	CHECK(pread(fd, buf, 1, 99999) == 1 && buf[0] == 0, "zero at the end");
	CHECK_ERR(ftruncate(fd, -1), EINVAL);
	int ro = open("f", O_RDONLY);
	CHECK_ERR(ftruncate(ro, 0), EINVAL);
	int p[2];
	CHECK_OK(pipe(p));
	CHECK_ERR(ftruncate(p[1], 0), EINVAL);
	return compat_done();
}
