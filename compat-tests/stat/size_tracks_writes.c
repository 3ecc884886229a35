/* st_size follows writes, appends, writes past the end and truncation,
 * seen through stat of the name and fstat of another descriptor. */
#define _GNU_SOURCE
#include "compat.h"
#include "tmpdir.h"
#include <fcntl.h>
#include <sys/stat.h>

static long long sz(int fd)
{
	struct stat st;
	return fstat(fd, &st) == 0 ? (long long)st.st_size : -1;
}

int main(void)
{
	compat_tmpdir();
	int w = open("f", O_CREAT | O_WRONLY, 0644);
	int r = open("f", O_RDONLY);
	static char buf[70000];
	printf("new: %lld\n", sz(r));
	CHECK(write(w, buf, 100) == 100, "write 100");
	printf("after 100: %lld\n", sz(r));
	CHECK(write(w, buf, sizeof buf) == (ssize_t)sizeof buf, "write 70000");
	printf("after 70000 more: %lld\n", sz(r));
	CHECK(pwrite(w, "x", 1, 200000) == 1, "pwrite far");
	printf("after a byte at 200000: %lld\n", sz(r));
	CHECK(pwrite(w, "y", 1, 5) == 1, "pwrite inside");
	printf("after a byte inside: %lld\n", sz(r));
	CHECK_OK(ftruncate(w, 50));
	struct stat st;
	CHECK_OK(stat("f", &st));
	printf("after ftruncate 50, stat says %lld\n", (long long)st.st_size);
	return compat_done();
}
