/* O_APPEND: every write goes to the end of the file, whatever the offset
 * was set to; the offset is then at the end. pwrite on an O_APPEND file
 * also appends on Linux (documented in pwrite(2) BUGS). */
#define _GNU_SOURCE
#include "compat.h"
#include "tmpdir.h"
#include <fcntl.h>

static void show(const char *name)
{
	char buf[64] = {0};
	int fd = open(name, O_RDONLY);
	ssize_t n = read(fd, buf, sizeof buf - 1);
	printf("%s: %zd bytes \"%s\"\n", name, n, buf);
	close(fd);
}

int main(void)
{
	compat_tmpdir();
	int fd = open("f", O_CREAT | O_WRONLY, 0644);
	CHECK(write(fd, "start-", 6) == 6, "write");
	close(fd);
	fd = open("f", O_WRONLY | O_APPEND);
	CHECK(fd >= 0, "open O_APPEND");
	printf("offset after open: %lld\n", (long long)lseek(fd, 0, SEEK_CUR));
	CHECK(write(fd, "one-", 4) == 4, "append");
	printf("offset after write: %lld\n", (long long)lseek(fd, 0, SEEK_CUR));
	CHECK(lseek(fd, 0, SEEK_SET) == 0, "seek to 0");
	CHECK(write(fd, "two-", 4) == 4, "append after seek");
	printf("offset after seek+write: %lld\n", (long long)lseek(fd, 0, SEEK_CUR));
	CHECK(pwrite(fd, "three", 5, 0) == 5, "pwrite at 0");
	printf("offset after pwrite: %lld\n", (long long)lseek(fd, 0, SEEK_CUR));
	close(fd);
	show("f");
	/* two descriptors appending to one file interleave, never overwrite */
	int a = open("g", O_CREAT | O_WRONLY | O_APPEND, 0644);
	int b = open("g", O_WRONLY | O_APPEND);
	for (int i = 0; i < 3; i++) {
		CHECK(write(a, "A", 1) == 1, "write a");
		CHECK(write(b, "bb", 2) == 2, "write b");
	}
	close(a);
	close(b);
	show("g");
	/* O_APPEND|O_RDWR: reads use the offset, writes go to the end */
	fd = open("f", O_RDWR | O_APPEND);
	char c[5] = {0};
	CHECK(read(fd, c, 4) == 4, "read");
	printf("read at start: %s\n", c);
	CHECK(write(fd, "!", 1) == 1, "write");
	printf("offset: %lld\n", (long long)lseek(fd, 0, SEEK_CUR));
	close(fd);
	show("f");
	return compat_done();
}
