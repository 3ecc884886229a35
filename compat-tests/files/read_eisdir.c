/* read on a descriptor of a folder fails with EISDIR (write cannot even
 * be opened: EISDIR at open). */
#define _GNU_SOURCE
#include "compat.h"
#include "tmpdir.h"
#include <fcntl.h>
#include <sys/stat.h>

int main(void)
{
	compat_tmpdir();
	CHECK_OK(mkdir("d", 0755));
	int fd = open("d", O_RDONLY);
	CHECK(fd >= 0, "open a folder");
	char buf[16];
	CHECK_ERR(read(fd, buf, sizeof buf), EISDIR);
	CHECK_ERR(pread(fd, buf, sizeof buf, 0), EISDIR);
	CHECK_ERR(write(fd, buf, 1), EBADF);
	close(fd);
	printf("read on a folder: EISDIR\n");
	return compat_done();
}
