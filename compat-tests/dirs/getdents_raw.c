/* The getdents64 system call itself: records with d_reclen multiples of 8
 * and a NUL-terminated name; a buffer too small for one record is EINVAL;
 * a file ENOTDIR; 0 at the end; lseek(fd, 0, SEEK_SET) starts over. */
#define _GNU_SOURCE
#include "compat.h"
#include "tmpdir.h"
#include <fcntl.h>
#include <stdint.h>
#include <sys/stat.h>
#include <sys/syscall.h>

struct d64 {
	uint64_t ino;
	int64_t off;
	unsigned short reclen;
	unsigned char type;
	char name[];
};

static int count(int fd, char *buf, size_t size, int *aligned)
{
	int n = 0;
	for (;;) {
		long got = syscall(SYS_getdents64, fd, buf, size);
		if (got <= 0)
			return got < 0 ? -1 : n;
		for (long pos = 0; pos < got;) {
			struct d64 *d = (struct d64 *)(buf + pos);
			if (d->reclen % 8 || strlen(d->name) + 20 > d->reclen)
				*aligned = 0;
			n++;
			pos += d->reclen;
		}
	}
}

int main(void)
{
	compat_tmpdir();
	CHECK_OK(mkdir("d", 0755));
	char name[300];
	for (int i = 0; i < 30; i++) {
		snprintf(name, sizeof name, "d/%0*d", 10 + i * 7, i);
		close(open(name, O_CREAT | O_WRONLY, 0644));
	}
	int fd = open("d", O_RDONLY | O_DIRECTORY);
	static char buf[8192];
	int aligned = 1;
	printf("entries with a big buffer: %d\n", count(fd, buf, sizeof buf, &aligned));
	printf("records well formed: %s\n", aligned ? "yes" : "no");
	printf("at the end: %ld\n", syscall(SYS_getdents64, fd, buf, sizeof buf));
	CHECK(lseek(fd, 0, SEEK_SET) == 0, "rewind");
	printf("entries with a 300-byte buffer: %d\n", count(fd, buf, 300, &aligned));
	CHECK(lseek(fd, 0, SEEK_SET) == 0, "rewind");
	CHECK_ERR(syscall(SYS_getdents64, fd, buf, 10), EINVAL);
	CHECK_ERR(syscall(SYS_getdents64, fd, (void *)1, 4096), EFAULT);
	int f = open("d/0000000000", O_RDONLY);
	CHECK_ERR(syscall(SYS_getdents64, f, buf, sizeof buf), ENOTDIR);
	return compat_done();
}
