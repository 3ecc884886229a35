/* chown as root: any uid/gid is accepted and reported back by stat; -1
 * leaves that id alone; lchown changes the link, chown through it the
 * target; fchown and fchownat the same; a missing name is ENOENT. */
#define _GNU_SOURCE
#include "compat.h"
#include "tmpdir.h"
#include <fcntl.h>
#include <sys/stat.h>

static void show(const char *p)
{
	struct stat st;
	CHECK_OK(lstat(p, &st));
	printf("%s: uid %u gid %u\n", p, st.st_uid, st.st_gid);
}

int main(void)
{
	compat_tmpdir();
	int fd = open("f", O_CREAT | O_WRONLY, 0644);
	CHECK_OK(symlink("f", "l"));
	show("f");
	CHECK_OK(chown("f", 1000, 2000));
	show("f");
	CHECK_OK(chown("f", -1, 3000));
	show("f");
	CHECK_OK(chown("f", 4000, -1));
	show("f");
	CHECK_OK(lchown("l", 55, 66));
	show("l");
	show("f");
	CHECK_OK(chown("l", 7, 8));
	show("f");
	CHECK_OK(fchown(fd, 0, 0));
	show("f");
	CHECK_OK(fchownat(AT_FDCWD, "l", 9, 9, AT_SYMLINK_NOFOLLOW));
	show("l");
	CHECK_ERR(chown("missing", 0, 0), ENOENT);
	CHECK_ERR(fchown(99, 0, 0), EBADF);
	CHECK_ERR(fchownat(AT_FDCWD, "f", 0, 0, 0x1), EINVAL);
	return compat_done();
}
