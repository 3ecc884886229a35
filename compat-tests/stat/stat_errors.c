/* stat errors: ENOENT (missing, empty), ENOTDIR (file as folder),
 * EFAULT (bad path, bad buffer), ENAMETOOLONG; lstat and fstatat the
 * same. A bad buffer goes to the raw system calls: musl's stat() fills a
 * buffer of its own and copies it, so it would crash instead. */
#define _GNU_SOURCE
#include "compat.h"
#include "tmpdir.h"
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/syscall.h>

int main(void)
{
	compat_tmpdir();
	close(open("f", O_CREAT | O_WRONLY, 0644));
	struct stat st;
	char longname[300];
	memset(longname, 'x', 299);
	longname[299] = 0;
	CHECK_ERR(stat("missing", &st), ENOENT);
	CHECK_ERR(stat("", &st), ENOENT);
	CHECK_ERR(stat("f/x", &st), ENOTDIR);
	CHECK_ERR(stat((const char *)1, &st), EFAULT);
	CHECK_ERR(syscall(SYS_stat, "f", (struct stat *)1), EFAULT);
	CHECK_ERR(stat(longname, &st), ENAMETOOLONG);
	CHECK_ERR(lstat("missing", &st), ENOENT);
	CHECK_ERR(lstat("f/", &st), ENOTDIR);
	CHECK_ERR(syscall(SYS_lstat, "f", (struct stat *)1), EFAULT);
	CHECK_ERR(syscall(SYS_newfstatat, AT_FDCWD, "f", (struct stat *)1, 0), EFAULT);
	CHECK_ERR(fstatat(AT_FDCWD, "missing/x", &st, 0), ENOENT);
	printf("stat errors checked\n");
	return compat_done();
}
