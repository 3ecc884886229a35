/* st_nlink of a file: 1, 2 after link, back to 1 after unlinking a name,
 * 0 through an open descriptor once the last name is gone. */
#define _GNU_SOURCE
#include "compat.h"
#include "tmpdir.h"
#include <fcntl.h>
#include <sys/stat.h>

static unsigned long nl(int fd)
{
	struct stat st;
	return fstat(fd, &st) == 0 ? (unsigned long)st.st_nlink : 999;
}

int main(void)
{
	compat_tmpdir();
	int fd = open("a", O_CREAT | O_WRONLY, 0644);
	printf("new: %lu\n", nl(fd));
	CHECK_OK(link("a", "b"));
	CHECK_OK(link("b", "c"));
	printf("two links more: %lu\n", nl(fd));
	CHECK_OK(unlink("a"));
	printf("unlink a: %lu\n", nl(fd));
	CHECK_OK(rename("b", "c"));
	printf("rename b over c (same file): %lu\n", nl(fd));
	CHECK_OK(unlink("b"));
	CHECK_OK(unlink("c"));
	printf("all names gone: %lu\n", nl(fd));
	return compat_done();
}
