/*
 * sys_dir.c - system calls on directories and names: getdents64, getcwd,
 * chdir, fchdir, mkdir(at), mknod(at), rmdir, unlink(at), rename(at)(2),
 * link(at), symlink(at), readlink(at).
 *
 * Argument checking only: copy the path(s) in (path_from_user gives
 * -EFAULT or -ENAMETOOLONG), then call namei.c or attr.c.
 */
#include "internal.h"

/* Copy two paths in. Return: 0, or -errno with nothing left allocated. */
static long two_paths(const char *ua, const char *ub, char **a, char **b)
{
	long r = path_from_user(ua, a);

	if (r)
		return r;
	r = path_from_user(ub, b);
	if (r)
		kfree(*a);
	return r;
}

long sys_getdents64(unsigned int fd, struct linux_dirent64 *dirent, unsigned int count)
{
	struct file *f = fd_get((int)MIN(fd, (unsigned)VFS_MAX_FDS));
	long r;

	if (!f)
		return -EBADF;
	r = user_range_ok(dirent, count) ? file_getdents(f, dirent, count) : -EFAULT;
	file_put(f);
	return r;
}

long sys_getcwd(char *buf, unsigned long size)
{
	char *k = kmalloc(PATH_MAX);
	long r;

	if (!k)
		return -ENOMEM;
	r = vfs_getcwd(k, size);
	if (r > 0 && copy_to_user(buf, k, (size_t)r))
		r = -EFAULT;
	kfree(k);
	return r;
}

long sys_chdir(const char *filename)
{
	char *path;
	long r = path_from_user(filename, &path);

	if (r)
		return r;
	r = vfs_chdir(AT_FDCWD, path, WALK_FOLLOW);
	kfree(path);
	return r;
}

long sys_fchdir(unsigned int fd)
{
	struct file *f = fd_get((int)MIN(fd, (unsigned)VFS_MAX_FDS));

	if (!f)
		return -EBADF;
	file_put(f);
	return vfs_chdir((int)fd, "", WALK_EMPTY);
}

long sys_mkdirat(int dfd, const char *pathname, umode_t mode)
{
	char *path;
	long r = path_from_user(pathname, &path);

	if (r)
		return r;
	r = vfs_mkdirat(dfd, path, mode);
	kfree(path);
	return r;
}

long sys_mkdir(const char *pathname, umode_t mode)
{
	return sys_mkdirat(AT_FDCWD, pathname, mode);
}

long sys_mknodat(int dfd, const char *filename, umode_t mode, unsigned int dev)
{
	char *path;
	long r = path_from_user(filename, &path);

	if (r)
		return r;
	r = vfs_mknodat(dfd, path, mode, dev);
	kfree(path);
	return r;
}

long sys_mknod(const char *filename, umode_t mode, unsigned int dev)
{
	return sys_mknodat(AT_FDCWD, filename, mode, dev);
}

long sys_unlinkat(int dfd, const char *pathname, int flag)
{
	char *path;
	long r;

	if (flag & ~AT_REMOVEDIR)
		return -EINVAL;
	r = path_from_user(pathname, &path);
	if (r)
		return r;
	r = vfs_unlinkat(dfd, path, flag);
	kfree(path);
	return r;
}

long sys_unlink(const char *pathname)
{
	return sys_unlinkat(AT_FDCWD, pathname, 0);
}

long sys_rmdir(const char *pathname)
{
	return sys_unlinkat(AT_FDCWD, pathname, AT_REMOVEDIR);
}

long sys_renameat2(int olddfd, const char *oldname, int newdfd, const char *newname,
		   unsigned int flags)
{
	char *a, *b;
	long r = two_paths(oldname, newname, &a, &b);

	if (r)
		return r;
	r = vfs_renameat2(olddfd, a, newdfd, b, flags);
	kfree(a);
	kfree(b);
	return r;
}

long sys_renameat(int olddfd, const char *oldname, int newdfd, const char *newname)
{
	return sys_renameat2(olddfd, oldname, newdfd, newname, 0);
}

long sys_rename(const char *oldname, const char *newname)
{
	return sys_renameat2(AT_FDCWD, oldname, AT_FDCWD, newname, 0);
}

long sys_linkat(int olddfd, const char *oldname, int newdfd, const char *newname, int flags)
{
	char *a, *b;
	long r;

	if (flags & ~(AT_SYMLINK_FOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	r = two_paths(oldname, newname, &a, &b);
	if (r)
		return r;
	r = vfs_linkat(olddfd, a, newdfd, b, flags);
	kfree(a);
	kfree(b);
	return r;
}

long sys_link(const char *oldname, const char *newname)
{
	return sys_linkat(AT_FDCWD, oldname, AT_FDCWD, newname, 0);
}

long sys_symlinkat(const char *oldname, int newdfd, const char *newname)
{
	char *a, *b;
	long r = two_paths(oldname, newname, &a, &b);

	if (r)
		return r;
	r = vfs_symlinkat(a, newdfd, b);
	kfree(a);
	kfree(b);
	return r;
}

long sys_symlink(const char *oldname, const char *newname)
{
	return sys_symlinkat(oldname, AT_FDCWD, newname);
}

long sys_readlinkat(int dfd, const char *pathname, char *buf, int bufsiz)
{
	char *path, *k;
	long r;

	if (bufsiz <= 0)
		return -EINVAL;
	r = path_from_user(pathname, &path);
	if (r)
		return r;
	k = kmalloc(PATH_MAX);
	r = k ? vfs_readlinkat(dfd, path, k, MIN((size_t)bufsiz, (size_t)PATH_MAX)) : -ENOMEM;
	if (r > 0 && copy_to_user(buf, k, (size_t)r))
		r = -EFAULT;
	kfree(k);
	kfree(path);
	return r;
}

long sys_readlink(const char *path, char *buf, int bufsiz)
{
	return sys_readlinkat(AT_FDCWD, path, buf, bufsiz);
}
