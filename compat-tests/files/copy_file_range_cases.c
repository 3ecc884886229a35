/* copy_file_range between two files with and without offset pointers;
 * 0 at the end of the input; flags other than 0 are EINVAL; an
 * overlapping range in one file is EINVAL; a read-only output EBADF. The
 * raw system call, so that a libc fallback cannot hide the kernel's
 * answer. */
#define _GNU_SOURCE
#include "compat.h"
#include "tmpdir.h"
#include <fcntl.h>
#include <sys/syscall.h>

static long cfr(int in, loff_t *oin, int out, loff_t *oout, size_t len, unsigned flags)
{
	return syscall(SYS_copy_file_range, in, oin, out, oout, len, flags);
}

int main(void)
{
	compat_tmpdir();
	int in = open("in", O_CREAT | O_RDWR, 0644);
	CHECK(write(in, "0123456789", 10) == 10, "write");
	int out = open("out", O_CREAT | O_RDWR, 0644);
	CHECK(write(out, "----------", 10) == 10, "write");
	loff_t oin = 2, oout = 5;
	long n = cfr(in, &oin, out, &oout, 3, 0);
	printf("3 bytes 2 -> 5: %ld, pointers %lld %lld, file offsets %lld %lld\n", n,
	       (long long)oin, (long long)oout, (long long)lseek(in, 0, SEEK_CUR),
	       (long long)lseek(out, 0, SEEK_CUR));
	CHECK(lseek(in, 7, SEEK_SET) == 7 && lseek(out, 0, SEEK_SET) == 0, "seek");
	n = cfr(in, NULL, out, NULL, 100, 0);
	printf("from the offsets: %ld, file offsets %lld %lld\n", n,
	       (long long)lseek(in, 0, SEEK_CUR), (long long)lseek(out, 0, SEEK_CUR));
	printf("at the end: %ld\n", cfr(in, NULL, out, NULL, 100, 0));
	char buf[16] = {0};
	CHECK(pread(out, buf, 10, 0) == 10, "read");
	printf("out: %s\n", buf);
	oin = 0;
	CHECK_ERR(cfr(in, &oin, out, NULL, 1, 1), EINVAL);
	loff_t a = 0, b = 2;
	CHECK_ERR(cfr(in, &a, in, &b, 5, 0), EINVAL);
	int ro = open("out", O_RDONLY);
	CHECK_ERR(cfr(in, &oin, ro, NULL, 1, 0), EBADF);
	CHECK_ERR(cfr(99, NULL, out, NULL, 1, 0), EBADF);
	return compat_done();
}
