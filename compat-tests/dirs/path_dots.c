/* Path walk: "." and ".." components, ".." of "/" is "/", "..." is an
 * ordinary name, ".." after a symlink to a folder goes to the target's
 * parent (the walk is physical). */
#define _GNU_SOURCE
#include "compat.h"
#include "tmpdir.h"
#include <fcntl.h>
#include <sys/stat.h>

static void try(const char *p)
{
	printf("%-24s %s\n", p, access(p, F_OK) == 0 ? "found" : errno_name(errno));
}

int main(void)
{
	compat_tmpdir();
	CHECK_OK(mkdir("a", 0755));
	CHECK_OK(mkdir("a/b", 0755));
	CHECK_OK(mkdir("x", 0755));
	CHECK_OK(mkdir("x/y", 0755));
	close(open("a/b/f", O_CREAT | O_WRONLY, 0644));
	close(open("x/target", O_CREAT | O_WRONLY, 0644));
	close(open("...", O_CREAT | O_WRONLY, 0644));
	CHECK_OK(symlink("../x/y", "a/toy"));
	try("a/b/f");
	try("a/./b/./f");
	try("a/b/../b/f");
	try("a/../a/b/../../a/b/f");
	try("./a/b/f");
	try("...");
	try("a/toy/../target");
	try("a/toy/../../a/b/f");
	try("a/missing/../b/f");
	try("a/b/f/..");
	struct stat root, up;
	CHECK_OK(stat("/", &root));
	CHECK_OK(stat("/..", &up));
	printf("/.. is /: %s\n", root.st_ino == up.st_ino && root.st_dev == up.st_dev ? "yes" : "no");
	CHECK_OK(stat("/../../..", &up));
	printf("/../../.. is /: %s\n", root.st_ino == up.st_ino && root.st_dev == up.st_dev ? "yes" : "no");
	return compat_done();
}
