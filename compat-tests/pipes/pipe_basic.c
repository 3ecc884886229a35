/* pipe: two new descriptors, the lowest free, [0] read-only and [1]
 * write-only; bytes come out in order; fstat says FIFO. */
#define _GNU_SOURCE
#include "compat.h"
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

int main(void)
{
	int p[2];
	CHECK_OK(pipe(p));
	printf("fds %d %d\n", p[0], p[1]);
	printf("access modes: %s %s\n", (fcntl(p[0], F_GETFL) & O_ACCMODE) == O_RDONLY ? "O_RDONLY" : "?",
	       (fcntl(p[1], F_GETFL) & O_ACCMODE) == O_WRONLY ? "O_WRONLY" : "?");
	printf("FD_CLOEXEC %d %d\n", fcntl(p[0], F_GETFD), fcntl(p[1], F_GETFD));
	CHECK(write(p[1], "hello ", 6) == 6, "write");
	CHECK(write(p[1], "pipe", 4) == 4, "write");
	char buf[32] = {0};
	ssize_t n = read(p[0], buf, sizeof buf);
	printf("read %zd: %s\n", n, buf);
	struct stat st;
	CHECK_OK(fstat(p[0], &st));
	printf("fifo %d, mode bits %04o\n", S_ISFIFO(st.st_mode), st.st_mode & 0777);
	struct stat st1;
	CHECK_OK(fstat(p[1], &st1));
	printf("both ends one inode: %s\n", st.st_ino == st1.st_ino ? "yes" : "no");
	CHECK_ERR(pipe((int *)1), EFAULT);
	return compat_done();
}
