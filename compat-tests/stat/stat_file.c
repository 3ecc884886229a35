/* stat of a regular file: type, size, link count, permission bits,
 * owner, a positive st_blksize. */
#define _GNU_SOURCE
#include "compat.h"
#include "tmpdir.h"
#include <fcntl.h>
#include <sys/stat.h>

int main(void)
{
	compat_tmpdir();
	int fd = open("f", O_CREAT | O_WRONLY, 0640);
	CHECK(write(fd, "hello world", 11) == 11, "write");
	close(fd);
	struct stat st;
	CHECK_OK(stat("f", &st));
	printf("regular %d dir %d link %d\n", S_ISREG(st.st_mode), S_ISDIR(st.st_mode),
	       S_ISLNK(st.st_mode));
	printf("size %lld nlink %lu mode %04o uid %u gid %u\n", (long long)st.st_size,
	       (unsigned long)st.st_nlink, st.st_mode & 07777, st.st_uid, st.st_gid);
	printf("st_blksize > 0: %s\n", st.st_blksize > 0 ? "yes" : "no");
	printf("st_rdev %llu\n", (unsigned long long)st.st_rdev);
	close(open("empty", O_CREAT | O_WRONLY, 0604));
	CHECK_OK(stat("empty", &st));
	printf("empty: size %lld blocks %lld mode %04o\n", (long long)st.st_size,
	       (long long)st.st_blocks, st.st_mode & 07777);
	return compat_done();
}
