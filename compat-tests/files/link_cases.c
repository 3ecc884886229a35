/* link adds a second name for a file: nlink goes to 2, both names see the
 * same data; linking to an existing name is EEXIST; a missing source
 * ENOENT; a folder as the source EPERM; a missing target folder ENOENT. */
#define _GNU_SOURCE
#include "compat.h"
#include "tmpdir.h"
#include <fcntl.h>
#include <sys/stat.h>

int main(void)
{
	compat_tmpdir();
	int fd = open("a", O_CREAT | O_WRONLY, 0644);
	CHECK(write(fd, "first", 5) == 5, "write");
	close(fd);
	CHECK_OK(link("a", "b"));
	struct stat sa, sb;
	CHECK_OK(stat("a", &sa));
	CHECK_OK(stat("b", &sb));
	printf("nlink %lu %lu, same inode %s\n", (unsigned long)sa.st_nlink,
	       (unsigned long)sb.st_nlink, sa.st_ino == sb.st_ino ? "yes" : "no");
	fd = open("b", O_WRONLY | O_APPEND);
	CHECK(write(fd, "+second", 7) == 7, "write through b");
	close(fd);
	char buf[32] = {0};
	fd = open("a", O_RDONLY);
	CHECK(read(fd, buf, sizeof buf) == 12, "read a");
	close(fd);
	printf("a: %s\n", buf);
	CHECK_ERR(link("a", "b"), EEXIST);
	CHECK_ERR(link("missing", "c"), ENOENT);
	CHECK_OK(mkdir("d", 0755));
	CHECK_ERR(link("d", "d2"), EPERM);
	CHECK_ERR(link("a", "nodir/c"), ENOENT);
	CHECK_ERR(link("a", "a/c"), ENOTDIR);
	CHECK_OK(link("a", "d/c"));
	CHECK_OK(unlink("a"));
	CHECK_OK(stat("b", &sb));
	printf("after unlink a: nlink %lu\n", (unsigned long)sb.st_nlink);
	return compat_done();
}
