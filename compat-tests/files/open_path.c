/* O_PATH: a descriptor that names a file without opening it for I/O.
 * read/write give EBADF; fstat, fchdir (on a folder), *at() calls relative
 * to it and F_GETFL work; other flags but O_DIRECTORY/O_NOFOLLOW/O_CLOEXEC
 * are ignored. */
#define _GNU_SOURCE
#include "compat.h"
#include "tmpdir.h"
#include <fcntl.h>
#include <sys/stat.h>

int main(void)
{
	compat_tmpdir();
	int fd = open("f", O_CREAT | O_WRONLY, 0644);
	CHECK(write(fd, "data", 4) == 4, "write");
	close(fd);
	CHECK_OK(mkdir("d", 0755));
	fd = open("d/inner", O_CREAT | O_WRONLY, 0600);
	close(fd);

	int p = open("f", O_PATH);
	CHECK(p >= 0, "O_PATH on a file");
	char c;
	CHECK_ERR(read(p, &c, 1), EBADF);
	CHECK_ERR(write(p, "x", 1), EBADF);
	struct stat st;
	CHECK_OK(fstat(p, &st));
	printf("fstat: regular %d size %lld\n", S_ISREG(st.st_mode), (long long)st.st_size);
	int fl = fcntl(p, F_GETFL);
	printf("F_GETFL has O_PATH: %s\n", (fl & O_PATH) ? "yes" : "no");
	close(p);

	int dp = open("d", O_PATH | O_DIRECTORY);
	CHECK(dp >= 0, "O_PATH on a folder");
	int in = openat(dp, "inner", O_RDONLY);
	CHECK(in >= 0, "openat relative to an O_PATH folder");
	CHECK_OK(fstat(in, &st));
	printf("inner: mode %o\n", st.st_mode & 0777);
	close(in);
	CHECK_OK(fstatat(dp, "inner", &st, 0));
	CHECK_OK(fchdir(dp));
	CHECK_OK(access("inner", F_OK));
	printf("fchdir to an O_PATH folder works\n");
	close(dp);

	/* O_PATH with a write mode and O_TRUNC: ignored, the file keeps its data */
	CHECK_OK(chdir(".."));
	p = open("f", O_PATH | O_WRONLY | O_TRUNC);
	CHECK(p >= 0, "O_PATH|O_WRONLY|O_TRUNC");
	CHECK_OK(stat("f", &st));
	printf("size after O_PATH|O_TRUNC: %lld\n", (long long)st.st_size);
	close(p);
	CHECK_ERR(open("missing", O_PATH), ENOENT);
	return compat_done();
}
