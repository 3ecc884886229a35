/* fstatat: AT_SYMLINK_NOFOLLOW describes the link; AT_EMPTY_PATH with ""
 * describes dirfd itself (any kind of file, AT_FDCWD included); "" without
 * it is ENOENT; an unknown flag is EINVAL. */
#define _GNU_SOURCE
#include "compat.h"
#include "tmpdir.h"
#include <fcntl.h>
#include <sys/stat.h>

int main(void)
{
	compat_tmpdir();
	int fd = open("f", O_CREAT | O_WRONLY, 0644);
	CHECK(write(fd, "1234", 4) == 4, "write");
	CHECK_OK(symlink("f", "l"));
	struct stat st, ref;
	CHECK_OK(fstatat(AT_FDCWD, "l", &st, AT_SYMLINK_NOFOLLOW));
	printf("AT_SYMLINK_NOFOLLOW: link %d\n", S_ISLNK(st.st_mode));
	CHECK_OK(fstatat(AT_FDCWD, "l", &st, 0));
	printf("no flag: regular %d size %lld\n", S_ISREG(st.st_mode), (long long)st.st_size);
	CHECK_OK(fstatat(fd, "", &st, AT_EMPTY_PATH));
	printf("AT_EMPTY_PATH on a write-only fd: regular %d size %lld\n", S_ISREG(st.st_mode),
	       (long long)st.st_size);
	CHECK_OK(fstatat(AT_FDCWD, "", &st, AT_EMPTY_PATH));
	CHECK_OK(stat(".", &ref));
	printf("AT_EMPTY_PATH with AT_FDCWD is the current folder: %s\n",
	       st.st_ino == ref.st_ino ? "yes" : "no");
	int lp = open("l", O_PATH | O_NOFOLLOW);
	CHECK_OK(fstatat(lp, "", &st, AT_EMPTY_PATH));
	printf("AT_EMPTY_PATH on an O_PATH symlink fd: link %d\n", S_ISLNK(st.st_mode));
	CHECK_ERR(fstatat(fd, "", &st, 0), ENOENT);
	CHECK_ERR(fstatat(AT_FDCWD, "f", &st, 0x8000000), EINVAL);
	CHECK_ERR(fstatat(AT_FDCWD, "f", &st, AT_REMOVEDIR), EINVAL);
	return compat_done();
}
