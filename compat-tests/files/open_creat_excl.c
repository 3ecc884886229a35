/* open(O_CREAT|O_EXCL): creates a new file, fails with EEXIST when the name
 * exists (as a file, a folder, or a symlink, even a dangling one: O_EXCL
 * does not follow it); O_CREAT in a missing folder is ENOENT. */
#define _GNU_SOURCE
#include "compat.h"
#include "tmpdir.h"
#include <fcntl.h>

int main(void)
{
	compat_tmpdir();
	int fd = open("new", O_CREAT | O_EXCL | O_WRONLY, 0644);
	CHECK(fd >= 0, "O_CREAT|O_EXCL on a new name");
	CHECK(write(fd, "x", 1) == 1, "write");
	close(fd);
	CHECK_ERR(open("new", O_CREAT | O_EXCL | O_WRONLY, 0644), EEXIST);
	CHECK_ERR(open("new", O_CREAT | O_EXCL | O_RDONLY, 0644), EEXIST);
	CHECK_OK(mkdir("dir", 0755));
	CHECK_ERR(open("dir", O_CREAT | O_EXCL | O_RDONLY, 0644), EEXIST);
	CHECK_OK(symlink("nowhere", "dangling"));
	CHECK_ERR(open("dangling", O_CREAT | O_EXCL | O_WRONLY, 0644), EEXIST);
	CHECK_ERR(access("nowhere", F_OK), ENOENT);
	CHECK_ERR(open("missing/new", O_CREAT | O_EXCL | O_WRONLY, 0644), ENOENT);
	/* O_CREAT without O_EXCL opens the existing file and keeps its data */
	fd = open("new", O_CREAT | O_RDONLY, 0644);
	CHECK(fd >= 0, "O_CREAT on an existing file");
	char c = 0;
	CHECK(read(fd, &c, 1) == 1 && c == 'x', "the data is still there");
	close(fd);
	printf("created, then EEXIST for file, folder and dangling symlink\n");
	return compat_done();
}
