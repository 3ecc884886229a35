/* futimens on a descriptor; the older utimes (microseconds, as
 * nanoseconds x1000) and utime (whole seconds); a bad descriptor is
 * EBADF. */
#define _GNU_SOURCE
#include "compat.h"
#include "tmpdir.h"
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <utime.h>

static void show(const char *what)
{
	struct stat st;
	CHECK_OK(stat("f", &st));
	printf("%-9s atime %lld.%09ld mtime %lld.%09ld\n", what, (long long)st.st_atim.tv_sec,
	       st.st_atim.tv_nsec, (long long)st.st_mtim.tv_sec, st.st_mtim.tv_nsec);
}

int main(void)
{
	compat_tmpdir();
	int fd = open("f", O_CREAT | O_RDONLY, 0644);
	struct timespec ts[2] = {{100, 5}, {200, 6}};
	CHECK_OK(futimens(fd, ts));
	show("futimens");
	struct timeval tv[2] = {{300, 7}, {400, 999999}};
	CHECK_OK(utimes("f", tv));
	show("utimes");
	struct utimbuf ub = {500, 600};
	CHECK_OK(utime("f", &ub));
	show("utime");
	CHECK_ERR(futimens(99, ts), EBADF);
	return compat_done();
}
