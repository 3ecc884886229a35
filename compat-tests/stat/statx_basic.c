/* statx: the basic fields agree with stat; the mask has every
 * STATX_BASIC_STATS bit for a regular file; AT_EMPTY_PATH and
 * AT_SYMLINK_NOFOLLOW work as for fstatat. The raw system call and the
 * structure as statx(2) lays it out (musl 1.2.3 has neither). */
#define _GNU_SOURCE
#include "compat.h"
#include "tmpdir.h"
#include <fcntl.h>
#include <stdint.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>

struct sx_time {
	int64_t sec;
	uint32_t nsec;
	int32_t reserved;
};
struct sx {
	uint32_t mask, blksize;
	uint64_t attributes;
	uint32_t nlink, uid, gid;
	uint16_t mode, pad;
	uint64_t ino, size, blocks, attributes_mask;
	struct sx_time atime, btime, ctime, mtime;
	uint32_t rdev_major, rdev_minor, dev_major, dev_minor;
	uint64_t spare[14];
};
#define BASIC_STATS 0x7ffu

static long sx(int dfd, const char *p, int flags, unsigned mask, struct sx *b)
{
	return syscall(SYS_statx, dfd, p, flags, mask, b);
}

int main(void)
{
	compat_tmpdir();
	printf("sizeof struct statx %zu\n", sizeof(struct sx));
	int fd = open("f", O_CREAT | O_WRONLY, 0640);
	CHECK(write(fd, "statx!", 6) == 6, "write");
	struct sx b;
	struct stat st;
	memset(&b, 0xff, sizeof b);
	CHECK_OK(sx(AT_FDCWD, "f", 0, BASIC_STATS, &b));
	CHECK_OK(stat("f", &st));
	printf("basic stats in the mask: %s\n", (b.mask & BASIC_STATS) == BASIC_STATS ? "yes" : "no");
	printf("regular %d mode %04o size %llu nlink %u uid %u gid %u\n", S_ISREG(b.mode),
	       b.mode & 07777, (unsigned long long)b.size, b.nlink, b.uid, b.gid);
	printf("ino as stat %d, mtime as stat %d, blksize as stat %d\n", b.ino == st.st_ino,
	       b.mtime.sec == st.st_mtim.tv_sec && b.mtime.nsec == st.st_mtim.tv_nsec,
	       b.blksize == (uint32_t)st.st_blksize);
	printf("dev as stat %d\n", makedev(b.dev_major, b.dev_minor) == (dev_t)st.st_dev);
	CHECK_OK(symlink("f", "l"));
	CHECK_OK(sx(AT_FDCWD, "l", AT_SYMLINK_NOFOLLOW, BASIC_STATS, &b));
	printf("AT_SYMLINK_NOFOLLOW: link %d size %llu\n", S_ISLNK(b.mode),
	       (unsigned long long)b.size);
	CHECK_OK(sx(fd, "", AT_EMPTY_PATH, BASIC_STATS, &b));
	printf("AT_EMPTY_PATH: regular %d size %llu\n", S_ISREG(b.mode), (unsigned long long)b.size);
	CHECK_OK(sx(AT_FDCWD, ".", 0, 0, &b));
	printf("mask 0 works, folder %d\n", S_ISDIR(b.mode));
	return compat_done();
}
