/* mkdir: creates a folder (with a trailing slash too); an existing name,
 * folder, file or symlink, is EEXIST; a missing parent ENOENT; a file as
 * the parent ENOTDIR; an empty name ENOENT; a bad pointer EFAULT. */
#define _GNU_SOURCE
#include "compat.h"
#include "tmpdir.h"
#include <fcntl.h>
#include <sys/stat.h>

int main(void)
{
	compat_tmpdir();
	CHECK_OK(mkdir("d", 0755));
	CHECK_OK(mkdir("e/", 0755));
	CHECK_OK(mkdir("d/sub", 0755));
	close(open("f", O_CREAT | O_WRONLY, 0644));
	CHECK_OK(symlink("nowhere", "dangling"));
	CHECK_ERR(mkdir("d", 0755), EEXIST);
	CHECK_ERR(mkdir("d/", 0755), EEXIST);
	CHECK_ERR(mkdir("f", 0755), EEXIST);
	CHECK_ERR(mkdir("dangling", 0755), EEXIST);
	CHECK_ERR(mkdir(".", 0755), EEXIST);
	CHECK_ERR(mkdir("..", 0755), EEXIST);
	CHECK_ERR(mkdir("missing/x", 0755), ENOENT);
	CHECK_ERR(mkdir("f/x", 0755), ENOTDIR);
	CHECK_ERR(mkdir("", 0755), ENOENT);
	CHECK_ERR(mkdir((const char *)1, 0755), EFAULT);
	struct stat st;
	CHECK_OK(stat("e", &st));
	printf("e: folder %d, mode %o\n", S_ISDIR(st.st_mode), st.st_mode & 07777);
	CHECK_OK(stat("d", &st));
	printf("d: nlink %lu (itself, its entry, sub's ..)\n", (unsigned long)st.st_nlink);
	return compat_done();
}
