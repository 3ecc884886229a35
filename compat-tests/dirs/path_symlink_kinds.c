/* Symlinks: a relative target resolves from the link's folder, not from
 * the current one; an absolute target from /; a dangling link is ENOENT
 * to stat but fine for lstat; open(O_CREAT) through a dangling link
 * creates its target. */
#define _GNU_SOURCE
#include "compat.h"
#include "tmpdir.h"
#include <fcntl.h>
#include <sys/stat.h>

int main(void)
{
	compat_tmpdir();
	CHECK_OK(mkdir("d", 0755));
	close(open("d/f", O_CREAT | O_WRONLY, 0644));
	close(open("f", O_CREAT | O_WRONLY, 0600));
	CHECK_OK(symlink("f", "d/rel"));
	char abs[64];
	snprintf(abs, sizeof abs, "%s/f", compat_tmp);
	CHECK_OK(symlink(abs, "d/abs"));
	struct stat st;
	CHECK_OK(stat("d/rel", &st));
	printf("d/rel -> f means d/f: mode %o\n", st.st_mode & 0777);
	CHECK_OK(stat("d/abs", &st));
	printf("d/abs -> <tmp>/f: mode %o\n", st.st_mode & 0777);
	CHECK_OK(symlink("newfile", "d/dangling"));
	CHECK_ERR(stat("d/dangling", &st), ENOENT);
	CHECK_OK(lstat("d/dangling", &st));
	int fd = open("d/dangling", O_CREAT | O_WRONLY, 0640);
	CHECK(fd >= 0, "O_CREAT through a dangling link");
	close(fd);
	CHECK_OK(lstat("d/newfile", &st));
	printf("created d/newfile: regular %d mode %o\n", S_ISREG(st.st_mode), st.st_mode & 0777);
	CHECK_OK(symlink("d", "ld"));
	CHECK_OK(symlink("ld", "lld"));
	CHECK_OK(stat("lld/f", &st));
	printf("a link to a link to a folder: walks through\n");
	return compat_done();
}
