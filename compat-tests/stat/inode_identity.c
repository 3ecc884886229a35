/* st_ino/st_dev identify a file: hard links share them, rename keeps
 * them, different files differ, and a file in a subfolder has the same
 * st_dev as its folder. */
#define _GNU_SOURCE
#include "compat.h"
#include "tmpdir.h"
#include <fcntl.h>
#include <sys/stat.h>

int main(void)
{
	compat_tmpdir();
	close(open("a", O_CREAT | O_WRONLY, 0644));
	close(open("b", O_CREAT | O_WRONLY, 0644));
	CHECK_OK(mkdir("d", 0755));
	CHECK_OK(link("a", "d/a2"));
	struct stat a, b, a2, d;
	CHECK_OK(stat("a", &a));
	CHECK_OK(stat("b", &b));
	CHECK_OK(stat("d/a2", &a2));
	CHECK_OK(stat("d", &d));
	printf("a and b differ: %s\n", a.st_ino != b.st_ino ? "yes" : "no");
	printf("a and its link agree: %s\n", a.st_ino == a2.st_ino && a.st_dev == a2.st_dev ? "yes" : "no");
	printf("same st_dev in the folder: %s\n", a.st_dev == d.st_dev ? "yes" : "no");
	CHECK_OK(rename("a", "d/renamed"));
	CHECK_OK(stat("d/renamed", &b));
	printf("rename keeps the inode: %s\n", a.st_ino == b.st_ino ? "yes" : "no");
	printf("d differs from a: %s\n", d.st_ino != a.st_ino ? "yes" : "no");
	return compat_done();
}
