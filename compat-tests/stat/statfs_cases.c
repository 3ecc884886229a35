/* statfs and fstatfs on a file succeed with a positive block size and
 * name length limit; a missing name is ENOENT; a bad buffer EFAULT. */
#define _GNU_SOURCE
#include "compat.h"
#include "tmpdir.h"
#include <fcntl.h>
#include <sys/statfs.h>
#include <sys/statvfs.h>
#include <sys/syscall.h>

int main(void)
{
	compat_tmpdir();
	int fd = open("f", O_CREAT | O_WRONLY, 0644);
	struct statfs a, b;
	CHECK_OK(statfs("f", &a));
	CHECK_OK(fstatfs(fd, &b));
	printf("f_bsize > 0: %s, f_namelen >= 255: %s\n", a.f_bsize > 0 ? "yes" : "no",
	       a.f_namelen >= 255 ? "yes" : "no");
	printf("same file system through the fd: %s\n", a.f_type == b.f_type ? "yes" : "no");
	struct statvfs v;
	CHECK_OK(statvfs(".", &v));
	printf("statvfs: f_bsize > 0: %s\n", v.f_bsize > 0 ? "yes" : "no");
	CHECK_ERR(statfs("missing", &a), ENOENT);
	CHECK_ERR(syscall(SYS_statfs, "f", (void *)1), EFAULT);
	CHECK_ERR(fstatfs(99, &a), EBADF);
	return compat_done();
}
