/*
 * file.c - open file descriptions: their life cycle, the kernel-internal
 * file API (vfs_kopen/vfs_kread/vfs_kstat for the ELF launcher and mmap),
 * anonymous files for other subsystems, and stat.
 *
 * A struct file is what open() creates and dup() shares: ops, status
 * flags, offset, and a reference on its inode. Its reference count is
 * atomic because fd_get() hands out references from the descriptor table
 * under a spinlock; the last file_put() calls ops->release without any
 * lock held, then drops the inode under vfs_lock.
 *
 * Callers: namei.c (vfs_openat builds files), fd.c, pipe.c, every sys_*.
 */
#include "internal.h"

int vfs_copy_out(void *buf, const void *ksrc, size_t n, unsigned io)
{
	if (io == IO_KERNEL) {
		memcpy(buf, ksrc, n);
		return 0;
	}
	return copy_to_user(buf, ksrc, n);
}

int vfs_copy_in(void *kdst, const void *buf, size_t n, unsigned io)
{
	if (io == IO_KERNEL) {
		memcpy(kdst, buf, n);
		return 0;
	}
	return copy_from_user(kdst, buf, n);
}

/*
 * A new file on ino (the caller's inode reference passes to the file).
 * flags are open(2) flags; the ones F_GETFL reports are kept, plus
 * O_LARGEFILE, which a 64-bit Linux adds to every open.
 */
struct file *file_alloc(struct inode *ino, const struct file_ops *ops, int flags)
{
	struct file *f = kzalloc(sizeof(*f));

	if (!f)
		return NULL;
	f->ops = ops;
	f->inode = ino;
	f->refs = 1;
	mutex_init(&f->pos_lock);
	list_init(&f->ep_links);
	if (flags & O_PATH) {
		f->fmode = FMODE_PATH;
		flags &= O_PATH | O_DIRECTORY | O_NOFOLLOW;
	} else {
		switch (flags & O_ACCMODE) { /* 3 opens for neither, as on Linux */
		case O_RDONLY: f->fmode = FMODE_READ; break;
		case O_WRONLY: f->fmode = FMODE_WRITE; break;
		case O_RDWR:   f->fmode = FMODE_READ | FMODE_WRITE; break;
		default:       f->fmode = 0; break;
		}
		if (S_ISREG(ino->mode) || S_ISDIR(ino->mode) || S_ISCHR(ino->mode))
			f->fmode |= FMODE_SEEK;
	}
	f->flags = (unsigned)(flags & ~(O_CREAT | O_EXCL | O_NOCTTY | O_TRUNC | O_CLOEXEC)) |
		   O_LARGEFILE;
	return f;
}

void file_get(struct file *f)
{
	__atomic_add_fetch(&f->refs, 1, __ATOMIC_RELAXED);
}

void file_put(struct file *f)
{
	int left = __atomic_sub_fetch(&f->refs, 1, __ATOMIC_ACQ_REL);

	BUG_ON(left < 0);
	if (left)
		return;
	epoll_file_release(f); /* before release: the items sit on f's wait queues */
	if (f->ops && f->ops->release && !(f->fmode & FMODE_PATH))
		f->ops->release(f);
	mutex_lock(&vfs_lock);
	inode_put(f->inode);
	mutex_unlock(&vfs_lock);
	kfree(f);
}

struct file *vfs_file_anon(const struct file_ops *ops, void *priv, int flags, umode_t mode)
{
	struct inode *ino;
	struct file *f;

	mutex_lock(&vfs_lock);
	ino = inode_new(mode);
	if (ino)
		inode_get(ino);
	mutex_unlock(&vfs_lock);
	if (!ino)
		return NULL;
	ino->fops = ops;
	f = file_alloc(ino, ops, flags);
	if (!f) {
		mutex_lock(&vfs_lock);
		inode_put(ino);
		mutex_unlock(&vfs_lock);
		return NULL;
	}
	f->fmode &= ~FMODE_SEEK;
	f->priv = priv;
	return f;
}

int file_stat(struct file *f, struct kstat *ks)
{
	mutex_lock(&vfs_lock);
	inode_fill_kstat(f->inode, ks);
	mutex_unlock(&vfs_lock);
	return 0;
}

void kstat_to_stat(const struct kstat *ks, struct stat *st)
{
	memset(st, 0, sizeof(*st));
	st->st_dev = ks->dev;
	st->st_ino = ks->ino;
	st->st_nlink = ks->nlink;
	st->st_mode = ks->mode;
	st->st_uid = ks->uid;
	st->st_gid = ks->gid;
	st->st_rdev = ks->rdev;
	st->st_size = (long)ks->size;
	st->st_blksize = ks->blksize;
	st->st_blocks = (long)ks->blocks;
	st->st_atime = (unsigned long)ks->atime.sec;
	st->st_atime_nsec = (unsigned long)ks->atime.nsec;
	st->st_mtime = (unsigned long)ks->mtime.sec;
	st->st_mtime_nsec = (unsigned long)ks->mtime.nsec;
	st->st_ctime = (unsigned long)ks->ctime.sec;
	st->st_ctime_nsec = (unsigned long)ks->ctime.nsec;
}

/* --- the kernel-internal API --- */

int vfs_kopen(const char *path, int flags, struct file **out)
{
	return vfs_openat(AT_FDCWD, path, flags, 0, out);
}

long vfs_kread(struct file *f, void *kbuf, size_t n, uint64_t off)
{
	return file_read(f, kbuf, n, &off, IO_KERNEL);
}

long vfs_kwrite(struct file *f, const void *kbuf, size_t n, uint64_t off)
{
	return file_write(f, kbuf, n, &off, IO_KERNEL);
}

int vfs_kstat(struct file *f, struct stat *st)
{
	struct kstat ks;
	int err = file_stat(f, &ks);

	if (!err)
		kstat_to_stat(&ks, st);
	return err;
}

/* A symlink can only be opened with O_PATH | O_NOFOLLOW: it does nothing. */
const struct file_ops ramfs_link_fops = { 0 };
