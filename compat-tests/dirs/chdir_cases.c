/* chdir: relative names then resolve from the new folder; ".." goes up;
 * a file is ENOTDIR; a missing name ENOENT; an empty name ENOENT; a
 * symlink to a folder is followed. */
#define _GNU_SOURCE
#include "compat.h"
#include "tmpdir.h"
#include <fcntl.h>
#include <sys/stat.h>

int main(void)
{
	compat_tmpdir();
	CHECK_OK(mkdir("a", 0755));
	CHECK_OK(mkdir("a/b", 0755));
	close(open("a/b/inner", O_CREAT | O_WRONLY, 0644));
	close(open("f", O_CREAT | O_WRONLY, 0644));
	CHECK_OK(symlink("a/b", "lb"));
	CHECK_OK(chdir("a/b"));
	printf("inner seen from a/b: %s\n", access("inner", F_OK) == 0 ? "yes" : "no");
	CHECK_OK(chdir("../.."));
	printf("f seen after ../..: %s\n", access("f", F_OK) == 0 ? "yes" : "no");
	CHECK_ERR(chdir("f"), ENOTDIR);
	CHECK_ERR(chdir("missing"), ENOENT);
	CHECK_ERR(chdir(""), ENOENT);
	CHECK_ERR(chdir((const char *)1), EFAULT);
	CHECK_OK(chdir("lb"));
	printf("through the symlink: %s\n", access("inner", F_OK) == 0 ? "yes" : "no");
	char buf[4096];
	CHECK(getcwd(buf, sizeof buf) != NULL, "getcwd");
	size_t len = strlen(compat_tmp);
	printf("getcwd shows the real path: %s\n",
	       strncmp(buf, compat_tmp, len) == 0 ? buf + len : buf);
	CHECK_OK(chdir(".."));
	CHECK(getcwd(buf, sizeof buf) != NULL, "getcwd");
	printf(".. of the symlinked folder: %s\n", strncmp(buf, compat_tmp, len) == 0 ? buf + len : buf);
	return compat_done();
}
