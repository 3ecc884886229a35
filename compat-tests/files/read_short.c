/* A read asking for more than is left returns what is left; the next
 * returns 0. Reads straddling the end of a multi-page file. */
#define _GNU_SOURCE
#include "compat.h"
#include "tmpdir.h"
#include <fcntl.h>
#include <stdlib.h>

int main(void)
{
	compat_tmpdir();
	int fd = open("f", O_CREAT | O_RDWR, 0644);
	static char big[10000];
	for (int i = 0; i < (int)sizeof big; i++)
		big[i] = 'a' + i % 26;
	CHECK(write(fd, big, sizeof big) == (ssize_t)sizeof big, "write 10000");
	CHECK(lseek(fd, 9990, SEEK_SET) == 9990, "seek");
	char buf[100] = {0};
	ssize_t n = read(fd, buf, sizeof buf);
	printf("read 100 at 9990: %zd \"%.*s\"\n", n, (int)(n > 0 ? n : 0), buf);
	printf("then: %zd\n", read(fd, buf, sizeof buf));
	CHECK(lseek(fd, 0, SEEK_SET) == 0, "rewind");
	static char all[20000];
	n = read(fd, all, sizeof all);
	printf("read 20000 from 0: %zd, same data: %s\n", n,
	       n == 10000 && memcmp(all, big, 10000) == 0 ? "yes" : "no");
	/* a read that crosses a page boundary */
	n = pread(fd, buf, 10, 4090);
	printf("pread 10 at 4090: %zd \"%.10s\"\n", n, buf);
	close(fd);
	return compat_done();
}
