/*
 * test_ramfs.c - host unit tests for ramfs (vfs/ramfs.c, ramfs_data.c)
 * through the file system calls: file data (large, sparse, truncation),
 * link counts, hard links, unlinked-but-open files, rename in all its
 * cases, getdents cookies under concurrent removal, and timestamps.
 * Built by vfs/tests/vfs.mk.
 */
#include "vfstest.h"

static void test_data(void)
{
	static char big[3 * 1024 * 1024 + 123], back[sizeof(big)];
	char buf[64];
	struct stat st;
	long fd;

	for (size_t i = 0; i < sizeof(big); i++)
		big[i] = (char)(i * 7 + i / 4096);
	CHECK(vt_put("/r/big", big, sizeof(big)) == (long)sizeof(big));
	fd = sys_open("/r/big", O_RDONLY, 0);
	CHECK(fd >= 3);
	/* odd-sized reads across page and bounce-buffer boundaries */
	size_t got = 0;
	for (size_t k = 1; got < sizeof(big); k = k * 3 + 1) {
		long r = sys_read(fd, back + got, MIN(k, sizeof(big) - got));
		CHECK(r > 0);
		if (r <= 0)
			break;
		got += (size_t)r;
	}
	CHECK(got == sizeof(big) && memcmp(big, back, sizeof(big)) == 0);
	CHECK(sys_read(fd, buf, sizeof(buf)) == 0);
	CHECK(sys_fstat(fd, &st) == 0 && st.st_size == (long)sizeof(big));
	CHECK(st.st_blocks == (long)((sizeof(big) + 4095) / 4096 * 8));
	sys_close(fd);

	/* sparse: one byte far out; the hole reads as zeros and costs nothing */
	fd = sys_open("/r/sparse", O_RDWR | O_CREAT, 0644);
	CHECK(sys_pwrite64(fd, "x", 1, 10 << 20) == 1);
	CHECK(sys_pread64(fd, buf, 4, 5 << 20) == 4 && memcmp(buf, "\0\0\0\0", 4) == 0);
	CHECK(sys_fstat(fd, &st) == 0 && st.st_size == (10 << 20) + 1 && st.st_blocks == 8);
	CHECK(sys_pwrite64(fd, "far", 3, 1LL << 40) == 3);
	CHECK(sys_pread64(fd, buf, 8, 1LL << 40) == 3 && memcmp(buf, "far", 3) == 0);
	CHECK(sys_fstat(fd, &st) == 0 && st.st_size == (1LL << 40) + 3 && st.st_blocks == 16);
	/* shrinking frees pages and clears the tail, so growing shows zeros */
	CHECK(sys_pwrite64(fd, "ABCDEFGH", 8, 0) == 8);
	CHECK(sys_ftruncate(fd, 4) == 0);
	CHECK(sys_fstat(fd, &st) == 0 && st.st_size == 4 && st.st_blocks == 8);
	CHECK(sys_ftruncate(fd, 8) == 0);
	CHECK(sys_pread64(fd, buf, 16, 0) == 8 && memcmp(buf, "ABCD\0\0\0\0", 8) == 0);
	CHECK(sys_ftruncate(fd, 0) == 0);
	CHECK(sys_fstat(fd, &st) == 0 && st.st_blocks == 0);
	CHECK(sys_pwrite64(fd, "x", 1, INT64_MAX) == -EFBIG);
	CHECK(sys_ftruncate(fd, -1) == -EINVAL);
	sys_close(fd);
}

static long nlink(const char *path)
{
	struct stat st;
	long r = sys_lstat(path, &st);
	return r ? r : (long)st.st_nlink;
}

static void test_links(void)
{
	char buf[32];
	struct stat st;
	long fd;

	CHECK(sys_mkdir("/r/d", 0755) == 0);
	CHECK(nlink("/r/d") == 2);
	long parent = nlink("/r");
	CHECK(sys_mkdir("/r/d/sub", 0755) == 0);
	CHECK(nlink("/r/d") == 3 && nlink("/r") == parent);
	CHECK(sys_rmdir("/r/d/sub") == 0 && nlink("/r/d") == 2);

	CHECK(vt_put("/r/d/f", "data", 4) == 4);
	CHECK(sys_link("/r/d/f", "/r/d/g") == 0);
	CHECK(nlink("/r/d/f") == 2 && vt_ino("/r/d/f") == vt_ino("/r/d/g"));
	CHECK(sys_link("/r/d/f", "/r/d/g") == -EEXIST);
	CHECK(sys_link("/r/d", "/r/d2") == -EPERM);
	CHECK(sys_unlink("/r/d/f") == 0 && nlink("/r/d/g") == 1);
	CHECK(vt_get("/r/d/g", buf, sizeof(buf)) == 4 && strcmp(buf, "data") == 0);

	/* an unlinked file lives on while open */
	fd = sys_open("/r/d/g", O_RDWR | O_APPEND, 0);
	CHECK(sys_unlink("/r/d/g") == 0);
	CHECK(sys_stat("/r/d/g", &st) == -ENOENT);
	CHECK(sys_fstat(fd, &st) == 0 && st.st_nlink == 0);
	CHECK(sys_write(fd, "more", 4) == 4);
	CHECK(sys_pread64(fd, buf, 8, 0) == 8 && memcmp(buf, "datamore", 8) == 0);
	CHECK(sys_close(fd) == 0);
	CHECK(sys_rmdir("/r/d") == 0);
}

static void test_rename(void)
{
	char buf[32];
	long ino;

	CHECK(sys_mkdir("/r/m", 0755) == 0);
	CHECK(vt_put("/r/m/a", "A", 1) == 1 && vt_put("/r/m/b", "B", 1) == 1);
	ino = vt_ino("/r/m/a");
	CHECK(sys_rename("/r/m/a", "/r/m/b") == 0);
	CHECK(vt_ino("/r/m/b") == ino && vt_mode("/r/m/a", true) == -ENOENT);
	CHECK(sys_rename("/r/m/b", "/r/m/b") == 0);
	CHECK(sys_rename("/r/m/nope", "/r/m/x") == -ENOENT);

	CHECK(sys_mkdir("/r/m/d1", 0755) == 0 && sys_mkdir("/r/m/d2", 0755) == 0);
	CHECK(sys_rename("/r/m/d1", "/r/m/d2") == 0); /* dir over empty dir */
	CHECK(sys_mkdir("/r/m/d3", 0755) == 0 && vt_put("/r/m/d3/f", "", 0) == 0);
	CHECK(sys_rename("/r/m/d2", "/r/m/d3") == -ENOTEMPTY);
	CHECK(sys_rename("/r/m/b", "/r/m/d3") == -EISDIR);
	CHECK(sys_rename("/r/m/d2", "/r/m/b") == -ENOTDIR);
	CHECK(sys_rename("/r/m/d3", "/r/m/d3/sub") == -EINVAL);
	CHECK(sys_rename("/r/m/b/", "/r/m/c") == -ENOTDIR);
	CHECK(sys_rename("/r/m/.", "/r/m/x") == -EBUSY);
	CHECK(sys_renameat2(AT_FDCWD, "/r/m/b", AT_FDCWD, "/r/m/d3/f", RENAME_NOREPLACE) == -EEXIST);
	CHECK(sys_renameat2(AT_FDCWD, "/r/m/b", AT_FDCWD, "/r/m/x", 0x80) == -EINVAL);

	/* moving a directory between parents fixes both link counts and ".." */
	long before = nlink("/r/m");
	CHECK(sys_rename("/r/m/d2", "/r/m/d3/moved") == 0);
	CHECK(nlink("/r/m") == before - 1 && nlink("/r/m/d3") == 3);
	CHECK(vt_ino("/r/m/d3/moved/..") == vt_ino("/r/m/d3"));
	CHECK(sys_chdir("/r/m/d3/moved") == 0);
	CHECK(sys_getcwd(buf, sizeof(buf)) == (long)strlen("/r/m/d3/moved") + 1 &&
	      strcmp(buf, "/r/m/d3/moved") == 0);
	CHECK(sys_chdir("/") == 0);

	/* RENAME_EXCHANGE swaps a file and a directory */
	CHECK(sys_renameat2(AT_FDCWD, "/r/m/b", AT_FDCWD, "/r/m/d3", RENAME_EXCHANGE) == 0);
	CHECK(S_ISDIR(vt_mode("/r/m/b", true)) && S_ISREG(vt_mode("/r/m/d3", true)));
	CHECK(vt_ino("/r/m/b/moved/..") == vt_ino("/r/m/b"));
	CHECK(sys_renameat2(AT_FDCWD, "/r/m/b", AT_FDCWD, "/r/m/none", RENAME_EXCHANGE) == -ENOENT);
}

/* Collect getdents64 names of fd into seen[] (by number suffix); count . and .. */
static int read_some(long fd, int *seen, int *dots, size_t bufsz)
{
	char buf[256];
	long n = sys_getdents64(fd, (void *)buf, bufsz);
	int recs = 0;

	for (long off = 0; off < n; recs++) {
		struct linux_dirent64 *d = (void *)(buf + off);
		if (strcmp(d->d_name, ".") == 0 || strcmp(d->d_name, "..") == 0)
			(*dots)++;
		else if (d->d_name[0] == 'f')
			seen[atoi(d->d_name + 1)]++;
		CHECK(d->d_reclen % 8 == 0 && d->d_reclen >= 20);
		off += d->d_reclen;
	}
	return n < 0 ? (int)n : recs;
}

static void test_getdents(void)
{
	int seen[100] = { 0 }, dots = 0, r;
	char name[32];
	long fd;

	CHECK(sys_mkdir("/r/g", 0755) == 0);
	for (int i = 0; i < 100; i++) {
		snprintf(name, sizeof(name), "/r/g/f%d", i);
		CHECK(vt_put(name, "", 0) == 0);
	}
	fd = sys_open("/r/g", O_RDONLY | O_DIRECTORY, 0);
	CHECK(fd >= 0);
	CHECK(sys_getdents64(fd, (void *)name, 8) == -EINVAL); /* no record fits */
	/* read a little, then remove everything already seen plus a few unseen */
	r = read_some(fd, seen, &dots, 200);
	CHECK(r > 2);
	for (int i = 0; i < 100; i++) {
		if (seen[i] || i % 10 == 9) {
			snprintf(name, sizeof(name), "/r/g/f%d", i);
			CHECK(sys_unlink(name) == 0);
		}
	}
	while ((r = read_some(fd, seen, &dots, 200)) > 0)
		;
	CHECK(r == 0 && dots == 2);
	int once = 0, twice = 0, missing = 0;
	for (int i = 0; i < 100; i++) {
		once += seen[i] == 1;
		twice += seen[i] > 1;
		missing += seen[i] == 0 && i % 10 != 9;
	}
	CHECK(twice == 0 && missing == 0 && once >= 90);
	/* rewinding lists the remaining names again */
	memset(seen, 0, sizeof(seen));
	dots = 0;
	CHECK(sys_lseek(fd, 0, SEEK_SET) == 0);
	while (read_some(fd, seen, &dots, 256) > 0)
		;
	CHECK(dots == 2 && seen[9] == 0 && seen[0] == 0);
	CHECK(sys_getdents64(fd, BAD_PTR, 256) == -EFAULT);
	sys_close(fd);
	fd = sys_open("/r/g/f1", O_RDONLY, 0);
	if (fd >= 0) {
		CHECK(sys_getdents64(fd, (void *)name, sizeof(name)) == -ENOTDIR);
		sys_close(fd);
	}
}

static void test_times(void)
{
	struct stat st;
	struct __kernel_timespec ts[2] = { { 100, 5 }, { 200, UTIME_OMIT } };

	host_clock_ns = 1000ULL * 1000000000ULL + 7;
	CHECK(vt_put("/r/t", "x", 1) == 1);
	CHECK(sys_stat("/r/t", &st) == 0 && st.st_mtime == 1000 && st.st_mtime_nsec == 7);
	host_clock_ns += 5ULL * 1000000000ULL;
	long fd = sys_open("/r/t", O_WRONLY | O_APPEND, 0);
	CHECK(sys_write(fd, "y", 1) == 1);
	sys_close(fd);
	CHECK(sys_stat("/r/t", &st) == 0 && st.st_mtime == 1005 && st.st_size == 2);
	CHECK(sys_utimensat(AT_FDCWD, "/r/t", ts, 0) == 0);
	CHECK(sys_stat("/r/t", &st) == 0 && st.st_atime == 100 && st.st_atime_nsec == 5 &&
	      st.st_mtime == 1005 && st.st_ctime == 1005);
	ts[1].tv_nsec = 1000000000;
	CHECK(sys_utimensat(AT_FDCWD, "/r/t", ts, 0) == -EINVAL);
	host_clock_ns += 1000000000ULL;
	CHECK(sys_utimensat(AT_FDCWD, "/r/t", NULL, 0) == 0);
	CHECK(sys_stat("/r/t", &st) == 0 && st.st_atime == 1006 && st.st_mtime == 1006);
}

int main(void)
{
	vt_init();
	CHECK(sys_mkdir("/r", 0755) == 0);
	test_data();
	test_links();
	test_rename();
	test_getdents();
	test_times();
	return TEST_END();
}
