/* SEEK_DATA and SEEK_HOLE: in a file written from start to end, the data
 * starts where asked and the only hole is the implicit one at the end;
 * both fail with ENXIO at or past the end. (Where holes inside a file are
 * reported depends on the file system, so this case does not look.) */
#define _GNU_SOURCE
#include "compat.h"
#include "tmpdir.h"
#include <fcntl.h>

int main(void)
{
	compat_tmpdir();
	int fd = open("f", O_CREAT | O_RDWR, 0644);
	static char buf[5000];
	memset(buf, 'd', sizeof buf);
	CHECK(write(fd, buf, sizeof buf) == (ssize_t)sizeof buf, "write");
	printf("SEEK_DATA 0: %lld\n", (long long)lseek(fd, 0, SEEK_DATA));
	printf("SEEK_DATA 100: %lld\n", (long long)lseek(fd, 100, SEEK_DATA));
	printf("SEEK_HOLE 0: %lld\n", (long long)lseek(fd, 0, SEEK_HOLE));
	printf("SEEK_HOLE 4999: %lld\n", (long long)lseek(fd, 4999, SEEK_HOLE));
	printf("offset now: %lld\n", (long long)lseek(fd, 0, SEEK_CUR));
	CHECK_ERR(lseek(fd, 5000, SEEK_DATA), ENXIO);
	CHECK_ERR(lseek(fd, 5000, SEEK_HOLE), ENXIO);
	CHECK_ERR(lseek(fd, 9999, SEEK_DATA), ENXIO);
	CHECK_ERR(lseek(fd, -1, SEEK_DATA), ENXIO);
	int e = open("empty", O_CREAT | O_RDWR, 0644);
	CHECK_ERR(lseek(e, 0, SEEK_DATA), ENXIO);
	CHECK_ERR(lseek(e, 0, SEEK_HOLE), ENXIO);
	return compat_done();
}
