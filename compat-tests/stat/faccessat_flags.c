/* faccessat: relative to a dirfd; AT_EACCESS is accepted (same answer as
 * root); AT_SYMLINK_NOFOLLOW checks the link itself, so a dangling link
 * exists; an unknown flag is EINVAL. */
#define _GNU_SOURCE
#include "compat.h"
#include "tmpdir.h"
#include <fcntl.h>
#include <sys/stat.h>

int main(void)
{
	compat_tmpdir();
	CHECK_OK(mkdir("d", 0755));
	close(open("d/f", O_CREAT | O_WRONLY, 0644));
	CHECK_OK(symlink("nowhere", "d/dangling"));
	int d = open("d", O_RDONLY | O_DIRECTORY);
	CHECK_OK(faccessat(d, "f", R_OK | W_OK, 0));
	CHECK_ERR(faccessat(d, "f", X_OK, 0), EACCES);
	CHECK_OK(faccessat(d, "f", R_OK, AT_EACCESS));
	CHECK_ERR(faccessat(d, "dangling", F_OK, 0), ENOENT);
	CHECK_OK(faccessat(d, "dangling", F_OK, AT_SYMLINK_NOFOLLOW));
	CHECK_ERR(faccessat(d, "f", F_OK, 0x1), EINVAL);
	CHECK_ERR(faccessat(77, "f", F_OK, 0), EBADF);
	printf("faccessat checked\n");
	return compat_done();
}
