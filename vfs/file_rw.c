/*
 * file_rw.c - reading, writing, seeking and listing open files, and the
 * file_ops of ramfs regular files and directories.
 *
 * file_read/file_write are the one I/O path behind read, pread64, readv,
 * sendfile, copy_file_range and vfs_kread: they check the open mode, clamp
 * the count to Linux's MAX_RW_COUNT, and either use the offset they are
 * given (pread) or the file's own, under its pos_lock (read).
 *
 * ramfs data is protected by vfs_lock, which is never held across a user
 * copy (a fault there may need vfs itself, for file-backed mmap). So a
 * regular-file read or write moves at most BOUNCE bytes at a time between
 * the file and a kernel bounce buffer under vfs_lock, and between the
 * bounce buffer and the program with no lock held. Kernel-buffer I/O
 * (IO_KERNEL) goes straight through under the lock.
 *
 * Reads do not update atime (as if mounted noatime): it would cost a lock
 * round trip per read for a field programs rarely look at.
 */
#include "internal.h"
#include <linux/fs.h>

#define BOUNCE (64 * 1024)

long file_read(struct file *f, void *buf, size_t n, uint64_t *pos, unsigned io)
{
	uint64_t dummy = 0;
	long r;

	if (!(f->fmode & FMODE_READ))
		return -EBADF;
	if (!f->ops->read)
		return S_ISDIR(f->inode->mode) ? -EISDIR : -EINVAL;
	if (n > MAX_RW_COUNT)
		n = MAX_RW_COUNT;
	if (pos) {
		if (!(f->fmode & FMODE_SEEK))
			return -ESPIPE;
		return f->ops->read(f, buf, n, pos, io);
	}
	if (!(f->fmode & FMODE_SEEK))
		return f->ops->read(f, buf, n, &dummy, io);
	mutex_lock(&f->pos_lock);
	r = f->ops->read(f, buf, n, &f->pos, io);
	mutex_unlock(&f->pos_lock);
	return r;
}

long file_write(struct file *f, const void *buf, size_t n, uint64_t *pos, unsigned io)
{
	uint64_t dummy = 0;
	long r;

	if (!(f->fmode & FMODE_WRITE))
		return -EBADF;
	if (!f->ops->write)
		return -EINVAL;
	if (n > MAX_RW_COUNT)
		n = MAX_RW_COUNT;
	if (pos) {
		if (!(f->fmode & FMODE_SEEK))
			return -ESPIPE;
		return f->ops->write(f, buf, n, pos, io);
	}
	if (!(f->fmode & FMODE_SEEK))
		return f->ops->write(f, buf, n, &dummy, io);
	mutex_lock(&f->pos_lock);
	r = f->ops->write(f, buf, n, &f->pos, io);
	mutex_unlock(&f->pos_lock);
	return r;
}

long file_lseek(struct file *f, int64_t off, int whence)
{
	long r;

	if (!(f->fmode & FMODE_SEEK) || !f->ops->lseek)
		return (f->fmode & FMODE_PATH) ? -EBADF : -ESPIPE;
	mutex_lock(&f->pos_lock);
	r = f->ops->lseek(f, off, whence);
	mutex_unlock(&f->pos_lock);
	return r;
}

int file_truncate(struct file *f, uint64_t size)
{
	int err;

	if (f->fmode & FMODE_PATH)
		return -EBADF;
	if (!S_ISREG(f->inode->mode) || !(f->fmode & FMODE_WRITE))
		return -EINVAL;
	mutex_lock(&vfs_lock);
	err = ramfs_truncate(f->inode, size);
	mutex_unlock(&vfs_lock);
	return err;
}

long file_getdents(struct file *f, void *ubuf, size_t n)
{
	uint64_t saved;
	void *kbuf;
	long r;

	if (f->fmode & FMODE_PATH)
		return -EBADF;
	if (!f->ops->getdents)
		return -ENOTDIR;
	n = MIN(n, (size_t)BOUNCE);
	kbuf = kmalloc(n ? n : 1);
	if (!kbuf)
		return -ENOMEM;
	mutex_lock(&f->pos_lock);
	saved = f->pos;
	r = f->ops->getdents(f, kbuf, n);
	if (r > 0 && copy_to_user(ubuf, kbuf, (size_t)r)) {
		f->pos = saved;
		r = -EFAULT;
	}
	mutex_unlock(&f->pos_lock);
	kfree(kbuf);
	return r;
}

/* --- ramfs regular files --- */

static long reg_read(struct file *f, void *buf, size_t n, uint64_t *pos, unsigned io)
{
	size_t done = 0, chunk = MIN(n, (size_t)BOUNCE);
	char *bounce;
	long r;

	if (io == IO_KERNEL) {
		mutex_lock(&vfs_lock);
		r = ramfs_read(f->inode, buf, n, *pos);
		mutex_unlock(&vfs_lock);
		if (r > 0)
			*pos += (uint64_t)r;
		return r;
	}
	if (n == 0)
		return 0;
	bounce = kmalloc(chunk);
	if (!bounce)
		return -ENOMEM;
	while (done < n) {
		size_t k = MIN(n - done, chunk);
		mutex_lock(&vfs_lock);
		r = ramfs_read(f->inode, bounce, k, *pos);
		mutex_unlock(&vfs_lock);
		if (r <= 0)
			break;
		if (copy_to_user((char *)buf + done, bounce, (size_t)r)) {
			if (!done)
				done = (size_t)-EFAULT;
			break;
		}
		*pos += (uint64_t)r;
		done += (size_t)r;
		if ((size_t)r < k)
			break;
	}
	kfree(bounce);
	return (long)done;
}

/* O_APPEND moves *pos to the end first, for pwrite too (as Linux does: pwrite(2) BUGS). */
static long reg_write_chunk(struct file *f, const void *kbuf, size_t k, uint64_t *pos)
{
	long r;

	mutex_lock(&vfs_lock);
	if (f->flags & O_APPEND)
		*pos = f->inode->size;
	r = ramfs_write(f->inode, kbuf, k, *pos);
	mutex_unlock(&vfs_lock);
	if (r > 0)
		*pos += (uint64_t)r;
	return r;
}

static long reg_write(struct file *f, const void *buf, size_t n, uint64_t *pos, unsigned io)
{
	size_t done = 0, chunk = MIN(n, (size_t)BOUNCE);
	char *bounce;
	long r = 0;

	if (io == IO_KERNEL)
		return reg_write_chunk(f, buf, n, pos);
	if (n == 0)
		return 0;
	bounce = kmalloc(chunk);
	if (!bounce)
		return -ENOMEM;
	while (done < n) {
		size_t k = MIN(n - done, chunk);
		if (copy_from_user(bounce, (const char *)buf + done, k)) {
			r = -EFAULT;
			break;
		}
		r = reg_write_chunk(f, bounce, k, pos);
		if (r <= 0)
			break;
		done += (size_t)r;
		if ((size_t)r < k)
			break;
	}
	kfree(bounce);
	return done ? (long)done : r;
}

static long reg_lseek(struct file *f, int64_t off, int whence)
{
	int64_t size, base;

	mutex_lock(&vfs_lock);
	size = (int64_t)f->inode->size;
	mutex_unlock(&vfs_lock);
	switch (whence) {
	case SEEK_SET: base = 0; break;
	case SEEK_CUR: base = (int64_t)f->pos; break;
	case SEEK_END: base = size; break;
	case SEEK_DATA: /* the whole file counts as data, as lseek(2) allows */
	case SEEK_HOLE:
		if (off < 0 || off >= size)
			return -ENXIO;
		f->pos = (uint64_t)(whence == SEEK_DATA ? off : size);
		return (long)f->pos;
	default:
		return -EINVAL;
	}
	if ((off > 0 && base > INT64_MAX - off) || base + off < 0)
		return -EINVAL;
	f->pos = (uint64_t)(base + off);
	return (long)f->pos;
}

const struct file_ops ramfs_reg_fops = {
	.read = reg_read,
	.write = reg_write,
	.lseek = reg_lseek,
};

/* --- ramfs directories --- */

/*
 * getdents cookies: 0 is ".", 1 is "..", and seq + 2 is the entry with that
 * sequence number; each record's d_off is where the next read starts.
 */
static bool emit(char *kbuf, size_t n, size_t *used, uint64_t ino, int64_t off,
		 unsigned type, const char *name, size_t len)
{
	size_t reclen = ALIGN_UP(offsetof(struct linux_dirent64, d_name) + len + 1, (size_t)8);
	struct linux_dirent64 *d = (struct linux_dirent64 *)(kbuf + *used);

	if (*used + reclen > n)
		return false;
	memset(d, 0, reclen);
	d->d_ino = ino;
	d->d_off = off;
	d->d_reclen = (unsigned short)reclen;
	d->d_type = (unsigned char)(type >> 12);
	memcpy(d->d_name, name, len);
	*used += reclen;
	return true;
}

static long dir_getdents(struct file *f, void *kbuf, size_t n)
{
	struct inode *dir = f->inode;
	const struct dentry *d;
	uint64_t pos = f->pos;
	size_t used = 0;
	long r;

	mutex_lock(&vfs_lock);
	if (dir->nlink == 0) {
		r = -ENOENT; /* the directory was removed */
		goto out;
	}
	if (pos == 0 && emit(kbuf, n, &used, dir->ino, 1, S_IFDIR, ".", 1))
		pos = 1;
	if (pos == 1 && emit(kbuf, n, &used, dir->dir.parent->ino, 2, S_IFDIR, "..", 2))
		pos = 2;
	for (d = pos >= 2 ? dir_entry_from(dir, pos - 2) : NULL; d; d = dir_entry_next(dir, d)) {
		if (!emit(kbuf, n, &used, d->inode->ino, (int64_t)d->seq + 3, d->inode->mode & S_IFMT,
			  d->name, d->len))
			break;
		pos = d->seq + 3;
	}
	f->pos = pos;
	r = (used == 0 && (pos < 2 || d)) ? -EINVAL : (long)used;
out:
	mutex_unlock(&vfs_lock);
	return r;
}

static long dir_lseek(struct file *f, int64_t off, int whence)
{
	int64_t base;

	if (whence == SEEK_SET)
		base = 0;
	else if (whence == SEEK_CUR)
		base = (int64_t)f->pos;
	else
		return -EINVAL;
	if ((off > 0 && base > INT64_MAX - off) || base + off < 0)
		return -EINVAL;
	f->pos = (uint64_t)(base + off);
	return (long)f->pos;
}

const struct file_ops ramfs_dir_fops = {
	.lseek = dir_lseek,
	.getdents = dir_getdents,
};
