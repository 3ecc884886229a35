/*
 * sys_stat.c - system calls on attributes: stat, lstat, fstat, newfstatat,
 * statx, access, faccessat, faccessat2, umask, chmod, fchmod, fchmodat,
 * chown, lchown, fchown, fchownat, utimensat, statfs, fstatfs.
 *
 * Argument checking only; the work is in attr.c. The fd-based calls name
 * the open file as (fd, "") with WALK_EMPTY, i.e. AT_EMPTY_PATH.
 */
#include "internal.h"

#define STATX_ALL_FLAGS (AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH | AT_NO_AUTOMOUNT | AT_STATX_SYNC_TYPE)

/*
 * Copy the path in; with AT_EMPTY_PATH a NULL path means "" (Linux 6.11+).
 * Return: 0 or -errno; *out is kfree-able either way.
 */
static long get_path(const char *upath, int atflags, char **out)
{
	if (!upath && (atflags & AT_EMPTY_PATH)) {
		*out = kzalloc(1);
		return *out ? 0 : -ENOMEM;
	}
	*out = NULL;
	return path_from_user(upath, out);
}

static long stat_common(int dfd, const char *upath, unsigned wflags, int atflags,
			struct kstat *ks)
{
	char *path;
	long r = get_path(upath, atflags, &path);

	if (r)
		return r;
	r = vfs_statat(dfd, path, wflags, ks);
	kfree(path);
	return r;
}

static long put_stat(const struct kstat *ks, struct stat *ubuf)
{
	struct stat st;

	kstat_to_stat(ks, &st);
	return copy_to_user(ubuf, &st, sizeof(st));
}

long sys_newfstatat(int dfd, const char *filename, struct stat *statbuf, int flag)
{
	struct kstat ks;
	unsigned wf;
	long r = walk_flags_from_at(flag, AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH | AT_NO_AUTOMOUNT, &wf);

	if (!r)
		r = stat_common(dfd, filename, wf, flag, &ks);
	return r ? r : put_stat(&ks, statbuf);
}

long sys_stat(const char *filename, struct stat *statbuf)
{
	return sys_newfstatat(AT_FDCWD, filename, statbuf, 0);
}

long sys_lstat(const char *filename, struct stat *statbuf)
{
	return sys_newfstatat(AT_FDCWD, filename, statbuf, AT_SYMLINK_NOFOLLOW);
}

long sys_fstat(unsigned int fd, struct stat *statbuf)
{
	struct file *f = fd_get((int)MIN(fd, (unsigned)VFS_MAX_FDS));
	struct kstat ks;

	if (!f)
		return -EBADF;
	file_stat(f, &ks);
	file_put(f);
	return put_stat(&ks, statbuf);
}

static void stx_time(struct statx_timestamp *t, struct vtime v)
{
	t->tv_sec = v.sec;
	t->tv_nsec = (uint32_t)v.nsec;
}

long sys_statx(int dfd, const char *filename, unsigned int flags, unsigned int mask,
	       struct statx *buffer)
{
	struct statx sx;
	struct kstat ks;
	unsigned wf;
	long r;

	if ((flags & AT_STATX_SYNC_TYPE) == AT_STATX_SYNC_TYPE || (mask & STATX__RESERVED))
		return -EINVAL;
	r = walk_flags_from_at((int)flags, STATX_ALL_FLAGS, &wf);
	if (!r)
		r = stat_common(dfd, filename, wf, (int)flags, &ks);
	if (r)
		return r;
	memset(&sx, 0, sizeof(sx));
	sx.stx_mask = STATX_BASIC_STATS | STATX_BTIME;
	sx.stx_blksize = ks.blksize;
	sx.stx_nlink = ks.nlink;
	sx.stx_uid = ks.uid;
	sx.stx_gid = ks.gid;
	sx.stx_mode = (uint16_t)ks.mode;
	sx.stx_ino = ks.ino;
	sx.stx_size = ks.size;
	sx.stx_blocks = ks.blocks;
	stx_time(&sx.stx_atime, ks.atime);
	stx_time(&sx.stx_btime, ks.btime);
	stx_time(&sx.stx_ctime, ks.ctime);
	stx_time(&sx.stx_mtime, ks.mtime);
	sx.stx_rdev_major = DEV_MAJOR(ks.rdev);
	sx.stx_rdev_minor = DEV_MINOR(ks.rdev);
	sx.stx_dev_major = DEV_MAJOR(ks.dev);
	sx.stx_dev_minor = DEV_MINOR(ks.dev);
	return copy_to_user(buffer, &sx, sizeof(sx));
}

long sys_faccessat2(int dfd, const char *filename, int mode, int flags)
{
	char *path;
	unsigned wf;
	long r;

	if (mode & ~7) /* F_OK 0, R_OK 4, W_OK 2, X_OK 1 */
		return -EINVAL;
	r = walk_flags_from_at(flags & ~AT_EACCESS, AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH, &wf);
	if (r)
		return r;
	r = get_path(filename, flags, &path);
	if (!r)
		r = vfs_accessat(dfd, path, mode, wf);
	kfree(path);
	return r;
}

long sys_faccessat(int dfd, const char *filename, int mode)
{
	return sys_faccessat2(dfd, filename, mode, 0);
}

long sys_access(const char *filename, int mode)
{
	return sys_faccessat2(AT_FDCWD, filename, mode, 0);
}

long sys_umask(int mask)
{
	return vfs_umask((unsigned)mask);
}

/* The fd-based calls: the file itself, refusing O_PATH files as Linux does. */
static long fd_check(unsigned int fd)
{
	struct file *f = fd_get((int)MIN(fd, (unsigned)VFS_MAX_FDS));
	long r = 0;

	if (!f)
		return -EBADF;
	if (f->fmode & FMODE_PATH)
		r = -EBADF;
	file_put(f);
	return r;
}

long sys_fchmodat(int dfd, const char *filename, umode_t mode)
{
	char *path;
	long r = path_from_user(filename, &path);

	if (r)
		return r;
	r = vfs_chmodat(dfd, path, mode, WALK_FOLLOW);
	kfree(path);
	return r;
}

long sys_chmod(const char *filename, umode_t mode)
{
	return sys_fchmodat(AT_FDCWD, filename, mode);
}

long sys_fchmod(unsigned int fd, umode_t mode)
{
	long r = fd_check(fd);
	return r ? r : vfs_chmodat((int)fd, "", mode, WALK_EMPTY);
}

long sys_fchownat(int dfd, const char *filename, __kernel_uid32_t user, __kernel_gid32_t group,
		  int flag)
{
	char *path;
	unsigned wf;
	long r = walk_flags_from_at(flag, AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH, &wf);

	if (r)
		return r;
	r = get_path(filename, flag, &path);
	if (!r)
		r = vfs_chownat(dfd, path, user, group, wf);
	kfree(path);
	return r;
}

long sys_chown(const char *filename, __kernel_uid32_t user, __kernel_gid32_t group)
{
	return sys_fchownat(AT_FDCWD, filename, user, group, 0);
}

long sys_lchown(const char *filename, __kernel_uid32_t user, __kernel_gid32_t group)
{
	return sys_fchownat(AT_FDCWD, filename, user, group, AT_SYMLINK_NOFOLLOW);
}

long sys_fchown(unsigned int fd, __kernel_uid32_t user, __kernel_gid32_t group)
{
	long r = fd_check(fd);
	return r ? r : vfs_chownat((int)fd, "", user, group, WALK_EMPTY);
}

/*
 * utimensat(2): times NULL sets both to now; UTIME_NOW/UTIME_OMIT per
 * entry; a NULL filename means the file open at dfd (futimens).
 */
long sys_utimensat(int dfd, const char *filename, struct __kernel_timespec *utimes, int flags)
{
	struct __kernel_timespec ts[2];
	struct vtime t[2] = { { 0, UTIME_NOW }, { 0, UTIME_NOW } };
	char *path = NULL;
	unsigned wf;
	long r = walk_flags_from_at(flags, AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH, &wf);

	if (r)
		return r;
	if (utimes) {
		if (copy_from_user(ts, utimes, sizeof(ts)))
			return -EFAULT;
		for (int i = 0; i < 2; i++) {
			long ns = (long)ts[i].tv_nsec;
			if (ns != UTIME_NOW && ns != UTIME_OMIT && (ns < 0 || ns >= 1000000000L))
				return -EINVAL;
			t[i] = (struct vtime){ ts[i].tv_sec, ns };
		}
	}
	if (!filename) {
		if (flags & AT_SYMLINK_NOFOLLOW)
			return -EINVAL;
		if (dfd == AT_FDCWD)
			return -EFAULT;
		r = fd_check((unsigned)dfd);
		return r ? r : vfs_utimensat(dfd, "", t, WALK_EMPTY);
	}
	r = get_path(filename, flags, &path);
	if (!r)
		r = vfs_utimensat(dfd, path, t, wf);
	kfree(path);
	return r;
}

long sys_statfs(const char *pathname, struct statfs *buf)
{
	struct statfs sf;
	struct kstat ks;
	long r = stat_common(AT_FDCWD, pathname, WALK_FOLLOW, 0, &ks);

	if (r)
		return r;
	vfs_statfs_fill(&sf);
	return copy_to_user(buf, &sf, sizeof(sf));
}

long sys_fstatfs(unsigned int fd, struct statfs *buf)
{
	struct file *f = fd_get((int)MIN(fd, (unsigned)VFS_MAX_FDS));
	struct statfs sf;

	if (!f)
		return -EBADF;
	file_put(f);
	vfs_statfs_fill(&sf);
	return copy_to_user(buf, &sf, sizeof(sf));
}
