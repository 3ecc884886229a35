/*
 * sys_xattr.c - extended attributes. ramfs (like Linux's ramfs) stores
 * none: reads and removals answer -ENODATA for a file that exists, lists
 * are empty, and setting one is -EOPNOTSUPP. Programs such as ls probe
 * for ACLs this way and treat those answers as "no ACL here"; -ENOSYS
 * would make them print an error per file.
 */
#include "vfs.h"
#include "internal.h"
#include "klib.h"
#include <asm-generic/errno.h>
#include <linux/fcntl.h>

/* Return: 0 if the program's path names something (lstat semantics if nofollow), or -errno. */
static long exists(const char *upath, bool nofollow)
{
	char *path;
	struct kstat ks;
	unsigned wflags;
	long err = path_from_user(upath, &path);
	if (err < 0)
		return err;
	err = walk_flags_from_at(nofollow ? AT_SYMLINK_NOFOLLOW : 0, AT_SYMLINK_NOFOLLOW, &wflags);
	if (!err)
		err = vfs_statat(AT_FDCWD, path, wflags, &ks);
	kfree(path);
	return err;
}

static long fd_ok(int fd)
{
	struct file *f = fd_get(fd);
	if (!f)
		return -EBADF;
	file_put(f);
	return 0;
}

long sys_getxattr(const char *path, const char *name, void *value, size_t size)
{
	(void)name, (void)value, (void)size;
	long e = exists(path, false);
	return e ? e : -ENODATA;
}

long sys_lgetxattr(const char *path, const char *name, void *value, size_t size)
{
	(void)name, (void)value, (void)size;
	long e = exists(path, true);
	return e ? e : -ENODATA;
}

long sys_fgetxattr(int fd, const char *name, void *value, size_t size)
{
	(void)name, (void)value, (void)size;
	long e = fd_ok(fd);
	return e ? e : -ENODATA;
}

long sys_listxattr(const char *path, char *list, size_t size)
{
	(void)list, (void)size;
	return exists(path, false);
}

long sys_llistxattr(const char *path, char *list, size_t size)
{
	(void)list, (void)size;
	return exists(path, true);
}

long sys_flistxattr(int fd, char *list, size_t size)
{
	(void)list, (void)size;
	return fd_ok(fd);
}

long sys_setxattr(const char *path, const char *name, const void *value, size_t size, int flags)
{
	(void)name, (void)value, (void)size, (void)flags;
	long e = exists(path, false);
	return e ? e : -EOPNOTSUPP;
}

long sys_lsetxattr(const char *path, const char *name, const void *value, size_t size, int flags)
{
	(void)name, (void)value, (void)size, (void)flags;
	long e = exists(path, true);
	return e ? e : -EOPNOTSUPP;
}

long sys_fsetxattr(int fd, const char *name, const void *value, size_t size, int flags)
{
	(void)name, (void)value, (void)size, (void)flags;
	long e = fd_ok(fd);
	return e ? e : -EOPNOTSUPP;
}

long sys_removexattr(const char *path, const char *name)
{
	(void)name;
	long e = exists(path, false);
	return e ? e : -ENODATA;
}

long sys_lremovexattr(const char *path, const char *name)
{
	(void)name;
	long e = exists(path, true);
	return e ? e : -ENODATA;
}

long sys_fremovexattr(int fd, const char *name)
{
	(void)name;
	long e = fd_ok(fd);
	return e ? e : -ENODATA;
}
