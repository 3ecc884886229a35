/* fstat through a descriptor agrees with stat of the name; it still works
 * after the name is renamed; the fstat system call with a bad buffer is
 * EFAULT (raw: musl's fstat() copies from a buffer of its own and would
 * crash). */
#define _GNU_SOURCE
#include "compat.h"
#include "tmpdir.h"
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/syscall.h>

int main(void)
{
	compat_tmpdir();
	int fd = open("f", O_CREAT | O_RDWR, 0644);
	CHECK(write(fd, "abc", 3) == 3, "write");
	struct stat a, b;
	CHECK_OK(fstat(fd, &a));
	CHECK_OK(stat("f", &b));
	printf("same ino %d dev %d mode %d size %d nlink %d\n", a.st_ino == b.st_ino,
	       a.st_dev == b.st_dev, a.st_mode == b.st_mode, a.st_size == b.st_size,
	       a.st_nlink == b.st_nlink);
	CHECK_OK(rename("f", "g"));
	CHECK_OK(fstat(fd, &a));
	printf("after rename: same ino %d\n", a.st_ino == b.st_ino);
	CHECK_ERR(syscall(SYS_fstat, fd, (struct stat *)1), EFAULT);
	int d = open(".", O_RDONLY | O_DIRECTORY);
	CHECK_OK(fstat(d, &a));
	printf("fstat of a folder fd: dir %d\n", S_ISDIR(a.st_mode));
	CHECK_OK(fstat(1, &a));
	printf("stdout is a character device: %d\n", S_ISCHR(a.st_mode));
	return compat_done();
}
