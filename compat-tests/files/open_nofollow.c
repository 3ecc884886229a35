/* O_NOFOLLOW: a symlink as the last component gives ELOOP; symlinks in
 * earlier components are still followed; with O_PATH the link itself is
 * opened. */
#define _GNU_SOURCE
#include "compat.h"
#include "tmpdir.h"
#include <fcntl.h>
#include <sys/stat.h>

int main(void)
{
	compat_tmpdir();
	int fd = open("f", O_CREAT | O_WRONLY, 0644);
	close(fd);
	CHECK_OK(mkdir("d", 0755));
	fd = open("d/g", O_CREAT | O_WRONLY, 0644);
	close(fd);
	CHECK_OK(symlink("f", "lf"));
	CHECK_OK(symlink("d", "ld"));
	CHECK_OK(symlink("nowhere", "dangling"));

	fd = open("f", O_RDONLY | O_NOFOLLOW);
	CHECK(fd >= 0, "O_NOFOLLOW on a regular file");
	close(fd);
	CHECK_ERR(open("lf", O_RDONLY | O_NOFOLLOW), ELOOP);
	CHECK_ERR(open("lf", O_WRONLY | O_NOFOLLOW), ELOOP);
	CHECK_ERR(open("ld", O_RDONLY | O_NOFOLLOW), ELOOP);
	CHECK_ERR(open("dangling", O_RDONLY | O_NOFOLLOW), ELOOP);
	CHECK_ERR(open("dangling", O_CREAT | O_WRONLY | O_NOFOLLOW, 0644), ELOOP);
	fd = open("ld/g", O_RDONLY | O_NOFOLLOW);
	CHECK(fd >= 0, "a symlink before the last component is followed");
	close(fd);

	fd = open("lf", O_PATH | O_NOFOLLOW);
	CHECK(fd >= 0, "O_PATH|O_NOFOLLOW opens the link itself");
	struct stat st;
	CHECK_OK(fstat(fd, &st));
	printf("O_PATH|O_NOFOLLOW: %s, size %lld\n", S_ISLNK(st.st_mode) ? "symlink" : "not a symlink",
	       (long long)st.st_size);
	close(fd);
	return compat_done();
}
