/*
 * namei.c - operations on names: open (and create), mkdir, mknod, unlink,
 * rmdir, rename, link, symlink, readlink.
 *
 * Each function walks its path(s) with vfs_lock held (path.c), applies
 * the checks Linux makes, in Linux's order so the same error wins, and
 * changes the tree through ramfs.c. Paths are kernel strings: the sys_*
 * handlers (sys_file.c, sys_dir.c) copy them in first. The process umask
 * lives here because creation is what uses it.
 *
 * The program runs as root, so there are no permission checks beyond the
 * ones root is subject to (execute needs an x bit: attr.c).
 */
#include "internal.h"

static unsigned umask_val = 022; /* protected by vfs_lock */

unsigned vfs_umask(unsigned mask)
{
	unsigned old;

	mutex_lock(&vfs_lock);
	old = umask_val;
	umask_val = mask & 0777;
	mutex_unlock(&vfs_lock);
	return old;
}

unsigned vfs_umask_get(void)
{
	unsigned m;

	mutex_lock(&vfs_lock);
	m = umask_val;
	mutex_unlock(&vfs_lock);
	return m;
}

static const struct file_ops no_fops = { 0 };

/* What vfs_openat does with the inode it found, vfs_lock held. */
static int open_checks(struct walk *w, int flags, umode_t mode, struct inode **out)
{
	struct inode *ino = w->inode;
	bool created = false;
	int err;

	if (flags & O_CREAT) {
		if (!ino) {
			if (w->slash)
				return -EISDIR;
			err = ramfs_create(w->dir, w->name, w->len,
					   S_IFREG | (mode & 07777 & ~umask_val), &ino);
			if (err)
				return err;
			created = true;
		} else if (flags & O_EXCL) {
			return -EEXIST;
		} else if (S_ISDIR(ino->mode)) {
			return -EISDIR;
		}
	}
	if (S_ISLNK(ino->mode) && !(flags & O_PATH))
		return -ELOOP; /* O_NOFOLLOW on a symlink: open(2) */
	if ((flags & O_DIRECTORY) && !S_ISDIR(ino->mode))
		return -ENOTDIR;
	if (flags & O_PATH) {
		*out = ino;
		return 0;
	}
	if (S_ISDIR(ino->mode) && (flags & O_ACCMODE) != O_RDONLY)
		return -EISDIR;
	if (!ino->fops && S_ISFIFO(ino->mode))
		ino->fops = &fifo_fops; /* made by mknod or the boot image */
	if (!ino->fops)
		return -ENXIO; /* socket node: no opener yet; unknown device */
	if (S_ISREG(ino->mode) && (flags & O_TRUNC) && !created && ino->size)
		ramfs_truncate(ino, 0);
	*out = ino;
	return 0;
}

int vfs_openat(int dirfd, const char *path, int flags, umode_t mode, struct file **out)
{
	unsigned wf = 0;
	struct inode *ino = NULL;
	struct walk w;
	struct file *f;
	int err;

	if (flags & __O_TMPFILE)
		return -EOPNOTSUPP;
	if (flags & O_PATH)
		flags &= O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC;
	if (!(flags & O_NOFOLLOW) && !((flags & O_CREAT) && (flags & O_EXCL)))
		wf |= WALK_FOLLOW;
	if (flags & O_CREAT)
		wf |= WALK_CREATE;
	err = walk_begin(&w, dirfd, path, 0);
	if (err)
		goto out_end;
	mutex_lock(&vfs_lock);
	err = walk_path(&w, path, wf);
	if (!err)
		err = open_checks(&w, flags, mode, &ino);
	if (!err)
		inode_get(ino);
	mutex_unlock(&vfs_lock);
	if (err)
		goto out_end;

	f = file_alloc(ino, (flags & O_PATH) ? &no_fops : ino->fops, flags);
	if (!f) {
		mutex_lock(&vfs_lock);
		inode_put(ino);
		mutex_unlock(&vfs_lock);
		err = -ENOMEM;
		goto out_end;
	}
	if (f->ops->open) {
		err = f->ops->open(ino, &f);
		if (err) {
			f->ops = &no_fops; /* a failed open is not released */
			file_put(f);
			goto out_end;
		}
	}
	*out = f;
out_end:
	walk_end(&w);
	return err;
}

/* The checks of Linux's filename_create(): the new name must not exist. */
static int create_checks(struct walk *w)
{
	if (w->inode)
		return -EEXIST;
	if (w->slash)
		return -ENOENT;
	return 0;
}

int vfs_mkdirat(int dirfd, const char *path, umode_t mode)
{
	struct walk w;
	int err = walk_begin(&w, dirfd, path, 0);

	if (err)
		goto out_end;
	mutex_lock(&vfs_lock);
	err = walk_path(&w, path, WALK_PARENT);
	if (!err && w.inode)
		err = -EEXIST;
	if (!err)
		err = ramfs_create(w.dir, w.name, w.len, S_IFDIR | (mode & 01777 & ~umask_val),
				   NULL);
	mutex_unlock(&vfs_lock);
out_end:
	walk_end(&w);
	return err;
}

int vfs_mknodat(int dirfd, const char *path, umode_t mode, unsigned dev)
{
	struct inode *ino;
	struct walk w;
	int err;

	switch (mode & S_IFMT) {
	case 0:
		mode |= S_IFREG;
		break;
	case S_IFREG: case S_IFCHR: case S_IFBLK: case S_IFIFO: case S_IFSOCK:
		break;
	case S_IFDIR:
		return -EPERM;
	default:
		return -EINVAL;
	}
	err = walk_begin(&w, dirfd, path, 0);
	if (err)
		goto out_end;
	mutex_lock(&vfs_lock);
	err = walk_path(&w, path, WALK_PARENT);
	if (!err)
		err = create_checks(&w);
	if (!err)
		err = ramfs_create(w.dir, w.name, w.len,
				   (mode & S_IFMT) | (mode & 07777 & ~umask_val), &ino);
	if (!err && (S_ISCHR(mode) || S_ISBLK(mode))) {
		ino->rdev = dev;
		ino->fops = S_ISCHR(mode) ? devfs_fops(dev) : NULL;
	}
	mutex_unlock(&vfs_lock);
out_end:
	walk_end(&w);
	return err;
}

static int rmdir_checks(struct walk *w)
{
	if (w->type == LAST_DOT)
		return -EINVAL;
	if (w->type == LAST_DOTDOT)
		return -ENOTEMPTY;
	if (w->type == LAST_ROOT || w->inode == vfs_root)
		return -EBUSY;
	if (!S_ISDIR(w->inode->mode))
		return -ENOTDIR;
	if (!dir_is_empty(w->inode))
		return -ENOTEMPTY;
	return 0;
}

static int unlink_checks(struct walk *w)
{
	if (w->type != LAST_NORM || S_ISDIR(w->inode->mode))
		return -EISDIR;
	if (w->slash)
		return -ENOTDIR;
	return 0;
}

int vfs_unlinkat(int dirfd, const char *path, int flags)
{
	struct walk w;
	int err;

	if (flags & ~AT_REMOVEDIR)
		return -EINVAL;
	err = walk_begin(&w, dirfd, path, 0);
	if (err)
		goto out_end;
	mutex_lock(&vfs_lock);
	err = walk_path(&w, path, WALK_PARENT);
	if (!err && !w.inode)
		err = -ENOENT;
	if (!err)
		err = (flags & AT_REMOVEDIR) ? rmdir_checks(&w) : unlink_checks(&w);
	if (!err)
		err = dir_unlink(w.dir, w.name, w.len);
	mutex_unlock(&vfs_lock);
out_end:
	walk_end(&w);
	return err;
}

/* Is a an ancestor of (or the same directory as) d? */
static bool is_ancestor(struct inode *a, struct inode *d)
{
	for (;;) {
		if (d == a)
			return true;
		if (d == vfs_root || !d->dir.parent || d->dir.parent == d)
			return false;
		d = d->dir.parent;
	}
}

/* rename(2)'s checks, in Linux's order; vfs_lock held. */
static int rename_checks(struct walk *o, struct walk *n, unsigned flags)
{
	struct inode *oi = o->inode, *ni = n->inode;

	if (o->type != LAST_NORM)
		return -EBUSY;
	if (n->type != LAST_NORM)
		return (flags & RENAME_NOREPLACE) ? -EEXIST : -EBUSY;
	if (!oi)
		return -ENOENT;
	if ((flags & RENAME_EXCHANGE) && !ni)
		return -ENOENT;
	if ((flags & RENAME_NOREPLACE) && ni)
		return -EEXIST;
	if (!S_ISDIR(oi->mode) && (o->slash || (n->slash && !(flags & RENAME_EXCHANGE))))
		return -ENOTDIR;
	if ((flags & RENAME_EXCHANGE) && !S_ISDIR(ni->mode) && n->slash)
		return -ENOTDIR;
	if (oi == ni)
		return 1; /* the same file: nothing to do */
	if (S_ISDIR(oi->mode) && is_ancestor(oi, n->dir))
		return -EINVAL;
	if (ni && S_ISDIR(ni->mode) && is_ancestor(ni, o->dir))
		return (flags & RENAME_EXCHANGE) ? -EINVAL : -ENOTEMPTY;
	if (ni && !(flags & RENAME_EXCHANGE)) {
		if (S_ISDIR(oi->mode) && !S_ISDIR(ni->mode))
			return -ENOTDIR;
		if (!S_ISDIR(oi->mode) && S_ISDIR(ni->mode))
			return -EISDIR;
		if (S_ISDIR(ni->mode) && !dir_is_empty(ni))
			return -ENOTEMPTY;
	}
	if (oi == vfs_root || (ni && ni == vfs_root))
		return -EBUSY;
	return 0;
}

int vfs_renameat2(int odfd, const char *oldp, int ndfd, const char *newp, unsigned flags)
{
	struct walk o, n;
	int err, err2;

	if (flags & ~(RENAME_NOREPLACE | RENAME_EXCHANGE | RENAME_WHITEOUT))
		return -EINVAL;
	if ((flags & RENAME_EXCHANGE) && (flags & (RENAME_NOREPLACE | RENAME_WHITEOUT)))
		return -EINVAL;
	if (flags & RENAME_WHITEOUT)
		return -EINVAL; /* whiteouts are for overlay file systems */
	err = walk_begin(&o, odfd, oldp, 0);
	err2 = walk_begin(&n, ndfd, newp, 0);
	if (err || err2) {
		err = err ? err : err2;
		goto out_end;
	}
	mutex_lock(&vfs_lock);
	err = walk_path(&o, oldp, WALK_PARENT);
	if (!err)
		err = walk_path(&n, newp, WALK_PARENT);
	if (!err)
		err = rename_checks(&o, &n, flags);
	if (err == 0 && (flags & RENAME_EXCHANGE))
		dir_exchange(o.dir, o.name, o.len, n.dir, n.name, n.len);
	else if (err == 0)
		err = dir_move(o.dir, o.name, o.len, n.dir, n.name, n.len);
	if (err > 0)
		err = 0;
	mutex_unlock(&vfs_lock);
out_end:
	walk_end(&o);
	walk_end(&n);
	return err;
}

int vfs_linkat(int odfd, const char *oldp, int ndfd, const char *newp, int flags)
{
	unsigned wf;
	struct walk o, n;
	int err, err2;

	if (flags & ~(AT_SYMLINK_FOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	/* linkat(2) follows a final symlink only with AT_SYMLINK_FOLLOW */
	wf = (flags & AT_SYMLINK_FOLLOW) ? WALK_FOLLOW : 0;
	if (flags & AT_EMPTY_PATH)
		wf |= WALK_EMPTY;
	err = walk_begin(&o, odfd, oldp, 0);
	err2 = walk_begin(&n, ndfd, newp, 0);
	if (err || err2) {
		err = err ? err : err2;
		goto out_end;
	}
	mutex_lock(&vfs_lock);
	err = walk_path(&o, oldp, wf);
	if (!err)
		err = walk_path(&n, newp, WALK_PARENT);
	if (!err)
		err = create_checks(&n);
	if (!err && S_ISDIR(o.inode->mode))
		err = -EPERM;
	if (!err && o.inode->nlink == 0)
		err = -ENOENT;
	if (!err)
		err = dir_link(n.dir, n.name, n.len, o.inode);
	mutex_unlock(&vfs_lock);
out_end:
	walk_end(&o);
	walk_end(&n);
	return err;
}

int vfs_symlinkat(const char *target, int dirfd, const char *path)
{
	struct walk w;
	int err;

	if (!*target)
		return -ENOENT;
	err = walk_begin(&w, dirfd, path, 0);
	if (err)
		goto out_end;
	mutex_lock(&vfs_lock);
	err = walk_path(&w, path, WALK_PARENT);
	if (!err)
		err = create_checks(&w);
	if (!err)
		err = ramfs_symlink(w.dir, w.name, w.len, target, NULL);
	mutex_unlock(&vfs_lock);
out_end:
	walk_end(&w);
	return err;
}

/* readlinkat(2): an empty path names the symlink open (O_PATH) at dirfd. */
long vfs_readlinkat(int dirfd, const char *path, char *kbuf, size_t n)
{
	struct walk w;
	long err = walk_begin(&w, dirfd, path, 0);

	if (err)
		goto out_end;
	mutex_lock(&vfs_lock);
	err = walk_path(&w, path, WALK_EMPTY);
	if (!err && !S_ISLNK(w.inode->mode))
		err = -EINVAL;
	if (!err) {
		err = (long)MIN(n, (size_t)w.inode->size);
		memcpy(kbuf, w.inode->target, (size_t)err);
		inode_touch(w.inode, T_ATIME);
	}
	mutex_unlock(&vfs_lock);
out_end:
	walk_end(&w);
	return err;
}
