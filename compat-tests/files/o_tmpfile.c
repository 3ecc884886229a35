/* O_TMPFILE makes an unnamed file in a folder: it has no name (nlink 0,
 * the folder stays empty), can be written and read, and linkat with
 * AT_EMPTY_PATH gives it a name; without O_EXCL that is allowed.
 * O_TMPFILE on a file is ENOTDIR; without a write mode EINVAL. (glibc's
 * tmpfile() uses it.) */
#define _GNU_SOURCE
#include "compat.h"
#include "tmpdir.h"
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>

static int entries(const char *p)
{
	DIR *d = opendir(p);
	int n = 0;
	while (d && readdir(d))
		n++;
	if (d)
		closedir(d);
	return n;
}

int main(void)
{
	compat_tmpdir();
	CHECK_OK(mkdir("d", 0755));
	int fd = open("d", O_TMPFILE | O_RDWR, 0600);
	CHECK(fd >= 0, "O_TMPFILE");
	struct stat st;
	CHECK_OK(fstat(fd, &st));
	printf("regular %d nlink %lu mode %04o, entries in d: %d\n", S_ISREG(st.st_mode),
	       (unsigned long)st.st_nlink, st.st_mode & 07777, entries("d"));
	CHECK(write(fd, "anonymous", 9) == 9, "write");
	char buf[16] = {0};
	CHECK(pread(fd, buf, sizeof buf, 0) == 9, "read");
	printf("data: %s\n", buf);
	CHECK_OK(linkat(fd, "", AT_FDCWD, "d/named", AT_EMPTY_PATH));
	CHECK_OK(fstat(fd, &st));
	printf("after linkat: nlink %lu, entries in d: %d\n", (unsigned long)st.st_nlink, entries("d"));
	close(open("f", O_CREAT | O_WRONLY, 0644));
	CHECK_ERR(open("f", O_TMPFILE | O_RDWR, 0600), ENOTDIR);
	CHECK_ERR(open("d", O_TMPFILE | O_RDONLY, 0600), EINVAL);
	return compat_done();
}
