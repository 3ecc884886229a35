/* dup3: like dup2 but oldfd == newfd is EINVAL, O_CLOEXEC is the only
 * flag (it sets FD_CLOEXEC on newfd), any other flag is EINVAL. The
 * invalid-flag calls use the raw system call: musl's dup3() without
 * O_CLOEXEC calls dup2 and ignores the other bits. */
#define _GNU_SOURCE
#include "compat.h"
#include "tmpdir.h"
#include <fcntl.h>
#include <sys/syscall.h>

int main(void)
{
	compat_tmpdir();
	int a = open("a", O_CREAT | O_RDWR, 0644);
	CHECK_ERR(dup3(a, a, 0), EINVAL);
	CHECK_ERR(dup3(a, a, O_CLOEXEC), EINVAL);
	int r = dup3(a, 20, O_CLOEXEC);
	printf("dup3 to 20 with O_CLOEXEC: %d, FD_CLOEXEC %d\n", r, fcntl(20, F_GETFD));
	r = dup3(a, 21, 0);
	printf("dup3 to 21 without: %d, FD_CLOEXEC %d\n", r, fcntl(21, F_GETFD));
	CHECK_ERR(syscall(SYS_dup3, a, 22, O_NONBLOCK), EINVAL);
	CHECK_ERR(syscall(SYS_dup3, a, 22, 0x1), EINVAL);
	CHECK_ERR(syscall(SYS_dup3, a, a, 0), EINVAL);
	CHECK_ERR(fcntl(22, F_GETFD), EBADF);
	CHECK_ERR(dup3(77, 22, 0), EBADF);
	CHECK_ERR(dup3(a, -1, 0), EBADF);
	/* replacing 20 (close-on-exec) with a plain copy clears the flag */
	r = dup3(a, 20, 0);
	printf("dup3 over 20 without: %d, FD_CLOEXEC %d\n", r, fcntl(20, F_GETFD));
	return compat_done();
}
