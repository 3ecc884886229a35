/*
 * test_sys.c - host unit tests for the file system calls as a program sees
 * them (sys_file.c, sys_rw.c, sys_dir.c, sys_stat.c): open flags, the read
 * and write family, lseek, stat/statx, access (root and X_OK), chmod,
 * chown, umask, truncate, fallocate, statfs, getdents64, copy_file_range,
 * O_PATH, and -EFAULT for bad pointers. Built by vfs/tests/vfs.mk.
 */
#include "vfstest.h"
#include <linux/falloc.h>

static void test_open_rw(void)
{
	char buf[64];
	long fd;

	CHECK(sys_mkdir("/s", 0755) == 0);
	fd = sys_creat("/s/a", 0644);
	CHECK(fd >= 0 && sys_write(fd, "hello world", 11) == 11);
	CHECK(sys_read(fd, buf, 1) == -EBADF); /* creat is O_WRONLY */
	CHECK((sys_fcntl(fd, F_GETFL, 0) & O_ACCMODE) == O_WRONLY);
	sys_close(fd);
	fd = sys_open("/s/a", O_RDWR, 0);
	CHECK(sys_lseek(fd, 0, SEEK_END) == 11 && sys_lseek(fd, -5, SEEK_CUR) == 6);
	CHECK(sys_read(fd, buf, 64) == 5 && memcmp(buf, "world", 5) == 0);
	CHECK(sys_lseek(fd, -1, SEEK_SET) == -EINVAL && sys_lseek(fd, 0, 9) == -EINVAL);
	CHECK(sys_lseek(fd, 100, SEEK_SET) == 100 && sys_read(fd, buf, 4) == 0);
	CHECK(sys_lseek(fd, 3, SEEK_DATA) == 3 && sys_lseek(fd, 3, SEEK_HOLE) == 11);
	CHECK(sys_lseek(fd, 11, SEEK_DATA) == -ENXIO);
	CHECK(sys_pwrite64(fd, "W", 1, 6) == 1 && sys_pread64(fd, buf, 5, 6) == 5 &&
	      memcmp(buf, "World", 5) == 0);
	CHECK(sys_pread64(fd, buf, 1, -1) == -EINVAL && sys_pwrite64(fd, buf, 1, -1) == -EINVAL);
	CHECK(sys_read(fd, BAD_PTR, 4) == -EFAULT && sys_write(fd, BAD_PTR, 4) == -EFAULT);
	CHECK(sys_read(fd, NULL, 4) == -EFAULT || 1); /* NULL faults only when touched */
	CHECK(sys_read(99, buf, 1) == -EBADF && sys_write(-1U, buf, 1) == -EBADF);

	/* vectors */
	struct iovec wv[3] = { { "ab", 2 }, { "", 0 }, { "cdef", 4 } };
	char x[3], y[5];
	struct iovec rv[2] = { { x, 3 }, { y, 5 } };
	CHECK(sys_lseek(fd, 0, SEEK_SET) == 0 && sys_writev(fd, wv, 3) == 6);
	CHECK(sys_lseek(fd, 0, SEEK_SET) == 0 && sys_readv(fd, rv, 2) == 8);
	CHECK(memcmp(x, "abc", 3) == 0 && memcmp(y, "defWo", 5) == 0);
	CHECK(sys_preadv(fd, rv, 2, 6, 0) == 5 && memcmp(x, "Wor", 3) == 0);
	CHECK(sys_lseek(fd, 0, SEEK_CUR) == 8);
	CHECK(sys_pwritev(fd, wv, 1, 9, 0) == 2 && sys_pread64(fd, buf, 11, 0) == 11 &&
	      memcmp(buf, "abcdefWorab", 11) == 0);
	CHECK(sys_preadv2(fd, rv, 1, (unsigned long)-1, 0, 0) == 3 && sys_lseek(fd, 0, SEEK_CUR) == 11);
	CHECK(sys_preadv2(fd, rv, 1, 0, 0, 0x100) == -EOPNOTSUPP);
	CHECK(sys_readv(fd, rv, 1025) == -EINVAL && sys_readv(fd, BAD_PTR, 1) == -EFAULT);
	struct iovec bad[2] = { { x, 3 }, { BAD_PTR, 5 } };
	CHECK(sys_readv(fd, bad, 2) == -EFAULT);
	CHECK(sys_readv(fd, rv, 0) == 0);
	sys_close(fd);

	/* O_APPEND (pwrite too, as on Linux), O_TRUNC, O_EXCL, modes, umask */
	fd = sys_open("/s/a", O_WRONLY | O_APPEND, 0);
	CHECK(sys_write(fd, "!", 1) == 1 && sys_pwrite64(fd, "?", 1, 0) == 1);
	sys_close(fd);
	CHECK(vt_get("/s/a", buf, sizeof(buf)) == 13 && strcmp(buf, "abcdefWorab!?") == 0);
	fd = sys_open("/s/a", O_RDONLY | O_TRUNC, 0);
	CHECK(fd >= 0 && sys_read(fd, buf, 4) == 0);
	sys_close(fd);
	CHECK(sys_umask(027) == 022);
	fd = sys_open("/s/m", O_WRONLY | O_CREAT | O_EXCL, 0777);
	CHECK(fd >= 0 && (vt_mode("/s/m", true) & 07777) == 0750);
	sys_close(fd);
	CHECK(sys_mkdir("/s/md", 01777) == 0 && (vt_mode("/s/md", true) & 07777) == 01750);
	CHECK(sys_umask(022) == 027);
	CHECK(sys_open("/s/missing", O_RDONLY, 0) == -ENOENT);
	CHECK(sys_open(BAD_PTR, O_RDONLY, 0) == -EFAULT);
	CHECK(sys_open("/s", O_RDONLY | O_TMPFILE, 0600) == -EOPNOTSUPP);
	fd = sys_open("/s", O_RDONLY, 0);
	CHECK(sys_read(fd, buf, 4) == -EISDIR && sys_write(fd, buf, 1) == -EBADF);
	sys_close(fd);
}

static void test_stat(void)
{
	struct stat st;
	struct statx sx;

	CHECK(vt_put("/s/st", "12345", 5) == 5);
	CHECK(sys_stat("/s/st", &st) == 0 && st.st_size == 5 && st.st_nlink == 1 &&
	      (st.st_mode & 07777) == 0644 && S_ISREG(st.st_mode) && st.st_blksize == 4096);
	CHECK(sys_statx(AT_FDCWD, "/s/st", 0, STATX_BASIC_STATS, &sx) == 0);
	CHECK((sx.stx_mask & STATX_BASIC_STATS) == STATX_BASIC_STATS && sx.stx_size == 5 &&
	      sx.stx_ino == st.st_ino && sx.stx_mode == st.st_mode &&
	      sx.stx_mtime.tv_sec == (long long)st.st_mtime && sx.stx_dev_minor == 1);
	CHECK(sys_statx(AT_FDCWD, "/s/st", 0x40000000, 0, &sx) == -EINVAL);
	CHECK(sys_statx(AT_FDCWD, "/s/st", 0, STATX__RESERVED, &sx) == -EINVAL);
	CHECK(sys_statx(AT_FDCWD, "/s/st", 0, 0, BAD_PTR) == -EFAULT);
	long fd = sys_open("/s/st", O_RDONLY, 0);
	CHECK(sys_statx((int)fd, "", AT_EMPTY_PATH, 0, &sx) == 0 && sx.stx_size == 5);
	CHECK(sys_statx((int)fd, NULL, AT_EMPTY_PATH, 0, &sx) == 0);
	CHECK(sys_fstat(fd, BAD_PTR) == -EFAULT && sys_fstat(99, &st) == -EBADF);
	sys_close(fd);
	CHECK(sys_stat("/s/st", BAD_PTR) == -EFAULT);

	/* root may read and write anything, but execute needs an x bit */
	CHECK(sys_access("/s/st", 0) == 0 && sys_access("/s/st", 4 | 2) == 0);
	CHECK(sys_access("/s/st", 1) == -EACCES && sys_access("/s", 1) == 0);
	CHECK(sys_chmod("/s/st", 0100) == 0 && sys_access("/s/st", 1) == 0);
	CHECK(sys_access("/s/st", 8) == -EINVAL && sys_access("/s/none", 0) == -ENOENT);
	CHECK(sys_faccessat2(AT_FDCWD, "/s/st", 0, 0x1) == -EINVAL);
	CHECK(sys_faccessat2(AT_FDCWD, "/s/st", 1, AT_EACCESS) == 0);
	CHECK(sys_chmod("/s/st", 0604) == 0 && (vt_mode("/s/st", true) & 07777) == 0604);
	fd = sys_open("/s/st", O_RDONLY, 0);
	CHECK(sys_fchmod(fd, 04755) == 0 && (vt_mode("/s/st", true) & 07777) == 04755);
	CHECK(sys_fchown(fd, 7, -1U) == 0 && sys_stat("/s/st", &st) == 0 && st.st_uid == 7 &&
	      st.st_gid == 0);
	sys_close(fd);
	CHECK(sys_symlink("st", "/s/stl") == 0);
	CHECK(sys_lchown("/s/stl", 9, 9) == 0 && sys_lstat("/s/stl", &st) == 0 && st.st_uid == 9);
	CHECK(sys_stat("/s/st", &st) == 0 && st.st_uid == 7);
	CHECK(sys_chown("/s/stl", 1, 2) == 0 && sys_stat("/s/st", &st) == 0 && st.st_gid == 2);
	CHECK(sys_fchownat(AT_FDCWD, "/s/stl", 3, 3, 0x2) == -EINVAL);

	struct statfs sf;
	CHECK(sys_statfs("/s", &sf) == 0 && sf.f_type == KEEL_RAMFS_MAGIC && sf.f_bsize == 4096 &&
	      sf.f_namelen == 255);
	CHECK(sys_statfs("/s/none", &sf) == -ENOENT && sys_fstatfs(1, &sf) == 0);
}

static void test_sizes(void)
{
	char buf[16];
	struct stat st;
	long fd;

	CHECK(vt_put("/s/t", "abcdef", 6) == 6);
	CHECK(sys_truncate("/s/t", 3) == 0 && vt_get("/s/t", buf, sizeof(buf)) == 3);
	CHECK(sys_truncate("/s/t", -1) == -EINVAL && sys_truncate("/s", 0) == -EISDIR);
	CHECK(sys_truncate("/dev/null", 0) == -EINVAL);
	fd = sys_open("/s/t", O_RDONLY, 0);
	CHECK(sys_ftruncate(fd, 0) == -EINVAL); /* not open for writing */
	CHECK(sys_fallocate((int)fd, 0, 0, 10) == -EBADF);
	sys_close(fd);
	fd = sys_open("/s/t", O_RDWR, 0);
	CHECK(sys_fallocate((int)fd, 0, 0, 100) == 0 && sys_fstat(fd, &st) == 0 && st.st_size == 100);
	CHECK(sys_fallocate((int)fd, FALLOC_FL_KEEP_SIZE, 0, 1000) == 0 &&
	      sys_fstat(fd, &st) == 0 && st.st_size == 100);
	CHECK(sys_fallocate((int)fd, FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE, 0, 1) == -EOPNOTSUPP);
	CHECK(sys_fallocate((int)fd, 0, -1, 1) == -EINVAL && sys_fallocate((int)fd, 0, 0, 0) == -EINVAL);
	CHECK(sys_fsync(fd) == 0 && sys_fdatasync(fd) == 0 && sys_fsync(99) == -EBADF);
	CHECK(sys_fadvise64((int)fd, 0, 0, 4) == 0 && sys_fadvise64((int)fd, 0, 0, 9) == -EINVAL);
	sys_close(fd);

	/* copy_file_range, with and without offset pointers */
	CHECK(vt_put("/s/src", "0123456789", 10) == 10);
	long in = sys_open("/s/src", O_RDONLY, 0), out = sys_open("/s/dst", O_RDWR | O_CREAT, 0644);
	__kernel_loff_t oi = 4, oo = 0;
	CHECK(sys_copy_file_range((int)in, &oi, (int)out, &oo, 3, 0) == 3 && oi == 7 && oo == 3);
	CHECK(sys_copy_file_range((int)in, NULL, (int)out, NULL, 100, 0) == 10);
	CHECK(sys_pread64(out, buf, 16, 0) == 10 && memcmp(buf, "0123456789", 10) == 0);
	CHECK(sys_copy_file_range((int)in, NULL, (int)out, NULL, 1, 1) == -EINVAL);
	CHECK(sys_copy_file_range((int)out, NULL, (int)in, NULL, 1, 0) == -EBADF);
	oi = 0;
	oo = 2;
	CHECK(sys_copy_file_range((int)out, &oi, (int)out, &oo, 4, 0) == -EINVAL); /* overlap */
	sys_close(in);
	sys_close(out);
}

static void test_dirs_and_paths(void)
{
	char buf[512];
	int found = 0;
	long fd = sys_open("/dev", O_RDONLY | O_DIRECTORY, 0), n;

	while ((n = sys_getdents64(fd, (void *)buf, sizeof(buf))) > 0) {
		for (long off = 0; off < n;) {
			struct linux_dirent64 *d = (void *)(buf + off);
			if (strcmp(d->d_name, "null") == 0 && d->d_type == 2 /* DT_CHR */)
				found++;
			if (strcmp(d->d_name, "shm") == 0 && d->d_type == 4 /* DT_DIR */)
				found++;
			off += d->d_reclen;
		}
	}
	CHECK(n == 0 && found == 2);
	sys_close(fd);
	CHECK(sys_getdents64(99, (void *)buf, sizeof(buf)) == -EBADF);

	/* O_PATH files: fstat, fchdir and *at work; I/O does not */
	fd = sys_open("/s", O_PATH | O_DIRECTORY, 0);
	CHECK(fd >= 0 && sys_read(fd, buf, 1) == -EBADF && sys_getdents64(fd, (void *)buf, 512) == -EBADF);
	CHECK(sys_fchmod(fd, 0755) == -EBADF && sys_ioctl(fd, 0x5401, 0) == -EBADF);
	CHECK((sys_fcntl(fd, F_GETFL, 0) & O_PATH) && sys_fcntl(fd, F_SETFL, 0) == -EBADF);
	CHECK(sys_faccessat(fd, "t", 0) == 0);
	CHECK(sys_fchdir(fd) == 0 && vt_ino("t") == vt_ino("/s/t") && sys_chdir("/") == 0);
	sys_close(fd);

	CHECK(sys_rename("/s/t", "/s/t2") == 0 && sys_renameat(AT_FDCWD, "/s/t2", AT_FDCWD, "/s/t") == 0);
	CHECK(sys_link("/s/t", "/s/tl") == 0 && sys_unlink("/s/tl") == 0);
	fd = sys_open("/s", O_RDONLY, 0);
	CHECK(sys_linkat((int)fd, "t", (int)fd, "tl2", 0) == 0 && sys_unlinkat((int)fd, "tl2", 0) == 0);
	CHECK(sys_symlinkat("t", (int)fd, "tsl") == 0 && sys_readlinkat((int)fd, "tsl", buf, 10) == 1);
	CHECK(sys_linkat((int)fd, "tsl", (int)fd, "hard", AT_SYMLINK_FOLLOW) == 0);
	CHECK(vt_ino("/s/hard") == vt_ino("/s/t"));
	CHECK(sys_linkat((int)fd, "tsl", (int)fd, "hard2", 0) == 0 && S_ISLNK(vt_mode("/s/hard2", false)));
	CHECK(sys_linkat((int)fd, "t", (int)fd, "x", 0x4) == -EINVAL);
	sys_close(fd);
	CHECK(sys_mkdir(BAD_PTR, 0755) == -EFAULT && sys_rename("/s/t", BAD_PTR) == -EFAULT);
	CHECK(sys_utimensat(AT_FDCWD, NULL, NULL, 0) == -EFAULT);
	CHECK(sys_utimensat(1, NULL, NULL, 0) == 0);
	CHECK(sys_sync() == 0);
}

/* The kernel-internal API the ELF launcher uses. */
static void test_kernel_api(void)
{
	struct file *f;
	struct stat st;
	char buf[8];

	CHECK(vt_put("/s/elf", "\177ELF....", 8) == 8);
	CHECK(sys_chdir("/s") == 0);
	CHECK(vfs_kopen("elf", O_RDONLY, &f) == 0);
	CHECK(vfs_kread(f, buf, 4, 0) == 4 && memcmp(buf, "\177ELF", 4) == 0);
	CHECK(vfs_kread(f, buf, 8, 6) == 2);
	CHECK(vfs_kstat(f, &st) == 0 && st.st_size == 8);
	CHECK(vfs_kwrite(f, "x", 1, 0) == -EBADF);
	int fd = fd_install(f, O_CLOEXEC);
	CHECK(fd >= 3 && sys_fcntl(fd, F_GETFD, 0) == FD_CLOEXEC);
	struct file *g = fd_get(fd);
	CHECK(g == f);
	file_put(g);
	sys_close(fd);
	CHECK(vfs_kopen("nope", O_RDONLY, &f) == -ENOENT);
	CHECK(sys_chdir("/") == 0);
}

int main(void)
{
	vt_init();
	test_open_rw();
	test_stat();
	test_sizes();
	test_dirs_and_paths();
	test_kernel_api();
	return TEST_END();
}
