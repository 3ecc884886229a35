/* stat of a folder: S_ISDIR, permission bits, nlink 2 when empty; "."
 * and the folder's own name are the same inode. */
#define _GNU_SOURCE
#include "compat.h"
#include "tmpdir.h"
#include <sys/stat.h>

int main(void)
{
	compat_tmpdir();
	CHECK_OK(mkdir("d", 0750));
	struct stat st, dot;
	CHECK_OK(stat("d", &st));
	printf("dir %d regular %d mode %04o nlink %lu\n", S_ISDIR(st.st_mode), S_ISREG(st.st_mode),
	       st.st_mode & 07777, (unsigned long)st.st_nlink);
	CHECK_OK(stat("d/.", &dot));
	printf("d/. is d: %s\n", dot.st_ino == st.st_ino && dot.st_dev == st.st_dev ? "yes" : "no");
	CHECK_OK(stat("d/..", &dot));
	struct stat here;
	CHECK_OK(stat(".", &here));
	printf("d/.. is .: %s\n", dot.st_ino == here.st_ino ? "yes" : "no");
	CHECK_OK(stat("/", &st));
	printf("/: dir %d\n", S_ISDIR(st.st_mode));
	return compat_done();
}
