/* unlink removes the name; a descriptor still open keeps the file alive
 * (readable, writable, nlink 0); unlink of a folder is EISDIR, of a
 * missing name ENOENT, through a file ENOTDIR. */
#define _GNU_SOURCE
#include "compat.h"
#include "tmpdir.h"
#include <fcntl.h>
#include <sys/stat.h>

int main(void)
{
	compat_tmpdir();
	int fd = open("f", O_CREAT | O_RDWR, 0644);
	CHECK(write(fd, "still here", 10) == 10, "write");
	CHECK_OK(unlink("f"));
	CHECK_ERR(access("f", F_OK), ENOENT);
	struct stat st;
	CHECK_OK(fstat(fd, &st));
	printf("after unlink: nlink %lu size %lld\n", (unsigned long)st.st_nlink,
	       (long long)st.st_size);
	CHECK(write(fd, "!", 1) == 1, "write after unlink");
	char buf[16] = {0};
	CHECK(pread(fd, buf, sizeof buf, 0) == 11, "read after unlink");
	printf("data: %s\n", buf);
	/* the name can be reused for a new, different file */
	int g = open("f", O_CREAT | O_RDWR | O_EXCL, 0644);
	CHECK(g >= 0, "a new file with the old name");
	struct stat st2;
	CHECK_OK(fstat(g, &st2));
	printf("new file size %lld, a different inode: %s\n", (long long)st2.st_size,
	       st.st_ino != st2.st_ino ? "yes" : "no");
	close(fd);
	CHECK_OK(mkdir("d", 0755));
	CHECK_ERR(unlink("d"), EISDIR);
	CHECK_ERR(unlink("missing"), ENOENT);
	CHECK_ERR(unlink("f/x"), ENOTDIR);
	CHECK_ERR(unlink(""), ENOENT);
	CHECK_OK(symlink("f", "sl"));
	CHECK_OK(unlink("sl"));
	CHECK_OK(access("f", F_OK));
	printf("unlink of a symlink removes the link only\n");
	return compat_done();
}
