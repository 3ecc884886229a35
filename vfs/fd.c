/*
 * fd.c - the file-descriptor table.
 *
 * keel runs one program, so there is one table, shared by all its threads
 * (as with clone(CLONE_FILES)): an array of VFS_MAX_FDS (1024, Linux's
 * default RLIMIT_NOFILE) file pointers and a close-on-exec bit per slot.
 * Descriptors are always allocated lowest-free first, as POSIX requires.
 * The table holds one reference on each file; dup() makes two slots share
 * one struct file, and with it the offset and the status flags.
 *
 * Locking: fd_lock, a spinlock (interrupts off, never sleeps), protects
 * files[] and cloexec[]. A file leaving the table is put only after the
 * lock is dropped, because the last put may sleep (release, vfs_lock).
 */
#include "internal.h"
#include "proc.h"
#include <linux/resource.h>
#include "spinlock.h"

static struct spinlock fd_lock = SPINLOCK_INIT("fd_lock");
static struct file *files[VFS_MAX_FDS];       /* protected by fd_lock */
static uint8_t cloexec[VFS_MAX_FDS];          /* protected by fd_lock */

struct file *fd_get(int fd)
{
	struct file *f = NULL;
	unsigned long flags;

	if (fd < 0 || fd >= VFS_MAX_FDS)
		return NULL;
	flags = spin_lock_irqsave(&fd_lock);
	if (files[fd]) {
		f = files[fd];
		file_get(f);
	}
	spin_unlock_irqrestore(&fd_lock, flags);
	return f;
}

int fd_peek(int fd, void (*fn)(struct file *f, bool cloexec, void *arg), void *arg)
{
	unsigned long flags;
	int r = -EBADF;

	if (fd < 0 || fd >= VFS_MAX_FDS)
		return -EBADF;
	flags = spin_lock_irqsave(&fd_lock);
	if (files[fd]) {
		fn(files[fd], cloexec[fd], arg);
		r = 0;
	}
	spin_unlock_irqrestore(&fd_lock, flags);
	return r;
}

/* Fds at or above RLIMIT_NOFILE (at most VFS_MAX_FDS) cannot be created. */
static int fd_limit(void)
{
	uint64_t lim = proc_rlimit(RLIMIT_NOFILE);
	return lim < VFS_MAX_FDS ? (int)lim : VFS_MAX_FDS;
}

int fd_install_min(struct file *f, int minfd, unsigned flags)
{
	unsigned long irq;
	int fd, limit = fd_limit();

	if (minfd < 0 || minfd >= limit)
		return -EINVAL;
	irq = spin_lock_irqsave(&fd_lock);
	for (fd = minfd; fd < limit; fd++) {
		if (!files[fd]) {
			files[fd] = f;
			cloexec[fd] = (flags & O_CLOEXEC) ? 1 : 0;
			break;
		}
	}
	spin_unlock_irqrestore(&fd_lock, irq);
	return fd < limit ? fd : -EMFILE;
}

int fd_install(struct file *f, unsigned flags)
{
	return fd_install_min(f, 0, flags);
}

/*
 * dup2/dup3: make newfd refer to oldfd's file, closing what newfd held.
 * Return: newfd, or -EBADF.
 */
int fd_dup2(int oldfd, int newfd, unsigned flags)
{
	struct file *old = NULL;
	unsigned long irq;

	if (oldfd < 0 || oldfd >= VFS_MAX_FDS || newfd < 0 || newfd >= fd_limit())
		return -EBADF;
	irq = spin_lock_irqsave(&fd_lock);
	if (!files[oldfd]) {
		spin_unlock_irqrestore(&fd_lock, irq);
		return -EBADF;
	}
	if (oldfd != newfd) {
		old = files[newfd];
		files[newfd] = files[oldfd];
		file_get(files[newfd]);
	}
	cloexec[newfd] = (flags & O_CLOEXEC) ? 1 : 0;
	spin_unlock_irqrestore(&fd_lock, irq);
	if (old)
		file_put(old);
	return newfd;
}

int fd_close(int fd)
{
	struct file *f;
	unsigned long irq;

	if (fd < 0 || fd >= VFS_MAX_FDS)
		return -EBADF;
	irq = spin_lock_irqsave(&fd_lock);
	f = files[fd];
	files[fd] = NULL;
	cloexec[fd] = 0;
	spin_unlock_irqrestore(&fd_lock, irq);
	if (!f)
		return -EBADF;
	file_put(f);
	return 0;
}

/* close_range(2): close (or mark close-on-exec) every open fd in [first, last]. */
int fd_close_range(unsigned first, unsigned last, bool cloexec_only)
{
	if (last >= VFS_MAX_FDS)
		last = VFS_MAX_FDS - 1;
	for (unsigned fd = first; fd <= last && fd < VFS_MAX_FDS; fd++) {
		if (cloexec_only) {
			unsigned long irq = spin_lock_irqsave(&fd_lock);
			if (files[fd])
				cloexec[fd] = 1;
			spin_unlock_irqrestore(&fd_lock, irq);
		} else {
			fd_close((int)fd);
		}
	}
	return 0;
}

int fd_get_cloexec(int fd)
{
	unsigned long irq;
	int r;

	if (fd < 0 || fd >= VFS_MAX_FDS)
		return -EBADF;
	irq = spin_lock_irqsave(&fd_lock);
	r = files[fd] ? cloexec[fd] : -EBADF;
	spin_unlock_irqrestore(&fd_lock, irq);
	return r;
}

int fd_set_cloexec(int fd, bool on)
{
	unsigned long irq;
	int r = 0;

	if (fd < 0 || fd >= VFS_MAX_FDS)
		return -EBADF;
	irq = spin_lock_irqsave(&fd_lock);
	if (files[fd])
		cloexec[fd] = on;
	else
		r = -EBADF;
	spin_unlock_irqrestore(&fd_lock, irq);
	return r;
}

void fd_close_on_exec(void)
{
	for (int fd = 0; fd < VFS_MAX_FDS; fd++)
		if (fd_get_cloexec(fd) == 1)
			fd_close(fd);
}

void fd_table_reset(void)
{
	fd_close_range(0, VFS_MAX_FDS - 1, false);
}
