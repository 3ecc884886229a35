/* utimensat(AT_SYMLINK_NOFOLLOW) sets the times of the symlink itself and
 * leaves its target's alone; without it, the target's. */
#define _GNU_SOURCE
#include "compat.h"
#include "tmpdir.h"
#include <fcntl.h>
#include <sys/stat.h>

int main(void)
{
	compat_tmpdir();
	close(open("f", O_CREAT | O_WRONLY, 0644));
	CHECK_OK(symlink("f", "l"));
	struct timespec t1[2] = {{111, 0}, {222, 0}}, t2[2] = {{333, 0}, {444, 0}};
	CHECK_OK(utimensat(AT_FDCWD, "f", t1, 0));
	CHECK_OK(utimensat(AT_FDCWD, "l", t2, AT_SYMLINK_NOFOLLOW));
	struct stat st;
	CHECK_OK(lstat("l", &st));
	printf("link: atime %lld mtime %lld\n", (long long)st.st_atim.tv_sec,
	       (long long)st.st_mtim.tv_sec);
	CHECK_OK(stat("f", &st));
	printf("target: atime %lld mtime %lld\n", (long long)st.st_atim.tv_sec,
	       (long long)st.st_mtim.tv_sec);
	CHECK_OK(utimensat(AT_FDCWD, "l", t2, 0));
	CHECK_OK(stat("f", &st));
	printf("without the flag, target: mtime %lld\n", (long long)st.st_mtim.tv_sec);
	return compat_done();
}
