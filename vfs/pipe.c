/*
 * pipe.c - pipes (pipe(7)): a 64 KiB byte ring between a read end and a
 * write end.
 *
 * The two ends are two struct files on one anonymous S_IFIFO inode, both
 * pointing at one struct pipe, which is freed when the last end is
 * released. Semantics, as pipe(7):
 *   - read blocks while the pipe is empty and a writer exists; it returns
 *     0 (end of file) once every write end is closed, -EAGAIN instead of
 *     blocking with O_NONBLOCK, and whatever is there (short read) otherwise;
 *   - write of up to PIPE_BUF (4096) bytes is atomic: it waits until all of
 *     it fits; a larger write may be split and blocks until all is written;
 *     with no read end left it fails with -EPIPE and SIGPIPE goes to the
 *     writing thread; O_NONBLOCK gives a partial count or -EAGAIN.
 *
 * Locking: pipe->lock (a mutex) protects the ring, readers and writers; it
 * is held across the user copy, which is safe because a page fault never
 * needs a pipe. Sleeping uses the sched_lock handshake: the sleeper checks
 * its condition with sched_lock held and sleeps on rd_wq/wr_wq; the other
 * side changes the state under pipe->lock and then wakes the queue, which
 * takes sched_lock, so a wakeup can never fall between check and sleep.
 */
#include "internal.h"
#include "proc.h"
#include <asm/signal.h>
#include <linux/poll.h>
#include <linux/limits.h>
#include <asm/ioctls.h>

#define PIPE_MAX_SIZE (1024 * 1024)  /* /proc/sys/fs/pipe-max-size's default */

struct pipe {
	struct mutex lock;
	/* protected by lock; read without it only in wait conditions */
	struct ring ring;
	int readers, writers;  /* open ends */
	int files;             /* ends not yet released: the pipe's lifetime */
	struct waitq rd_wq;    /* readers waiting for data or for the last writer to go */
	struct waitq wr_wq;    /* writers waiting for space or for the last reader to go */
	unsigned r_opens, w_opens; /* FIFOs: opens so far, for openers waiting for the other side */
};

static uint32_t load32(const uint32_t *p) { return __atomic_load_n(p, __ATOMIC_ACQUIRE); }
static int load_int(const int *p) { return __atomic_load_n(p, __ATOMIC_ACQUIRE); }

static bool can_read(struct pipe *p)
{
	return load32(&p->ring.head) != load32(&p->ring.tail) || load_int(&p->writers) == 0;
}

static bool can_write(struct pipe *p, uint32_t need)
{
	uint32_t used = load32(&p->ring.head) - load32(&p->ring.tail);
	return p->ring.size - used >= need || load_int(&p->readers) == 0;
}

/*
 * Drop pipe->lock, sleep on wq until ready (need == 0: readable), retake it.
 * Return: 0, or -ERESTARTSYS when a signal ended the wait (the call is
 * restarted after a SA_RESTART handler, else fails with EINTR).
 */
static int pipe_wait(struct pipe *p, struct waitq *wq, uint32_t need)
{
	unsigned long flags;
	int r = 0;

	mutex_unlock(&p->lock);
	flags = sched_lock_irqsave();
	while (!r && (need ? !can_write(p, need) : !can_read(p)))
		r = waitq_wait_intr_locked(wq, 0);
	sched_unlock_irqrestore(flags);
	mutex_lock(&p->lock);
	return r == -EINTR ? -ERESTARTSYS : 0;
}

static long pipe_read(struct file *f, void *buf, size_t n, uint64_t *pos, unsigned io)
{
	struct pipe *p = f->priv;
	long r;

	(void)pos;
	if (n == 0)
		return 0;
	mutex_lock(&p->lock);
	while (ring_used(&p->ring) == 0) {
		if (p->writers == 0) {
			r = 0;
			goto out;
		}
		if (f->flags & O_NONBLOCK) {
			r = -EAGAIN;
			goto out;
		}
		if ((r = pipe_wait(p, &p->rd_wq, 0)))
			goto out;
	}
	r = ring_get(&p->ring, buf, n, io);
	if (r > 0)
		waitq_wake(&p->wr_wq, -1);
out:
	mutex_unlock(&p->lock);
	return r;
}

static long pipe_write(struct file *f, const void *buf, size_t n, uint64_t *pos, unsigned io)
{
	struct pipe *p = f->priv;
	uint32_t need = n <= PIPE_BUF ? (uint32_t)n : 1; /* PIPE_BUF writes go in whole */
	size_t done = 0;
	long r = 0;

	(void)pos;
	if (n == 0)
		return 0;
	mutex_lock(&p->lock);
	while (done < n) {
		if (p->readers == 0) {
			r = -EPIPE;
			signal_send_thread(thread_current(), SIGPIPE); /* write(2): EPIPE and SIGPIPE */
			break;
		}
		if (ring_space(&p->ring) < need) {
			if (f->flags & O_NONBLOCK) {
				r = -EAGAIN;
				break;
			}
			if ((r = pipe_wait(p, &p->wr_wq, need)))
				break; /* what was written stays written: its count is returned */
			continue;
		}
		r = ring_put(&p->ring, (const char *)buf + done, n - done, io);
		if (r < 0)
			break;
		done += (size_t)r;
		waitq_wake(&p->rd_wq, -1);
	}
	mutex_unlock(&p->lock);
	return done ? (long)done : r;
}

static unsigned pipe_poll(struct file *f, struct poll_table *pt)
{
	struct pipe *p = f->priv;
	unsigned mask = 0;

	mutex_lock(&p->lock);
	if (f->fmode & FMODE_READ) {
		poll_wait(pt, &p->rd_wq);
		if (ring_used(&p->ring))
			mask |= POLLIN | POLLRDNORM;
		if (p->writers == 0)
			mask |= POLLHUP;
	}
	if (f->fmode & FMODE_WRITE) {
		poll_wait(pt, &p->wr_wq);
		if (ring_space(&p->ring) >= PIPE_BUF)
			mask |= POLLOUT | POLLWRNORM;
		if (p->readers == 0)
			mask |= POLLERR;
	}
	mutex_unlock(&p->lock);
	return mask;
}

static long pipe_ioctl(struct file *f, unsigned int cmd, unsigned long arg)
{
	struct pipe *p = f->priv;
	int n;

	if (cmd != FIONREAD)
		return -ENOTTY;
	mutex_lock(&p->lock);
	n = (int)ring_used(&p->ring);
	mutex_unlock(&p->lock);
	return copy_to_user((void *)arg, &n, sizeof(n));
}

static bool pipe_put_end(struct pipe *p, unsigned fmode);

static void pipe_release(struct file *f)
{
	pipe_put_end(f->priv, f->fmode);
}

static int fifo_open(struct inode *ino, struct file **fp);
static void fifo_release(struct file *f);

/*
 * A FIFO (named pipe): the same pipe, found through its inode. Opening for
 * reading waits for a writer to open and for writing for a reader, unless
 * O_NONBLOCK (then a reader succeeds at once and a writer without readers
 * gets ENXIO); O_RDWR never waits. The pipe exists while it is open, and
 * its data goes with the last close, as fifo(7) says.
 */
const struct file_ops fifo_fops = {
	.open = fifo_open,
	.read = pipe_read,
	.write = pipe_write,
	.ioctl = pipe_ioctl,
	.poll = pipe_poll,
	.release = fifo_release,
};

static const struct file_ops pipe_fops = {
	.read = pipe_read,
	.write = pipe_write,
	.ioctl = pipe_ioctl,
	.poll = pipe_poll,
	.release = pipe_release,
};

/*
 * F_GETPIPE_SZ / F_SETPIPE_SZ (fcntl(2)): the size is rounded up to a
 * power of two of at least a page; shrinking below what the pipe holds is
 * -EBUSY, above PIPE_MAX_SIZE -EPERM.
 * Return: the (new) size, or -errno (-EBADF if f is not a pipe).
 */
long pipe_fcntl_size(struct file *f, bool set, unsigned long arg)
{
	struct pipe *p = f->priv;
	uint32_t size = PAGE_SIZE;
	struct ring nr;
	long r;

	if (f->ops != &pipe_fops && f->ops != &fifo_fops)
		return -EBADF;
	if (!set)
		return p->ring.size;
	if (arg > (1UL << 31)) /* no power of two fits: Linux says EINVAL */
		return -EINVAL;
	if (arg > PIPE_MAX_SIZE)
		return -EPERM;
	while (size < arg)
		size <<= 1;
	nr = (struct ring){ .buf = kmalloc(size), .size = size };
	if (!nr.buf)
		return -ENOMEM;
	mutex_lock(&p->lock);
	if (ring_used(&p->ring) > size) {
		mutex_unlock(&p->lock);
		kfree(nr.buf);
		return -EBUSY;
	}
	nr.head = ring_get(&p->ring, nr.buf, size, IO_KERNEL);
	kfree(p->ring.buf);
	p->ring = nr;
	r = size;
	waitq_wake(&p->wr_wq, -1);
	mutex_unlock(&p->lock);
	return r;
}

static struct pipe *pipe_alloc(void)
{
	struct pipe *p = kzalloc(sizeof(*p));
	if (!p)
		return NULL;
	mutex_init(&p->lock);
	waitq_init(&p->rd_wq);
	waitq_init(&p->wr_wq);
	p->ring.size = VFS_PIPE_SIZE;
	p->ring.buf = kmalloc(VFS_PIPE_SIZE);
	if (!p->ring.buf) {
		kfree(p);
		return NULL;
	}
	return p;
}

/* Drop one open end of p; free it with the last. Return: true if freed. */
static bool pipe_put_end(struct pipe *p, unsigned fmode)
{
	mutex_lock(&p->lock);
	if (fmode & FMODE_READ)
		p->readers--;
	if (fmode & FMODE_WRITE)
		p->writers--;
	bool last = --p->files == 0;
	waitq_wake(&p->rd_wq, -1);
	waitq_wake(&p->wr_wq, -1);
	mutex_unlock(&p->lock);
	if (last) {
		kfree(p->ring.buf);
		kfree(p);
	}
	return last;
}

static int fifo_open(struct inode *ino, struct file **fp)
{
	struct file *f = *fp;
	bool rd = f->fmode & FMODE_READ, wr = f->fmode & FMODE_WRITE;

	mutex_lock(&vfs_lock); /* guards ino->priv, the FIFO's pipe while open */
	struct pipe *p = ino->priv;
	if (!p && !(p = ino->priv = pipe_alloc())) {
		mutex_unlock(&vfs_lock);
		return -ENOMEM;
	}
	mutex_lock(&p->lock);
	if (wr && !rd && !p->readers && (f->flags & O_NONBLOCK)) {
		bool unused = p->files == 0;
		mutex_unlock(&p->lock);
		if (unused) {
			ino->priv = NULL;
			kfree(p->ring.buf);
			kfree(p);
		}
		mutex_unlock(&vfs_lock);
		return -ENXIO;
	}
	p->files++;
	p->readers += rd;
	p->writers += wr;
	p->r_opens += rd;
	p->w_opens += wr;
	unsigned r0 = p->r_opens, w0 = p->w_opens;
	f->priv = p;
	f->fmode &= ~FMODE_SEEK;
	waitq_wake(&p->rd_wq, -1);
	waitq_wake(&p->wr_wq, -1);
	mutex_unlock(&p->lock);
	mutex_unlock(&vfs_lock);

	if ((f->flags & O_NONBLOCK) || rd == wr)
		return 0;
	/* a lone reader waits for a writer to open, a lone writer for a reader */
	int r = 0;
	unsigned long flags = sched_lock_irqsave();
	while (!r && (rd ? p->w_opens == w0 && !p->writers : p->r_opens == r0 && !p->readers))
		r = waitq_wait_intr_locked(rd ? &p->rd_wq : &p->wr_wq, 0);
	sched_unlock_irqrestore(flags);
	if (r) { /* a signal: the open fails and this end goes away (no release will run) */
		fifo_release(f);
		return -ERESTARTSYS;
	}
	return 0;
}

static void fifo_release(struct file *f)
{
	struct pipe *p = f->priv;
	mutex_lock(&vfs_lock);
	if (pipe_put_end(p, f->fmode))
		f->inode->priv = NULL;
	mutex_unlock(&vfs_lock);
}

/* pipe2(2): flags are O_NONBLOCK (both ends) and O_CLOEXEC (for the caller). */
int pipe_create(int flags, struct file **rd, struct file **wr)
{
	struct pipe *p = pipe_alloc();
	int nb = flags & O_NONBLOCK;

	if (!p)
		return -ENOMEM;
	p->readers = p->writers = p->files = 1;
	*rd = vfs_file_anon(&pipe_fops, p, O_RDONLY | nb, S_IFIFO | 0600);
	if (!*rd) {
		kfree(p->ring.buf);
		kfree(p);
		return -ENOMEM;
	}
	/* the write end shares the read end's inode, as fstat on Linux shows */
	mutex_lock(&vfs_lock);
	inode_get((*rd)->inode);
	mutex_unlock(&vfs_lock);
	*wr = file_alloc((*rd)->inode, &pipe_fops, O_WRONLY | nb);
	if (!*wr) {
		mutex_lock(&vfs_lock);
		inode_put((*rd)->inode);
		mutex_unlock(&vfs_lock);
		file_put(*rd);  /* releases the pipe: files was 1 */
		return -ENOMEM;
	}
	(*wr)->fmode &= ~FMODE_SEEK;
	(*wr)->priv = p;
	p->files = 2;
	return 0;
}
