/* rename of files: to a new name, over an existing file (replaced,
 * atomically), to itself (nothing happens); a missing source is ENOENT;
 * a file over a folder EISDIR; a folder over a file ENOTDIR. */
#define _GNU_SOURCE
#include "compat.h"
#include "tmpdir.h"
#include <fcntl.h>
#include <sys/stat.h>

static void content(const char *p)
{
	char buf[16] = {0};
	int fd = open(p, O_RDONLY);
	if (fd < 0) {
		printf("%s: %s\n", p, errno_name(errno));
		return;
	}
	CHECK(read(fd, buf, sizeof buf - 1) >= 0, "read");
	close(fd);
	printf("%s: %s\n", p, buf);
}

static void make(const char *p, const char *s)
{
	int fd = open(p, O_CREAT | O_WRONLY | O_TRUNC, 0644);
	CHECK(write(fd, s, strlen(s)) == (ssize_t)strlen(s), "write");
	close(fd);
}

int main(void)
{
	compat_tmpdir();
	make("a", "A");
	make("b", "B");
	CHECK_OK(rename("a", "c"));
	content("a");
	content("c");
	CHECK_OK(rename("c", "b"));
	content("c");
	content("b");
	CHECK_OK(rename("b", "b"));
	content("b");
	CHECK_ERR(rename("missing", "x"), ENOENT);
	CHECK_ERR(rename("b", "nodir/x"), ENOENT);
	CHECK_OK(mkdir("d", 0755));
	CHECK_ERR(rename("b", "d"), EISDIR);
	CHECK_ERR(rename("d", "b"), ENOTDIR);
	CHECK_ERR(rename("b", ""), ENOENT);
	CHECK_OK(rename("b", "d/b"));
	content("d/b");
	/* an open descriptor follows the file, not the name */
	int fd = open("d/b", O_RDONLY);
	CHECK_OK(rename("d/b", "moved"));
	char c = 0;
	CHECK(read(fd, &c, 1) == 1, "read the renamed file");
	printf("through the old descriptor: %c\n", c);
	return compat_done();
}
