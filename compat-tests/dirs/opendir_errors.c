/* opendir of a file is ENOTDIR, of a missing name ENOENT; fdopendir on a
 * file descriptor is ENOTDIR; fdopendir of a folder descriptor works and
 * dirfd gives the descriptor back. */
#define _GNU_SOURCE
#include "compat.h"
#include "tmpdir.h"
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>

int main(void)
{
	compat_tmpdir();
	close(open("f", O_CREAT | O_WRONLY, 0644));
	CHECK_OK(mkdir("d", 0755));
	errno = 0;
	CHECK(opendir("f") == NULL && errno == ENOTDIR, "opendir of a file");
	errno = 0;
	CHECK(opendir("missing") == NULL && errno == ENOENT, "opendir of a missing name");
	int f = open("f", O_RDONLY);
	errno = 0;
	CHECK(fdopendir(f) == NULL && errno == ENOTDIR, "fdopendir of a file");
	int d = open("d", O_RDONLY | O_DIRECTORY);
	DIR *dir = fdopendir(d);
	CHECK(dir != NULL, "fdopendir of a folder");
	printf("dirfd gives it back: %s\n", dir && dirfd(dir) == d ? "yes" : "no");
	int n = 0;
	while (dir && readdir(dir))
		n++;
	printf("entries %d\n", n);
	if (dir)
		closedir(dir);
	CHECK_ERR(fcntl(d, F_GETFD), EBADF);
	printf("closedir closed the descriptor\n");
	return compat_done();
}
