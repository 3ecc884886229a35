/* F_GETFL gives the access mode and status flags; F_SETFL changes
 * O_APPEND and O_NONBLOCK but ignores the access mode and the creation
 * flags. */
#define _GNU_SOURCE
#include "compat.h"
#include "tmpdir.h"
#include <fcntl.h>

static void show(const char *what, int fd)
{
	int fl = fcntl(fd, F_GETFL);
	const char *mode = (fl & O_ACCMODE) == O_RDONLY ? "O_RDONLY" :
			   (fl & O_ACCMODE) == O_WRONLY ? "O_WRONLY" : "O_RDWR";
	printf("%-22s %s%s%s\n", what, mode, fl & O_APPEND ? "|O_APPEND" : "",
	       fl & O_NONBLOCK ? "|O_NONBLOCK" : "");
}

int main(void)
{
	compat_tmpdir();
	int r = open("f", O_CREAT | O_RDONLY, 0644);
	int w = open("f", O_WRONLY | O_APPEND);
	int rw = open("f", O_RDWR | O_NONBLOCK | O_TRUNC);
	show("O_RDONLY|O_CREAT", r);
	show("O_WRONLY|O_APPEND", w);
	show("O_RDWR|O_NONBLOCK", rw);
	CHECK_OK(fcntl(r, F_SETFL, O_APPEND | O_NONBLOCK));
	show("r + APPEND|NONBLOCK", r);
	CHECK_OK(fcntl(w, F_SETFL, 0));
	show("w cleared", w);
	CHECK_OK(fcntl(r, F_SETFL, O_RDWR));
	show("r asked for O_RDWR", r);
	CHECK_ERR(write(r, "x", 1), EBADF);
	CHECK_OK(fcntl(rw, F_SETFL, O_TRUNC | O_CREAT | O_EXCL));
	show("rw + creation flags", rw);
	/* O_APPEND set with F_SETFL takes effect on the next write */
	CHECK(write(rw, "abc", 3) == 3, "write");
	CHECK(lseek(rw, 0, SEEK_SET) == 0, "seek");
	CHECK_OK(fcntl(rw, F_SETFL, O_APPEND));
	CHECK(write(rw, "d", 1) == 1, "write");
	printf("offset after an append: %lld\n", (long long)lseek(rw, 0, SEEK_CUR));
	return compat_done();
}
