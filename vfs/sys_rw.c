/*
 * sys_rw.c - system calls that move data: read, write, pread64, pwrite64,
 * readv, writev, preadv, pwritev, preadv2, pwritev2, lseek, sendfile,
 * copy_file_range, and the size/sync family: truncate, ftruncate,
 * fallocate, fsync, fdatasync, sync, syncfs, fadvise64.
 *
 * Each handler checks its descriptor and user buffers (-EFAULT for a range
 * that is not in the program's half, as Linux's access_ok) and calls
 * file_read/file_write (file_rw.c), which clamp counts to MAX_RW_COUNT.
 * ramfs has nothing to flush, so the sync calls only check their fd.
 */
#include "internal.h"
#include <linux/falloc.h>

static struct file *get(unsigned long fd)
{
	return fd_get((int)MIN(fd, (unsigned long)VFS_MAX_FDS));
}

long sys_read(unsigned int fd, char *buf, size_t count)
{
	struct file *f = get(fd);
	long r;

	if (!f)
		return -EBADF;
	r = user_range_ok(buf, count) ? file_read(f, buf, count, NULL, IO_USER) : -EFAULT;
	file_put(f);
	return r;
}

long sys_write(unsigned int fd, const char *buf, size_t count)
{
	struct file *f = get(fd);
	long r;

	if (!f)
		return -EBADF;
	r = user_range_ok(buf, count) ? file_write(f, buf, count, NULL, IO_USER) : -EFAULT;
	file_put(f);
	return r;
}

long sys_pread64(unsigned int fd, char *buf, size_t count, __kernel_loff_t pos)
{
	struct file *f = get(fd);
	uint64_t p = (uint64_t)pos;
	long r;

	if (!f)
		return -EBADF;
	if (pos < 0)
		r = -EINVAL;
	else
		r = user_range_ok(buf, count) ? file_read(f, buf, count, &p, IO_USER) : -EFAULT;
	file_put(f);
	return r;
}

long sys_pwrite64(unsigned int fd, const char *buf, size_t count, __kernel_loff_t pos)
{
	struct file *f = get(fd);
	uint64_t p = (uint64_t)pos;
	long r;

	if (!f)
		return -EBADF;
	if (pos < 0)
		r = -EINVAL;
	else
		r = user_range_ok(buf, count) ? file_write(f, buf, count, &p, IO_USER) : -EFAULT;
	file_put(f);
	return r;
}

/*
 * The vectored calls: copy the iovec array in, check it as Linux does
 * (at most UIO_MAXIOV entries; -EINVAL if the total overflows ssize_t;
 * -EFAULT for a bad range), then do one transfer per entry, stopping at
 * the first short one. pos == NULL: the file's own offset.
 */
static long do_rw_vec(unsigned long fd, const struct iovec *uvec, unsigned long vlen,
		      uint64_t *pos, bool write)
{
	struct file *f;
	struct iovec *v;
	size_t total = 0, done = 0;
	long r = 0;

	if (vlen > UIO_MAXIOV)
		return -EINVAL;
	f = get(fd);
	if (!f)
		return -EBADF;
	v = kmalloc(sizeof(*v) * (vlen ? vlen : 1));
	if (!v) {
		r = -ENOMEM;
		goto out_put;
	}
	if (copy_from_user(v, uvec, sizeof(*v) * vlen)) {
		r = -EFAULT;
		goto out_free;
	}
	for (unsigned long i = 0; i < vlen; i++) {
		if (v[i].iov_len > (size_t)INT64_MAX - total) {
			r = -EINVAL;
			goto out_free;
		}
		total += v[i].iov_len;
		if (!user_range_ok(v[i].iov_base, v[i].iov_len)) {
			r = -EFAULT;
			goto out_free;
		}
	}
	if (!(f->fmode & (write ? FMODE_WRITE : FMODE_READ))) {
		r = -EBADF;
		goto out_free;
	}
	if (f->ops->rw_iov && !pos) {
		r = f->ops->rw_iov(f, v, vlen, write);
		goto out_free;
	}
	for (unsigned long i = 0; i < vlen && done < (size_t)MAX_RW_COUNT; i++) {
		size_t len = MIN(v[i].iov_len, (size_t)MAX_RW_COUNT - done);
		if (len == 0)
			continue;
		r = write ? file_write(f, v[i].iov_base, len, pos, IO_USER)
			  : file_read(f, v[i].iov_base, len, pos, IO_USER);
		if (r <= 0)
			break;
		done += (size_t)r;
		if ((size_t)r < len)
			break;
	}
	if (done)
		r = (long)done;
out_free:
	kfree(v);
out_put:
	file_put(f);
	return r;
}

long sys_readv(unsigned long fd, const struct iovec *vec, unsigned long vlen)
{
	return do_rw_vec(fd, vec, vlen, NULL, false);
}

long sys_writev(unsigned long fd, const struct iovec *vec, unsigned long vlen)
{
	return do_rw_vec(fd, vec, vlen, NULL, true);
}

/* On 64-bit Linux the offset is pos_l alone (pos_from_hilo). */
long sys_preadv(unsigned long fd, const struct iovec *vec, unsigned long vlen,
		unsigned long pos_l, unsigned long pos_h)
{
	uint64_t pos = pos_l;

	(void)pos_h;
	if ((long)pos_l < 0)
		return -EINVAL;
	return do_rw_vec(fd, vec, vlen, &pos, false);
}

long sys_pwritev(unsigned long fd, const struct iovec *vec, unsigned long vlen,
		 unsigned long pos_l, unsigned long pos_h)
{
	uint64_t pos = pos_l;

	(void)pos_h;
	if ((long)pos_l < 0)
		return -EINVAL;
	return do_rw_vec(fd, vec, vlen, &pos, true);
}

/*
 * preadv2/pwritev2: offset -1 means the file's own offset. RWF_HIPRI,
 * RWF_DSYNC, RWF_SYNC and RWF_NOWAIT change nothing for ramfs (nothing
 * waits on a disk); RWF_APPEND is not supported.
 */
static long rw_vec2(unsigned long fd, const struct iovec *vec, unsigned long vlen,
		    unsigned long pos_l, int flags, bool write)
{
	uint64_t pos = pos_l;

	if (flags & ~(RWF_HIPRI | RWF_DSYNC | RWF_SYNC | RWF_NOWAIT))
		return -EOPNOTSUPP;
	if ((long)pos_l == -1)
		return do_rw_vec(fd, vec, vlen, NULL, write);
	if ((long)pos_l < 0)
		return -EINVAL;
	return do_rw_vec(fd, vec, vlen, &pos, write);
}

long sys_preadv2(unsigned long fd, const struct iovec *vec, unsigned long vlen,
		 unsigned long pos_l, unsigned long pos_h, int flags)
{
	(void)pos_h;
	return rw_vec2(fd, vec, vlen, pos_l, flags, false);
}

long sys_pwritev2(unsigned long fd, const struct iovec *vec, unsigned long vlen,
		  unsigned long pos_l, unsigned long pos_h, int flags)
{
	(void)pos_h;
	return rw_vec2(fd, vec, vlen, pos_l, flags, true);
}

long sys_lseek(unsigned int fd, __kernel_off_t offset, unsigned int whence)
{
	struct file *f = get(fd);
	long r;

	if (!f)
		return -EBADF;
	r = file_lseek(f, offset, (int)whence);
	file_put(f);
	return r;
}

/*
 * Copy up to count bytes from in to out through a kernel buffer: the loop
 * behind sendfile and copy_file_range. A NULL position uses (and moves) the
 * file's own offset; if out takes less than was read, the input position
 * is moved back by the difference so no byte is lost.
 * Return: bytes copied, or -errno if none.
 */
static long splice_files(struct file *in, uint64_t *in_pos, struct file *out, uint64_t *out_pos,
			 size_t count)
{
	size_t done = 0, bufsz = MIN(MAX(count, (size_t)1), (size_t)(64 * 1024));
	char *buf = kmalloc(bufsz);
	long r = 0;

	if (!buf)
		return -ENOMEM;
	count = MIN(count, (size_t)MAX_RW_COUNT);
	while (done < count) {
		size_t k = MIN(count - done, bufsz);
		long w;
		r = file_read(in, buf, k, in_pos, IO_KERNEL);
		if (r <= 0)
			break;
		w = file_write(out, buf, (size_t)r, out_pos, IO_KERNEL);
		if (w < r) {
			uint64_t back = (uint64_t)(r - MAX(w, 0L));
			if (in_pos) {
				*in_pos -= back;
			} else {
				mutex_lock(&in->pos_lock);
				in->pos -= back;
				mutex_unlock(&in->pos_lock);
			}
			if (w > 0)
				done += (size_t)w;
			r = w;
			break;
		}
		done += (size_t)w;
		if ((size_t)r < k)
			break;
	}
	kfree(buf);
	return done ? (long)done : r;
}

long sys_sendfile(int out_fd, int in_fd, __kernel_loff_t *offset, size_t count)
{
	struct file *in = fd_get(in_fd), *out = fd_get(out_fd);
	__kernel_loff_t off = 0;
	uint64_t pos;
	long r;

	if (!in || !out) {
		r = -EBADF;
		goto out_put;
	}
	if (!(in->fmode & FMODE_READ) || !(out->fmode & FMODE_WRITE)) {
		r = -EBADF;
		goto out_put;
	}
	if (out->flags & O_APPEND) {
		r = -EINVAL; /* sendfile(2) */
		goto out_put;
	}
	if (offset) {
		if (copy_from_user(&off, offset, sizeof(off))) {
			r = -EFAULT;
			goto out_put;
		}
		if (off < 0) {
			r = -EINVAL;
			goto out_put;
		}
		if (!(in->fmode & FMODE_SEEK)) {
			r = -ESPIPE;
			goto out_put;
		}
	}
	pos = (uint64_t)off;
	r = splice_files(in, offset ? &pos : NULL, out, NULL, count);
	off = (__kernel_loff_t)pos;
	if (offset && r >= 0 && copy_to_user(offset, &off, sizeof(off)))
		r = -EFAULT;
out_put:
	if (in)
		file_put(in);
	if (out)
		file_put(out);
	return r;
}

static int read_off(const __kernel_loff_t *uoff, uint64_t *pos)
{
	__kernel_loff_t v;

	if (copy_from_user(&v, uoff, sizeof(v)))
		return -EFAULT;
	if (v < 0)
		return -EINVAL;
	*pos = (uint64_t)v;
	return 0;
}

static long cfr_checks(struct file *in, struct file *out)
{
	if (!(in->fmode & FMODE_READ) || !(out->fmode & FMODE_WRITE) || (out->flags & O_APPEND))
		return -EBADF;
	if (S_ISDIR(in->inode->mode) || S_ISDIR(out->inode->mode))
		return -EISDIR;
	if (!S_ISREG(in->inode->mode) || !S_ISREG(out->inode->mode))
		return -EINVAL;
	return 0;
}

long sys_copy_file_range(int fd_in, __kernel_loff_t *off_in, int fd_out,
			 __kernel_loff_t *off_out, size_t len, unsigned int flags)
{
	struct file *in = fd_get(fd_in), *out = fd_get(fd_out);
	uint64_t ipos = 0, opos = 0;
	long r;

	if (!in || !out) {
		r = -EBADF;
		goto out_put;
	}
	r = flags ? -EINVAL : cfr_checks(in, out);
	if (!r && off_in)
		r = read_off(off_in, &ipos);
	if (!r && off_out)
		r = read_off(off_out, &opos);
	if (r)
		goto out_put;
	if (in->inode == out->inode) { /* copy_file_range(2): overlapping ranges of one file */
		uint64_t a = off_in ? ipos : in->pos, b = off_out ? opos : out->pos;
		if (a < b + len && b < a + len) {
			r = -EINVAL;
			goto out_put;
		}
	}
	r = splice_files(in, off_in ? &ipos : NULL, out, off_out ? &opos : NULL, len);
	if (r > 0 && off_in) {
		__kernel_loff_t v = (__kernel_loff_t)ipos;
		if (copy_to_user(off_in, &v, sizeof(v)))
			r = -EFAULT;
	}
	if (r > 0 && off_out) {
		__kernel_loff_t v = (__kernel_loff_t)opos;
		if (copy_to_user(off_out, &v, sizeof(v)))
			r = -EFAULT;
	}
out_put:
	if (in)
		file_put(in);
	if (out)
		file_put(out);
	return r;
}

long sys_truncate(const char *path, long length)
{
	char *kpath;
	long r;

	if (length < 0)
		return -EINVAL;
	r = path_from_user(path, &kpath);
	if (r)
		return r;
	r = vfs_truncate_path(kpath, (uint64_t)length);
	kfree(kpath);
	return r;
}

long sys_ftruncate(unsigned int fd, long length)
{
	struct file *f = get(fd);
	long r;

	if (!f)
		return -EBADF;
	r = length < 0 ? -EINVAL : file_truncate(f, (uint64_t)length);
	file_put(f);
	return r;
}

/*
 * fallocate(2): mode 0 extends the size to offset + len (ramfs pages are
 * allocated when written; reading the new range gives zeros either way);
 * FALLOC_FL_KEEP_SIZE alone has nothing to do. Other modes: -EOPNOTSUPP.
 */
long sys_fallocate(int fd, int mode, __kernel_loff_t offset, __kernel_loff_t len)
{
	struct file *f = fd_get(fd);
	long r = 0;

	if (!f)
		return -EBADF;
	if (offset < 0 || len <= 0)
		r = -EINVAL;
	else if (mode & ~FALLOC_FL_KEEP_SIZE)
		r = -EOPNOTSUPP;
	else if (!(f->fmode & FMODE_WRITE))
		r = -EBADF;
	else if (S_ISDIR(f->inode->mode))
		r = -EISDIR;
	else if (S_ISFIFO(f->inode->mode))
		r = -ESPIPE;
	else if (!S_ISREG(f->inode->mode))
		r = -ENODEV;
	else if (offset > INT64_MAX - len)
		r = -EFBIG;
	if (!r && !(mode & FALLOC_FL_KEEP_SIZE)) {
		mutex_lock(&vfs_lock);
		if ((uint64_t)(offset + len) > f->inode->size)
			r = ramfs_truncate(f->inode, (uint64_t)(offset + len));
		mutex_unlock(&vfs_lock);
	}
	file_put(f);
	return r;
}

static long check_fd(long fd)
{
	struct file *f = get((unsigned long)fd);

	if (!f)
		return -EBADF;
	file_put(f);
	return 0;
}

/* fsync(2): EINVAL for a file that cannot be synchronised (a pipe, a socket) */
static long check_sync_fd(long fd)
{
	struct file *f = get((unsigned long)fd);
	if (!f)
		return -EBADF;
	long r = S_ISFIFO(f->inode->mode) || S_ISSOCK(f->inode->mode) ? -EINVAL : 0;
	file_put(f);
	return r;
}

long sys_fsync(unsigned int fd) { return check_sync_fd(fd); }
long sys_fdatasync(unsigned int fd) { return check_sync_fd(fd); }
long sys_syncfs(int fd) { return fd < 0 ? -EBADF : check_fd(fd); }
long sys_sync(void) { return 0; }

/*
 * sync_file_range(2): ramfs has nothing to write back, so after checking
 * the arguments as Linux does there is nothing to wait for.
 */
long sys_sync_file_range(int fd, __kernel_loff_t offset, __kernel_loff_t nbytes, unsigned flags)
{
	if (flags & ~7u || offset < 0 || nbytes < 0 || offset + nbytes < offset)
		return -EINVAL;
	struct file *f = fd_get(fd);
	if (!f)
		return -EBADF;
	long r = S_ISREG(f->inode->mode) || S_ISDIR(f->inode->mode) || S_ISBLK(f->inode->mode) ?
			 0 : -ESPIPE;
	file_put(f);
	return r;
}

/* fadvise64(2): advice is only a hint, and ramfs has no cache to steer. */
long sys_fadvise64(int fd, __kernel_loff_t offset, size_t len, int advice)
{
	struct file *f = fd_get(fd);
	long r = 0;

	(void)offset; (void)len;
	if (!f)
		return -EBADF;
	if (S_ISFIFO(f->inode->mode))
		r = -ESPIPE;
	else if (advice < 0 || advice > 5)
		r = -EINVAL;
	file_put(f);
	return r;
}
