/*
 * attr.c - attributes reached by path: stat, access, chmod, chown,
 * utimens, truncate, the current directory (chdir, getcwd), statfs.
 *
 * Every function here resolves a path (or, with an empty path and
 * WALK_EMPTY, the file open at dirfd) and reads or changes one inode under
 * vfs_lock. The program runs as root: reads and writes are always allowed,
 * but execute permission needs at least one x bit on anything but a
 * directory, as for root on Linux (access(2), path_resolution(7)).
 * Callers: sys_stat.c, sys_dir.c, sys_file.c.
 */
#include "internal.h"

/* Resolve (dirfd, path) and call fn on the inode with vfs_lock held. */
static int with_inode(int dirfd, const char *path, unsigned wflags,
		      int (*fn)(struct inode *ino, void *arg), void *arg)
{
	struct walk w;
	int err = walk_begin(&w, dirfd, path, 0);

	if (err)
		goto out_end;
	mutex_lock(&vfs_lock);
	err = walk_path(&w, path, wflags);
	if (!err)
		err = fn(w.inode, arg);
	mutex_unlock(&vfs_lock);
out_end:
	walk_end(&w);
	return err;
}

static int do_stat(struct inode *ino, void *arg)
{
	inode_fill_kstat(ino, arg);
	return 0;
}

int vfs_statat(int dirfd, const char *path, unsigned wflags, struct kstat *ks)
{
	return with_inode(dirfd, path, wflags, do_stat, ks);
}

static int do_access(struct inode *ino, void *arg)
{
	int mode = *(int *)arg;

	if ((mode & 1 /* X_OK */) && !S_ISDIR(ino->mode) && !(ino->mode & 0111))
		return -EACCES;
	return 0;
}

int vfs_accessat(int dirfd, const char *path, int mode, unsigned wflags)
{
	return with_inode(dirfd, path, wflags, do_access, &mode);
}

static int do_chmod(struct inode *ino, void *arg)
{
	umode_t mode = *(umode_t *)arg;

	ino->mode = (umode_t)((ino->mode & S_IFMT) | (mode & 07777));
	inode_touch(ino, T_CTIME);
	return 0;
}

int vfs_chmodat(int dirfd, const char *path, umode_t mode, unsigned wflags)
{
	return with_inode(dirfd, path, wflags, do_chmod, &mode);
}

struct owner {
	uint32_t uid, gid;
};

static int do_chown(struct inode *ino, void *arg)
{
	struct owner *o = arg;

	if (o->uid != (uint32_t)-1)
		ino->uid = o->uid;
	if (o->gid != (uint32_t)-1)
		ino->gid = o->gid;
	/* chown(2): a regular file loses set-user-ID, and set-group-ID when group
	 * execution is on -- even when root changes it (since Linux 2.2.13) */
	if (S_ISREG(ino->mode) && (o->uid != (uint32_t)-1 || o->gid != (uint32_t)-1)) {
		ino->mode &= ~S_ISUID;
		if (ino->mode & S_IXGRP)
			ino->mode &= ~S_ISGID;
	}
	inode_touch(ino, T_CTIME);
	return 0;
}

int vfs_chownat(int dirfd, const char *path, uint32_t uid, uint32_t gid, unsigned wflags)
{
	struct owner o = { uid, gid };
	return with_inode(dirfd, path, wflags, do_chown, &o);
}

/* t[0] is atime, t[1] mtime; nsec may be UTIME_NOW or UTIME_OMIT. */
static int do_utimens(struct inode *ino, void *arg)
{
	const struct vtime *t = arg;
	struct vtime now = vtime_now();
	struct vtime *dst[2] = { &ino->atime, &ino->mtime };
	bool changed = false;

	for (int i = 0; i < 2; i++) {
		if (t[i].nsec == UTIME_OMIT)
			continue;
		*dst[i] = t[i].nsec == UTIME_NOW ? now : t[i];
		changed = true;
	}
	if (changed)
		ino->ctime = now;
	return 0;
}

int vfs_utimensat(int dirfd, const char *path, const struct vtime t[2], unsigned wflags)
{
	return with_inode(dirfd, path, wflags, do_utimens, (void *)t);
}

static int do_truncate(struct inode *ino, void *arg)
{
	if (S_ISDIR(ino->mode))
		return -EISDIR;
	if (!S_ISREG(ino->mode))
		return -EINVAL;
	return ramfs_truncate(ino, *(uint64_t *)arg);
}

int vfs_truncate_path(const char *path, uint64_t size)
{
	return with_inode(AT_FDCWD, path, WALK_FOLLOW, do_truncate, &size);
}

static int do_chdir(struct inode *ino, void *arg)
{
	(void)arg;
	if (!S_ISDIR(ino->mode))
		return -ENOTDIR;
	inode_get(ino);
	inode_put(vfs_cwd);
	vfs_cwd = ino;
	return 0;
}

int vfs_chdir(int dirfd, const char *path, unsigned wflags)
{
	return with_inode(dirfd, path, wflags, do_chdir, NULL);
}

/*
 * getcwd(2): the path from the root to the current directory, built from
 * the end by looking each directory up in its parent.
 * Return: the length including the NUL, -ENOENT if the current directory
 * was removed, -ERANGE if it does not fit in n bytes.
 */
long vfs_getcwd(char *kbuf, size_t n)
{
	char *tmp = kmalloc(PATH_MAX);
	size_t at = PATH_MAX - 1;
	long err = 0;

	if (!tmp)
		return -ENOMEM;
	tmp[at] = '\0';
	mutex_lock(&vfs_lock);
	if (vfs_cwd->nlink == 0) {
		err = -ENOENT;
		goto out;
	}
	for (struct inode *d = vfs_cwd; d != vfs_root; d = d->dir.parent) {
		const struct dentry *e = dir_find_inode(d->dir.parent, d);
		if (!e) {
			err = -ENOENT;
			goto out;
		}
		if ((size_t)e->len + 1 > at) {
			err = -ENAMETOOLONG;
			goto out;
		}
		at -= e->len;
		memcpy(tmp + at, e->name, e->len);
		tmp[--at] = '/';
	}
	if (at == PATH_MAX - 1)
		tmp[--at] = '/';
	if (PATH_MAX - at > n)
		err = -ERANGE;
	else
		memcpy(kbuf, tmp + at, PATH_MAX - at);
out:
	mutex_unlock(&vfs_lock);
	kfree(tmp);
	return err ? err : (long)(PATH_MAX - at);
}

void vfs_statfs_fill(struct statfs *sf)
{
	memset(sf, 0, sizeof(*sf));
	sf->f_type = KEEL_RAMFS_MAGIC;
	sf->f_bsize = PAGE_SIZE;
	sf->f_frsize = PAGE_SIZE;
	sf->f_blocks = palloc_total_pages();
	sf->f_bfree = palloc_free_pages();
	sf->f_bavail = sf->f_bfree;
	sf->f_files = sf->f_blocks; /* one inode per page is a fair ceiling */
	sf->f_ffree = sf->f_bfree;
	sf->f_namelen = NAME_MAX;
	sf->f_flags = KEEL_ST_VALID;
}
