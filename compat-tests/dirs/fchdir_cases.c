/* fchdir to a folder descriptor; to a file descriptor ENOTDIR; to a
 * closed one EBADF; the descriptor can be closed afterwards. */
#define _GNU_SOURCE
#include "compat.h"
#include "tmpdir.h"
#include <fcntl.h>
#include <sys/stat.h>

int main(void)
{
	compat_tmpdir();
	CHECK_OK(mkdir("d", 0755));
	close(open("d/x", O_CREAT | O_WRONLY, 0644));
	close(open("f", O_CREAT | O_WRONLY, 0644));
	int d = open("d", O_RDONLY | O_DIRECTORY);
	int f = open("f", O_RDONLY);
	CHECK_ERR(fchdir(f), ENOTDIR);
	CHECK_OK(fchdir(d));
	close(d);
	printf("x after fchdir: %s\n", access("x", F_OK) == 0 ? "yes" : "no");
	CHECK_ERR(fchdir(d), EBADF);
	CHECK_ERR(fchdir(-1), EBADF);
	char buf[4096];
	CHECK(getcwd(buf, sizeof buf) != NULL, "getcwd");
	printf("getcwd: %s\n", buf + strlen(compat_tmp));
	return compat_done();
}
