/* read into and write from unmapped memory fail with EFAULT, and the file
 * offset and contents stay as they were. */
#define _GNU_SOURCE
#include "compat.h"
#include "tmpdir.h"
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/uio.h>

int main(void)
{
	compat_tmpdir();
	int fd = open("f", O_CREAT | O_RDWR, 0644);
	CHECK(write(fd, "abcdef", 6) == 6, "write");
	CHECK(lseek(fd, 0, SEEK_SET) == 0, "rewind");
	CHECK_ERR(read(fd, (void *)1, 4), EFAULT);
	CHECK_ERR(write(fd, (const void *)1, 4), EFAULT);
	CHECK_ERR(pread(fd, (void *)1, 4, 0), EFAULT);
	CHECK_ERR(pwrite(fd, (const void *)1, 4, 0), EFAULT);
	struct iovec bad = {(void *)1, 4};
	CHECK_ERR(readv(fd, &bad, 1), EFAULT);
	CHECK_ERR(writev(fd, &bad, 1), EFAULT);
	CHECK_ERR(readv(fd, (struct iovec *)1, 1), EFAULT);
	printf("offset after the failures: %lld\n", (long long)lseek(fd, 0, SEEK_CUR));
	struct stat st;
	CHECK_OK(fstat(fd, &st));
	printf("size %lld\n", (long long)st.st_size);
	char buf[8] = {0};
	CHECK(read(fd, buf, 6) == 6, "read");
	printf("data %s\n", buf);
	close(fd);
	return compat_done();
}
