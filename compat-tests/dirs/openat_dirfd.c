/* The *at calls: a relative name resolves from dirfd (or the current
 * folder with AT_FDCWD); an absolute name ignores dirfd, even a bad one;
 * a relative name with a bad dirfd is EBADF, with a file's fd ENOTDIR. */
#define _GNU_SOURCE
#include "compat.h"
#include "tmpdir.h"
#include <fcntl.h>
#include <sys/stat.h>

int main(void)
{
	compat_tmpdir();
	CHECK_OK(mkdir("d", 0755));
	int d = open("d", O_RDONLY | O_DIRECTORY);
	int fd = openat(d, "inner", O_CREAT | O_WRONLY, 0644);
	CHECK(fd >= 0, "openat creates in d");
	close(fd);
	printf("d/inner exists: %s\n", access("d/inner", F_OK) == 0 ? "yes" : "no");
	CHECK_OK(mkdirat(d, "sub", 0755));
	CHECK_OK(symlinkat("inner", d, "link"));
	char buf[16] = {0};
	CHECK(readlinkat(d, "link", buf, sizeof buf) == 5, "readlinkat");
	CHECK_OK(renameat(d, "inner", d, "sub/moved"));
	struct stat st;
	CHECK_OK(fstatat(d, "sub/moved", &st, 0));
	CHECK_OK(faccessat(d, "sub/moved", F_OK, 0));
	CHECK_OK(fchmodat(d, "sub/moved", 0600, 0));
	CHECK_OK(fstatat(AT_FDCWD, "d/sub/moved", &st, 0));
	printf("mode set through fchmodat: %o\n", st.st_mode & 0777);
	char abs[64];
	snprintf(abs, sizeof abs, "%s/d/sub/moved", compat_tmp);
	fd = openat(12345, abs, O_RDONLY);
	CHECK(fd >= 0, "an absolute name ignores a bad dirfd");
	close(fd);
	CHECK_ERR(openat(12345, "d", O_RDONLY), EBADF);
	CHECK_ERR(openat(-1, "d", O_RDONLY), EBADF);
	int f = open("d/sub/moved", O_RDONLY);
	CHECK_ERR(openat(f, "x", O_RDONLY), ENOTDIR);
	CHECK_ERR(mkdirat(f, "x", 0755), ENOTDIR);
	CHECK_ERR(fstatat(f, "x", &st, 0), ENOTDIR);
	return compat_done();
}
