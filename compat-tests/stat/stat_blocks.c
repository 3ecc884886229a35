/* st_blocks counts 512-byte units: 0 for an empty file, enough for the
 * data after writing 10000 bytes, 0 again after truncating to 0. */
#define _GNU_SOURCE
#include "compat.h"
#include "tmpdir.h"
#include <fcntl.h>
#include <sys/stat.h>

int main(void)
{
	compat_tmpdir();
	int fd = open("f", O_CREAT | O_RDWR, 0644);
	struct stat st;
	CHECK_OK(fstat(fd, &st));
	printf("empty: %lld\n", (long long)st.st_blocks);
	static char buf[10000];
	memset(buf, 'x', sizeof buf);
	CHECK(write(fd, buf, sizeof buf) == (ssize_t)sizeof buf, "write");
	CHECK_OK(fsync(fd));
	CHECK_OK(fstat(fd, &st));
	printf("10000 bytes: at least 20 blocks %s\n", st.st_blocks >= 20 ? "yes" : "no");
	CHECK_OK(ftruncate(fd, 0));
	CHECK_OK(fstat(fd, &st));
	printf("truncated: %lld\n", (long long)st.st_blocks);
	return compat_done();
}
