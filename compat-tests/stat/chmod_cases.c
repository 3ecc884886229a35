/* chmod sets all twelve mode bits (setuid, setgid, sticky included) and
 * keeps the file type; through a symlink it changes the target; fchmod
 * and fchmodat the same; a missing name is ENOENT. */
#define _GNU_SOURCE
#include "compat.h"
#include "tmpdir.h"
#include <fcntl.h>
#include <sys/stat.h>

static void show(const char *p)
{
	struct stat st;
	CHECK_OK(lstat(p, &st));
	printf("%-3s %s %04o\n", p, S_ISREG(st.st_mode) ? "file" : S_ISDIR(st.st_mode) ? "dir " : "link",
	       st.st_mode & 07777);
}

int main(void)
{
	compat_tmpdir();
	int fd = open("f", O_CREAT | O_WRONLY, 0644);
	CHECK_OK(mkdir("d", 0755));
	CHECK_OK(symlink("f", "l"));
	unsigned modes[] = {0, 0777, 04755, 02711, 01700, 07777, 0644};
	for (int i = 0; i < 7; i++) {
		CHECK_OK(chmod("f", modes[i]));
		show("f");
	}
	CHECK_OK(chmod("d", 01777));
	show("d");
	CHECK_OK(chmod("l", 0600));
	show("f");
	show("l");
	CHECK_OK(fchmod(fd, 0604));
	show("f");
	CHECK_OK(fchmodat(AT_FDCWD, "d", 0700, 0));
	show("d");
	CHECK_OK(chmod("f", 0170777));
	show("f");
	CHECK_ERR(chmod("missing", 0644), ENOENT);
	CHECK_ERR(chmod("f/x", 0644), ENOTDIR);
	CHECK_ERR(fchmod(99, 0644), EBADF);
	return compat_done();
}
