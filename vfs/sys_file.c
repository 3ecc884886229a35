/*
 * sys_file.c - system calls that open, close and manage descriptors:
 * open, openat, creat, close, close_range, dup, dup2, dup3, fcntl, ioctl,
 * flock, pipe, pipe2.
 *
 * Mostly argument checking: each handler copies its user arguments in,
 * rejects unknown flags the way Linux does, and calls one mechanism
 * (namei.c, fd.c, pipe.c). Called from the syscall table.
 */
#include "internal.h"
#include <linux/close_range.h>
#include <asm/ioctls.h>

long sys_openat(int dfd, const char *filename, int flags, umode_t mode)
{
	struct file *f;
	char *path;
	long r = path_from_user(filename, &path);

	if (r)
		return r;
	r = vfs_openat(dfd, path, flags, mode, &f);
	kfree(path);
	if (r)
		return r;
	r = fd_install(f, (unsigned)flags & O_CLOEXEC);
	if (r < 0)
		file_put(f);
	return r;
}

long sys_open(const char *filename, int flags, umode_t mode)
{
	return sys_openat(AT_FDCWD, filename, flags, mode);
}

long sys_creat(const char *pathname, umode_t mode)
{
	return sys_openat(AT_FDCWD, pathname, O_CREAT | O_WRONLY | O_TRUNC, mode);
}

long sys_close(unsigned int fd)
{
	return fd_close((int)MIN(fd, (unsigned)VFS_MAX_FDS));
}

long sys_close_range(unsigned int fd, unsigned int max_fd, unsigned int flags)
{
	if (flags & ~(CLOSE_RANGE_UNSHARE | CLOSE_RANGE_CLOEXEC))
		return -EINVAL;
	if (fd > max_fd)
		return -EINVAL;
	/* CLOSE_RANGE_UNSHARE: there is only one table, nothing to unshare */
	return fd_close_range(fd, max_fd, flags & CLOSE_RANGE_CLOEXEC);
}

long sys_dup(unsigned int fildes)
{
	struct file *f = fd_get((int)MIN(fildes, (unsigned)VFS_MAX_FDS));
	long r;

	if (!f)
		return -EBADF;
	r = fd_install(f, 0);
	if (r < 0)
		file_put(f);
	return r;
}

long sys_dup2(unsigned int oldfd, unsigned int newfd)
{
	if (oldfd == newfd) { /* dup2(2): check oldfd, change nothing */
		struct file *f = fd_get((int)MIN(oldfd, (unsigned)VFS_MAX_FDS));
		if (!f)
			return -EBADF;
		file_put(f);
		return newfd;
	}
	return fd_dup2((int)MIN(oldfd, (unsigned)VFS_MAX_FDS), (int)MIN(newfd, (unsigned)VFS_MAX_FDS),
		       0);
}

long sys_dup3(unsigned int oldfd, unsigned int newfd, int flags)
{
	if (flags & ~O_CLOEXEC)
		return -EINVAL;
	if (oldfd == newfd)
		return -EINVAL;
	return fd_dup2((int)MIN(oldfd, (unsigned)VFS_MAX_FDS), (int)MIN(newfd, (unsigned)VFS_MAX_FDS),
		       (unsigned)flags);
}

/*
 * Record locks: keel runs one process, so no other process can hold a
 * conflicting lock; every lock is granted and F_GETLK reports F_UNLCK.
 * The argument is still read and checked like Linux does.
 */
static long fcntl_lock(struct file *f, unsigned int cmd, unsigned long arg)
{
	struct flock fl;

	if (copy_from_user(&fl, (const void *)arg, sizeof(fl)))
		return -EFAULT;
	if (fl.l_type != F_RDLCK && fl.l_type != F_WRLCK && fl.l_type != F_UNLCK)
		return -EINVAL;
	/* setting a lock needs the matching access, as fcntl(2) says (EBADF) */
	if (cmd != F_GETLK && cmd != F_OFD_GETLK &&
	    ((fl.l_type == F_RDLCK && !(f->fmode & FMODE_READ)) ||
	     (fl.l_type == F_WRLCK && !(f->fmode & FMODE_WRITE))))
		return -EBADF;
	if ((cmd == F_OFD_GETLK || cmd == F_OFD_SETLK || cmd == F_OFD_SETLKW) && fl.l_pid != 0)
		return -EINVAL;
	if (cmd == F_GETLK || cmd == F_OFD_GETLK) {
		fl.l_type = F_UNLCK;
		return copy_to_user((void *)arg, &fl, sizeof(fl));
	}
	return 0;
}

static long do_fcntl(int fd, struct file *f, unsigned int cmd, unsigned long arg)
{
	const unsigned setfl = O_APPEND | O_NONBLOCK | FASYNC | O_DIRECT | O_NOATIME;
	long r;

	if ((f->fmode & FMODE_PATH) && cmd != F_DUPFD && cmd != F_DUPFD_CLOEXEC &&
	    cmd != F_GETFD && cmd != F_SETFD && cmd != F_GETFL)
		return -EBADF;
	switch (cmd) {
	case F_DUPFD:
	case F_DUPFD_CLOEXEC:
		if (arg >= VFS_MAX_FDS)
			return -EINVAL;
		file_get(f);
		r = fd_install_min(f, (int)arg, cmd == F_DUPFD_CLOEXEC ? O_CLOEXEC : 0);
		if (r < 0)
			file_put(f);
		return r;
	case F_GETFD:
		r = fd_get_cloexec(fd);
		return r < 0 ? r : (r ? FD_CLOEXEC : 0);
	case F_SETFD:
		return fd_set_cloexec(fd, arg & FD_CLOEXEC);
	case F_GETFL:
		return f->flags;
	case F_SETFL:
		f->flags = (f->flags & ~setfl) | ((unsigned)arg & setfl);
		return 0;
	case F_GETLK: case F_SETLK: case F_SETLKW:
	case F_OFD_GETLK: case F_OFD_SETLK: case F_OFD_SETLKW:
		return fcntl_lock(f, cmd, arg);
	case F_GETPIPE_SZ:
	case F_SETPIPE_SZ:
		return pipe_fcntl_size(f, cmd == F_SETPIPE_SZ, arg);
	case F_GETOWN: case F_GETSIG:
		return 0;
	case F_SETOWN: case F_SETSIG:
		return 0; /* no SIGIO yet: accepted and remembered nowhere */
	default:
		return -EINVAL;
	}
}

long sys_fcntl(unsigned int fd, unsigned int cmd, unsigned long arg)
{
	struct file *f = fd_get((int)MIN(fd, (unsigned)VFS_MAX_FDS));
	long r;

	if (!f)
		return -EBADF;
	r = do_fcntl((int)fd, f, cmd, arg);
	file_put(f);
	return r;
}

/* ioctls every file answers (ioctl(2), ioctl_list): the rest go to the file's ops. */
static long do_ioctl(int fd, struct file *f, unsigned int cmd, unsigned long arg)
{
	int v;

	switch (cmd) {
	case FIOCLEX:
	case FIONCLEX:
		return fd_set_cloexec(fd, cmd == FIOCLEX);
	case FIONBIO:
	case FIOASYNC:
		if (copy_from_user(&v, (const void *)arg, sizeof(v)))
			return -EFAULT;
		unsigned bit = cmd == FIONBIO ? O_NONBLOCK : FASYNC;
		f->flags = v ? (f->flags | bit) : (f->flags & ~bit);
		return 0;
	case FIONREAD:
		if (S_ISREG(f->inode->mode)) {
			struct kstat ks;
			file_stat(f, &ks);
			v = ks.size > f->pos ? (int)MIN(ks.size - f->pos, (uint64_t)INT32_MAX) : 0;
			return copy_to_user((void *)arg, &v, sizeof(v));
		}
		break;
	}
	return f->ops->ioctl ? f->ops->ioctl(f, cmd, arg) : -ENOTTY;
}

long sys_ioctl(unsigned int fd, unsigned int cmd, unsigned long arg)
{
	struct file *f = fd_get((int)MIN(fd, (unsigned)VFS_MAX_FDS));
	long r;

	if (!f)
		return -EBADF;
	r = (f->fmode & FMODE_PATH) ? -EBADF : do_ioctl((int)fd, f, cmd, arg);
	file_put(f);
	return r;
}

/* flock(2): one process, so every lock is granted at once. */
long sys_flock(unsigned int fd, unsigned int cmd)
{
	struct file *f = fd_get((int)MIN(fd, (unsigned)VFS_MAX_FDS));
	unsigned op = cmd & ~(unsigned)LOCK_NB;

	if (!f)
		return -EBADF;
	file_put(f);
	if (op != LOCK_SH && op != LOCK_EX && op != LOCK_UN)
		return -EINVAL;
	return 0;
}

long sys_pipe2(int *fildes, int flags)
{
	struct file *rd, *wr;
	int fds[2];
	long r;

	if (flags & ~(O_CLOEXEC | O_NONBLOCK | O_DIRECT))
		return -EINVAL;
	r = pipe_create(flags, &rd, &wr);
	if (r)
		return r;
	fds[0] = fd_install(rd, (unsigned)flags & O_CLOEXEC);
	if (fds[0] < 0) {
		file_put(rd);
		file_put(wr);
		return fds[0];
	}
	fds[1] = fd_install(wr, (unsigned)flags & O_CLOEXEC);
	if (fds[1] < 0) {
		fd_close(fds[0]);
		file_put(wr);
		return fds[1];
	}
	if (copy_to_user(fildes, fds, sizeof(fds))) {
		fd_close(fds[0]);
		fd_close(fds[1]);
		return -EFAULT;
	}
	return 0;
}

long sys_pipe(int *fildes)
{
	return sys_pipe2(fildes, 0);
}
