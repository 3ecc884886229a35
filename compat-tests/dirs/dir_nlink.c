/* A folder's link count: 2 when empty, plus one per subfolder (their
 * ".."); files do not count; removing a subfolder gives it back. */
#define _GNU_SOURCE
#include "compat.h"
#include "tmpdir.h"
#include <fcntl.h>
#include <sys/stat.h>

static unsigned long nlink(const char *p)
{
	struct stat st;
	return stat(p, &st) == 0 ? (unsigned long)st.st_nlink : 0;
}

int main(void)
{
	compat_tmpdir();
	CHECK_OK(mkdir("d", 0755));
	printf("empty: %lu\n", nlink("d"));
	CHECK_OK(mkdir("d/a", 0755));
	CHECK_OK(mkdir("d/b", 0755));
	close(open("d/f", O_CREAT | O_WRONLY, 0644));
	printf("two subfolders and a file: %lu\n", nlink("d"));
	CHECK_OK(rmdir("d/a"));
	printf("after rmdir: %lu\n", nlink("d"));
	CHECK_OK(rename("d/b", "b"));
	printf("after moving one out: %lu, the working folder %lu\n", nlink("d"), nlink("."));
	return compat_done();
}
