/* unlinkat: with AT_REMOVEDIR it removes an empty folder (ENOTDIR on a
 * file, ENOTEMPTY on a non-empty folder); without it, a folder is EISDIR;
 * an unknown flag is EINVAL. */
#define _GNU_SOURCE
#include "compat.h"
#include "tmpdir.h"
#include <fcntl.h>
#include <sys/stat.h>

int main(void)
{
	compat_tmpdir();
	CHECK_OK(mkdir("top", 0755));
	int t = open("top", O_RDONLY | O_DIRECTORY);
	CHECK_OK(mkdirat(t, "empty", 0755));
	CHECK_OK(mkdirat(t, "full", 0755));
	close(openat(t, "full/f", O_CREAT | O_WRONLY, 0644));
	close(openat(t, "file", O_CREAT | O_WRONLY, 0644));
	CHECK_ERR(unlinkat(t, "empty", 0), EISDIR);
	CHECK_ERR(unlinkat(t, "file", AT_REMOVEDIR), ENOTDIR);
	CHECK_ERR(unlinkat(t, "full", AT_REMOVEDIR), ENOTEMPTY);
	CHECK_ERR(unlinkat(t, "file", 0x1), EINVAL);
	CHECK_ERR(unlinkat(t, "missing", AT_REMOVEDIR), ENOENT);
	CHECK_OK(unlinkat(t, "empty", AT_REMOVEDIR));
	CHECK_OK(unlinkat(t, "file", 0));
	CHECK_OK(unlinkat(t, "full/f", 0));
	CHECK_OK(unlinkat(AT_FDCWD, "top/full", AT_REMOVEDIR));
	struct stat st;
	CHECK_ERR(fstatat(t, "empty", &st, 0), ENOENT);
	CHECK_ERR(stat("top/full", &st), ENOENT);
	CHECK_ERR(unlinkat(t, ".", AT_REMOVEDIR), EINVAL);
	printf("unlinkat checked\n");
	return compat_done();
}
