/* Modification times: after a write, mtime and ctime move forward from
 * an old time set with utimensat, and atime stays; a zero-length write
 * does not change mtime... on Linux it still may; not tested. A folder's
 * mtime moves when an entry is added or removed. */
#define _GNU_SOURCE
#include "compat.h"
#include "tmpdir.h"
#include <fcntl.h>
#include <sys/stat.h>
#include <time.h>

int main(void)
{
	compat_tmpdir();
	int fd = open("f", O_CREAT | O_RDWR, 0644);
	struct timespec old[2] = {{1000000000, 0}, {1000000000, 0}};
	CHECK_OK(futimens(fd, old));
	struct stat a, b;
	CHECK_OK(fstat(fd, &a));
	time_t now = time(NULL);
	CHECK(write(fd, "data", 4) == 4, "write");
	CHECK_OK(fstat(fd, &b));
	printf("mtime moved forward: %s\n", b.st_mtim.tv_sec > a.st_mtim.tv_sec ? "yes" : "no");
	printf("mtime is about now: %s\n", b.st_mtim.tv_sec >= now - 2 && b.st_mtim.tv_sec <= now + 2 ? "yes" : "no");
	printf("ctime == mtime after the write: %s\n",
	       b.st_ctim.tv_sec == b.st_mtim.tv_sec && b.st_ctim.tv_nsec == b.st_mtim.tv_nsec ? "yes" : "no");
	printf("atime unchanged: %s\n", b.st_atim.tv_sec == 1000000000 ? "yes" : "no");
	CHECK_OK(futimens(fd, old));
	CHECK_OK(ftruncate(fd, 1));
	CHECK_OK(fstat(fd, &b));
	printf("ftruncate moves mtime: %s\n", b.st_mtim.tv_sec > 1000000000 ? "yes" : "no");
	CHECK_OK(mkdir("d", 0755));
	CHECK_OK(utimensat(AT_FDCWD, "d", old, 0));
	close(open("d/new", O_CREAT | O_WRONLY, 0644));
	CHECK_OK(stat("d", &b));
	printf("folder mtime moves on create: %s\n", b.st_mtim.tv_sec > 1000000000 ? "yes" : "no");
	CHECK_OK(utimensat(AT_FDCWD, "d", old, 0));
	CHECK_OK(unlink("d/new"));
	CHECK_OK(stat("d", &b));
	printf("folder mtime moves on unlink: %s\n", b.st_mtim.tv_sec > 1000000000 ? "yes" : "no");
	return compat_done();
}
