/* statx errors: the reserved mask bit or both sync flags together is
 * EINVAL; a bad buffer or path EFAULT; a missing name ENOENT; a bad
 * dirfd EBADF. */
#define _GNU_SOURCE
#include "compat.h"
#include "tmpdir.h"
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/syscall.h>

#define STATX__RESERVED 0x80000000u
#define FORCE_SYNC 0x2000
#define DONT_SYNC 0x4000

int main(void)
{
	compat_tmpdir();
	close(open("f", O_CREAT | O_WRONLY, 0644));
	static char buf[256];
	CHECK_ERR(syscall(SYS_statx, AT_FDCWD, "f", 0, STATX__RESERVED, buf), EINVAL);
	CHECK_ERR(syscall(SYS_statx, AT_FDCWD, "f", FORCE_SYNC | DONT_SYNC, 0x7ff, buf), EINVAL);
	CHECK_OK(syscall(SYS_statx, AT_FDCWD, "f", FORCE_SYNC, 0x7ff, buf));
	CHECK_OK(syscall(SYS_statx, AT_FDCWD, "f", DONT_SYNC, 0x7ff, buf));
	CHECK_ERR(syscall(SYS_statx, AT_FDCWD, "f", 0, 0x7ff, (void *)1), EFAULT);
	CHECK_ERR(syscall(SYS_statx, AT_FDCWD, (char *)1, 0, 0x7ff, buf), EFAULT);
	CHECK_ERR(syscall(SYS_statx, AT_FDCWD, "missing", 0, 0x7ff, buf), ENOENT);
	CHECK_ERR(syscall(SYS_statx, 999, "f", 0, 0x7ff, buf), EBADF);
	CHECK_ERR(syscall(SYS_statx, AT_FDCWD, "f", 0x1, 0x7ff, buf), EINVAL);
	printf("statx errors checked\n");
	return compat_done();
}
