/* truncate by path: growing adds zeros, shrinking drops the tail (and a
 * regrow reads zeros, not the old bytes); a negative length is EINVAL; a
 * missing file ENOENT; a folder EISDIR. */
#define _GNU_SOURCE
#include "compat.h"
#include "tmpdir.h"
#include <fcntl.h>
#include <sys/stat.h>

static void show(void)
{
	char buf[32];
	int fd = open("f", O_RDONLY);
	ssize_t n = read(fd, buf, sizeof buf);
	close(fd);
	printf("%zd bytes: ", n);
	for (ssize_t i = 0; i < n; i++)
		putchar(buf[i] ? buf[i] : '.');
	putchar('\n');
}

int main(void)
{
	compat_tmpdir();
	int fd = open("f", O_CREAT | O_WRONLY, 0644);
	CHECK(write(fd, "abcdefgh", 8) == 8, "write");
	close(fd);
	CHECK_OK(truncate("f", 12));
	show();
	CHECK_OK(truncate("f", 3));
	show();
	CHECK_OK(truncate("f", 6));
	show();
	CHECK_OK(truncate("f", 0));
	show();
	CHECK_ERR(truncate("f", -1), EINVAL);
	CHECK_ERR(truncate("missing", 0), ENOENT);
	CHECK_OK(mkdir("d", 0755));
	CHECK_ERR(truncate("d", 0), EISDIR);
	CHECK_ERR(truncate("f/x", 0), ENOTDIR);
	CHECK_ERR(truncate((const char *)1, 0), EFAULT);
	return compat_done();
}
