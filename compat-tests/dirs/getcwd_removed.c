/* After the current folder is removed, getcwd fails with ENOENT, relative
 * lookups fail with ENOENT, creating a file there fails with ENOENT, and
 * chdir("..")... is not tested (Linux keeps the parent link). */
#define _GNU_SOURCE
#include "compat.h"
#include "tmpdir.h"
#include <fcntl.h>
#include <sys/stat.h>

int main(void)
{
	compat_tmpdir();
	CHECK_OK(mkdir("gone", 0755));
	CHECK_OK(chdir("gone"));
	CHECK_OK(rmdir("../gone"));
	char buf[4096];
	errno = 0;
	char *r = getcwd(buf, sizeof buf);
	printf("getcwd: %s, errno %s\n", r ? "a path" : "NULL", errno_name(errno));
	CHECK_ERR(open("new", O_CREAT | O_WRONLY, 0644), ENOENT);
	CHECK_ERR(mkdir("sub", 0755), ENOENT);
	struct stat st;
	CHECK_OK(stat(".", &st));
	printf(". is a folder with nlink %lu\n", (unsigned long)st.st_nlink);
	CHECK_OK(chdir(compat_tmp));
	return compat_done();
}
