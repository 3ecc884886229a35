/* Every call that takes a descriptor fails with EBADF on one that is not
 * open. */
#define _GNU_SOURCE
#include "compat.h"
#include <dirent.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/ioctl.h>
#include <sys/sendfile.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <unistd.h>

int main(void)
{
	int bad = 77;
	char buf[64];
	struct stat st;
	struct statfs sfs;
	struct iovec iov = {buf, 1};
	CHECK_ERR(fstat(bad, &st), EBADF);
	CHECK_ERR(fstatat(bad, "x", &st, 0), EBADF);
	CHECK_ERR(fstatfs(bad, &sfs), EBADF);
	CHECK_ERR(lseek(bad, 0, SEEK_SET), EBADF);
	CHECK_ERR(readv(bad, &iov, 1), EBADF);
	CHECK_ERR(writev(bad, &iov, 1), EBADF);
	CHECK_ERR(fsync(bad), EBADF);
	CHECK_ERR(fdatasync(bad), EBADF);
	CHECK_ERR(ftruncate(bad, 0), EBADF);
	CHECK_ERR(fchmod(bad, 0644), EBADF);
	CHECK_ERR(fchown(bad, 0, 0), EBADF);
	CHECK_ERR(fchdir(bad), EBADF);
	CHECK_ERR(dup(bad), EBADF);
	CHECK_ERR(fcntl(bad, F_GETFL), EBADF);
	CHECK_ERR(ioctl(bad, FIONREAD, buf), EBADF);
	CHECK_ERR(syscall(SYS_getdents64, bad, buf, sizeof buf), EBADF);
	CHECK_ERR(openat(bad, "x", O_RDONLY), EBADF);
	CHECK_ERR(mkdirat(bad, "x", 0755), EBADF);
	CHECK_ERR(unlinkat(bad, "x", 0), EBADF);
	CHECK_ERR(readlinkat(bad, "x", buf, sizeof buf), EBADF);
	CHECK_ERR(sendfile(1, bad, NULL, 1), EBADF);
	CHECK_ERR(flock(bad, LOCK_EX), EBADF);
	CHECK_ERR(syscall(SYS_fallocate, bad, 0, 0L, 1L), EBADF);
	CHECK(fdopendir(bad) == NULL && errno == EBADF, "fdopendir");
	printf("EBADF everywhere\n");
	return compat_done();
}
