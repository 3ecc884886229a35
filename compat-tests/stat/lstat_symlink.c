/* lstat describes the symlink itself (S_IFLNK, size = length of the
 * target string, mode 0777); stat describes its target. */
#define _GNU_SOURCE
#include "compat.h"
#include "tmpdir.h"
#include <fcntl.h>
#include <sys/stat.h>

int main(void)
{
	compat_tmpdir();
	int fd = open("target-file", O_CREAT | O_WRONLY, 0600);
	CHECK(write(fd, "12345", 5) == 5, "write");
	close(fd);
	CHECK_OK(symlink("target-file", "link"));
	struct stat l, s;
	CHECK_OK(lstat("link", &l));
	CHECK_OK(stat("link", &s));
	printf("lstat: link %d size %lld mode %04o nlink %lu\n", S_ISLNK(l.st_mode),
	       (long long)l.st_size, l.st_mode & 07777, (unsigned long)l.st_nlink);
	printf("stat: regular %d size %lld mode %04o\n", S_ISREG(s.st_mode), (long long)s.st_size,
	       s.st_mode & 07777);
	printf("different inodes: %s\n", l.st_ino != s.st_ino ? "yes" : "no");
	CHECK_OK(lstat("target-file", &l));
	printf("lstat of a non-link is stat: %s\n", l.st_ino == s.st_ino ? "yes" : "no");
	return compat_done();
}
