/* open(O_TRUNC) empties an existing regular file opened for writing; the
 * file keeps its mode; O_TRUNC on a new O_CREAT file is harmless. */
#define _GNU_SOURCE
#include "compat.h"
#include "tmpdir.h"
#include <fcntl.h>
#include <sys/stat.h>

int main(void)
{
	compat_tmpdir();
	int fd = open("f", O_CREAT | O_WRONLY | O_TRUNC, 0640);
	CHECK(fd >= 0, "create with O_TRUNC");
	CHECK(write(fd, "0123456789", 10) == 10, "write 10");
	close(fd);
	struct stat st;
	CHECK_OK(stat("f", &st));
	printf("before: size %lld mode %o\n", (long long)st.st_size, st.st_mode & 07777);
	fd = open("f", O_WRONLY | O_TRUNC);
	CHECK(fd >= 0, "reopen with O_TRUNC");
	CHECK_OK(fstat(fd, &st));
	printf("after O_TRUNC: size %lld mode %o\n", (long long)st.st_size, st.st_mode & 07777);
	CHECK(write(fd, "ab", 2) == 2, "write 2");
	close(fd);
	fd = open("f", O_RDWR | O_TRUNC | O_CREAT, 0600);
	CHECK(fd >= 0, "O_RDWR|O_TRUNC|O_CREAT of an existing file");
	CHECK_OK(fstat(fd, &st));
	printf("again: size %lld mode %o (mode argument ignored)\n", (long long)st.st_size,
	       st.st_mode & 07777);
	close(fd);
	/* without O_TRUNC the data stays */
	fd = open("g", O_CREAT | O_WRONLY, 0644);
	CHECK(write(fd, "hello", 5) == 5, "write");
	close(fd);
	fd = open("g", O_WRONLY);
	CHECK(write(fd, "J", 1) == 1, "overwrite one byte");
	close(fd);
	char buf[16] = {0};
	fd = open("g", O_RDONLY);
	CHECK(read(fd, buf, sizeof buf) == 5, "read 5");
	printf("without O_TRUNC: %s\n", buf);
	close(fd);
	return compat_done();
}
