/* linkat: without AT_SYMLINK_FOLLOW a symlink source is linked itself
 * (the new name is a symlink); with it, the target file is linked; an
 * unknown flag is EINVAL; relative names resolve from the dirfds. */
#define _GNU_SOURCE
#include "compat.h"
#include "tmpdir.h"
#include <fcntl.h>
#include <sys/stat.h>

int main(void)
{
	compat_tmpdir();
	close(open("f", O_CREAT | O_WRONLY, 0644));
	CHECK_OK(symlink("f", "sl"));
	CHECK_OK(mkdir("d", 0755));
	int d = open("d", O_RDONLY | O_DIRECTORY);
	CHECK_OK(linkat(AT_FDCWD, "sl", d, "nofollow", 0));
	CHECK_OK(linkat(AT_FDCWD, "sl", d, "follow", AT_SYMLINK_FOLLOW));
	struct stat st;
	CHECK_OK(fstatat(d, "nofollow", &st, AT_SYMLINK_NOFOLLOW));
	printf("without AT_SYMLINK_FOLLOW: %s\n", S_ISLNK(st.st_mode) ? "symlink" : "file");
	CHECK_OK(fstatat(d, "follow", &st, AT_SYMLINK_NOFOLLOW));
	printf("with AT_SYMLINK_FOLLOW: %s, nlink %lu\n", S_ISLNK(st.st_mode) ? "symlink" : "file",
	       (unsigned long)st.st_nlink);
	CHECK_ERR(linkat(AT_FDCWD, "f", d, "x", 0x8000000), EINVAL);
	CHECK_ERR(linkat(AT_FDCWD, "f", d, "follow", 0), EEXIST);
	CHECK_ERR(linkat(99, "f", d, "y", 0), EBADF);
	CHECK_OK(stat("f", &st));
	printf("f: nlink %lu\n", (unsigned long)st.st_nlink);
	return compat_done();
}
