/* pread/pwrite use the given offset and leave the file offset alone;
 * pread past the end returns 0; pwrite past the end leaves a zero-filled
 * gap; a negative offset is EINVAL. */
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
	CHECK(lseek(fd, 3, SEEK_SET) == 3, "seek 3");
	char buf[16] = {0};
	CHECK(pread(fd, buf, 4, 5) == 4, "pread 4 at 5");
	printf("pread at 5: %s, offset still %lld\n", buf, (long long)lseek(fd, 0, SEEK_CUR));
	CHECK(pwrite(fd, "AB", 2, 8) == 2, "pwrite at 8");
	printf("offset after pwrite: %lld\n", (long long)lseek(fd, 0, SEEK_CUR));
	printf("pread at 10: %zd, at 1000: %zd\n", pread(fd, buf, 4, 10), pread(fd, buf, 4, 1000));
	CHECK(pwrite(fd, "Z", 1, 14) == 1, "pwrite past the end");
	struct stat st;
	CHECK_OK(fstat(fd, &st));
	printf("size %lld\n", (long long)st.st_size);
	memset(buf, 0, sizeof buf);
	CHECK(pread(fd, buf, 15, 0) == 15, "pread all");
	for (int i = 0; i < 15; i++)
		putchar(buf[i] ? buf[i] : '.');
	putchar('\n');
	CHECK_ERR(pread(fd, buf, 1, -1), EINVAL);
	CHECK_ERR(pwrite(fd, buf, 1, -5), EINVAL);
	printf("pread of 0 bytes: %zd\n", pread(fd, buf, 0, 3));
	close(fd);
	return compat_done();
}
