/* As root, mknod(S_IFCHR) makes a character device node: stat reports the
 * type and st_rdev (major 1, minor 3, like /dev/null); opening it reaches
 * the null device. /dev/null and /dev/zero themselves have those
 * numbers. */
#define _GNU_SOURCE
#include "compat.h"
#include "tmpdir.h"
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>

int main(void)
{
	compat_tmpdir();
	struct stat st;
	CHECK_OK(stat("/dev/null", &st));
	printf("/dev/null: chr %d rdev %u:%u\n", S_ISCHR(st.st_mode), major(st.st_rdev),
	       minor(st.st_rdev));
	CHECK_OK(stat("/dev/zero", &st));
	printf("/dev/zero: chr %d rdev %u:%u\n", S_ISCHR(st.st_mode), major(st.st_rdev),
	       minor(st.st_rdev));
	CHECK_OK(mknod("mynull", S_IFCHR | 0666, makedev(1, 3)));
	CHECK_OK(lstat("mynull", &st));
	printf("mynull: chr %d rdev %u:%u mode %04o\n", S_ISCHR(st.st_mode), major(st.st_rdev),
	       minor(st.st_rdev), st.st_mode & 07777);
	int fd = open("mynull", O_RDWR);
	CHECK(fd >= 0, "open the node");
	char c;
	printf("write %zd, read %zd\n", write(fd, "abc", 3), read(fd, &c, 1));
	return compat_done();
}
