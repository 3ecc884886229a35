/* rmdir: removes an empty folder; a non-empty one is ENOTEMPTY; a file
 * ENOTDIR; a missing name ENOENT; "." EINVAL; ".." ENOTEMPTY; a symlink
 * to a folder ENOTDIR. */
#define _GNU_SOURCE
#include "compat.h"
#include "tmpdir.h"
#include <fcntl.h>
#include <sys/stat.h>

int main(void)
{
	compat_tmpdir();
	CHECK_OK(mkdir("empty", 0755));
	CHECK_OK(mkdir("full", 0755));
	CHECK_OK(mkdir("full/sub", 0755));
	close(open("f", O_CREAT | O_WRONLY, 0644));
	CHECK_OK(symlink("full", "link"));
	CHECK_ERR(rmdir("full"), ENOTEMPTY);
	CHECK_ERR(rmdir("f"), ENOTDIR);
	CHECK_ERR(rmdir("missing"), ENOENT);
	CHECK_ERR(rmdir("full/sub/."), EINVAL);
	CHECK_ERR(rmdir("full/sub/.."), ENOTEMPTY);
	CHECK_ERR(rmdir("link"), ENOTDIR);
	CHECK_ERR(rmdir("f/x"), ENOTDIR);
	CHECK_OK(rmdir("empty"));
	CHECK_ERR(access("empty", F_OK), ENOENT);
	CHECK_OK(rmdir("full/sub/"));
	CHECK_OK(rmdir("full"));
	printf("rmdir checked\n");
	return compat_done();
}
