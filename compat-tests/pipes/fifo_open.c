/* Named FIFOs: a non-blocking open for reading succeeds with no writer; a
 * non-blocking open for writing with no reader is ENXIO, and succeeds
 * once a reader exists; data then flows; O_RDWR opens without waiting. */
#define _GNU_SOURCE
#include "compat.h"
#include "tmpdir.h"
#include <fcntl.h>
#include <sys/stat.h>

int main(void)
{
	compat_tmpdir();
	CHECK_OK(mkfifo("ff", 0644));
	CHECK_ERR(open("ff", O_WRONLY | O_NONBLOCK), ENXIO);
	int r = open("ff", O_RDONLY | O_NONBLOCK);
	CHECK(r >= 0, "non-blocking open for reading");
	char buf[16] = {0};
	printf("read with no writer ever: %zd\n", read(r, buf, sizeof buf));
	int w = open("ff", O_WRONLY | O_NONBLOCK);
	CHECK(w >= 0, "non-blocking open for writing with a reader");
	CHECK(write(w, "via fifo", 8) == 8, "write");
	printf("read: %zd %s\n", read(r, buf, sizeof buf), buf);
	CHECK_ERR(read(r, buf, sizeof buf), EAGAIN);
	close(w);
	printf("after the writer closed: %zd\n", read(r, buf, sizeof buf));
	close(r);
	int rw = open("ff", O_RDWR);
	CHECK(rw >= 0, "O_RDWR");
	CHECK(write(rw, "self", 4) == 4, "write to itself");
	memset(buf, 0, sizeof buf);
	printf("O_RDWR loop: %zd %s\n", read(rw, buf, sizeof buf), buf);
	return compat_done();
}
