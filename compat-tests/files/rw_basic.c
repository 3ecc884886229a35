/* write then read back through the shared offset; read at end of file
 * returns 0; zero-length read and write return 0 and change nothing. */
#define _GNU_SOURCE
#include "compat.h"
#include "tmpdir.h"
#include <fcntl.h>
#include <sys/stat.h>

int main(void)
{
	compat_tmpdir();
	int fd = open("f", O_CREAT | O_RDWR, 0644);
	CHECK(write(fd, "hello, ", 7) == 7, "write 7");
	CHECK(write(fd, "world\n", 6) == 6, "write 6");
	printf("offset %lld\n", (long long)lseek(fd, 0, SEEK_CUR));
	char buf[32] = {0};
	printf("read at end: %zd\n", read(fd, buf, sizeof buf));
	CHECK(lseek(fd, 0, SEEK_SET) == 0, "rewind");
	ssize_t n = read(fd, buf, sizeof buf);
	printf("read %zd: %s", n, buf);
	printf("zero-length read: %zd\n", read(fd, buf, 0));
	printf("zero-length write: %zd\n", write(fd, buf, 0));
	printf("zero-length write with NULL: %zd\n", write(fd, NULL, 0));
	struct stat st;
	CHECK_OK(fstat(fd, &st));
	printf("size %lld\n", (long long)st.st_size);
	close(fd);
	return compat_done();
}
