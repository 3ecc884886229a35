/* After the last write end is closed, reads drain what is buffered and
 * then return 0, again and again; a dup of the write end keeps the pipe
 * open until it is closed too. */
#define _GNU_SOURCE
#include "compat.h"
#include <unistd.h>

int main(void)
{
	int p[2];
	CHECK_OK(pipe(p));
	int w2 = dup(p[1]);
	CHECK(write(p[1], "tail", 4) == 4, "write");
	close(p[1]);
	char buf[16] = {0};
	printf("buffered: %zd %s\n", read(p[0], buf, sizeof buf), buf);
	CHECK(write(w2, "more", 4) == 4, "write through the dup");
	close(w2);
	memset(buf, 0, sizeof buf);
	printf("from the dup: %zd %s\n", read(p[0], buf, sizeof buf), buf);
	printf("then: %zd, %zd\n", read(p[0], buf, sizeof buf), read(p[0], buf, sizeof buf));
	return compat_done();
}
