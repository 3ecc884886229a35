/* lseek with SEEK_SET, SEEK_CUR and SEEK_END returns the new offset;
 * seeking past the end is allowed and a write there leaves a gap that
 * reads as zeros. */
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
	printf("SEEK_SET 4: %lld\n", (long long)lseek(fd, 4, SEEK_SET));
	printf("SEEK_CUR +3: %lld\n", (long long)lseek(fd, 3, SEEK_CUR));
	printf("SEEK_CUR -5: %lld\n", (long long)lseek(fd, -5, SEEK_CUR));
	char c = 0;
	CHECK(read(fd, &c, 1) == 1, "read");
	printf("byte there: %c\n", c);
	printf("SEEK_END 0: %lld\n", (long long)lseek(fd, 0, SEEK_END));
	printf("SEEK_END -2: %lld\n", (long long)lseek(fd, -2, SEEK_END));
	printf("SEEK_END +6: %lld\n", (long long)lseek(fd, 6, SEEK_END));
	struct stat st;
	CHECK_OK(fstat(fd, &st));
	printf("size after seeking past the end: %lld\n", (long long)st.st_size);
	CHECK(write(fd, "X", 1) == 1, "write past the end");
	CHECK_OK(fstat(fd, &st));
	printf("size after the write: %lld\n", (long long)st.st_size);
	char buf[17];
	CHECK(pread(fd, buf, 17, 0) == 17, "pread");
	for (int i = 0; i < 17; i++)
		putchar(buf[i] ? buf[i] : '.');
	putchar('\n');
	printf("SEEK_SET to 1 TiB: %lld\n", (long long)lseek(fd, 1LL << 40, SEEK_SET));
	printf("read there: %zd\n", read(fd, buf, 1));
	close(fd);
	return compat_done();
}
