/*
 * poll.c - poll(2), ppoll(2), select(2), pselect6(2): wait until one of
 * many files is ready, and the helpers epoll.c shares (vfs_poll, timeouts,
 * the temporary signal mask).
 *
 * Design. A thread can sleep on only one wait queue, but a poll watches
 * many files, each with its own queues. So the poller owns one queue of its
 * own (struct poller.wq) and, during the first scan, each file's poll op
 * hands its queues to poller_queue(), which hangs a callback entry (struct
 * waitq_entry, kernel/sched.h) on every one of them. A wake of any of those
 * queues runs poller_wake() with sched_lock held: it sets `triggered` and
 * wakes the poller's own queue. The poller then scans all files again
 * (without registering twice), and sleeps once more if still nothing is
 * ready. `triggered` is set from the moment the first entry is queued, so
 * a wake between a scan and the sleep is never lost: the sleep checks it
 * under sched_lock. When the call ends every entry is taken off its queue
 * before the files are put, because a file's queues die with the file.
 *
 * The files are referenced for the whole call (fd_get at the start), as
 * Linux's poll tables do: an fd closed by another thread meanwhile does not
 * free the queues under the poller.
 *
 * Signals: sleeps here are not interrupted by signals yet (see
 * kernel/signal.c); the temporary mask of ppoll/pselect6 is installed as
 * rt_sigsuspend does it, so a signal it unblocks is delivered on the way
 * out of the call, and the old mask comes back then.
 *
 * Locking: poller.triggered and the entries' places on their queues are
 * protected by sched_lock; the rest of a poller belongs to its thread.
 *
 * Callers: the syscall table; epoll.c uses vfs_poll, poll_deadline_*,
 * poll_sleep_locked and poll_sigmask_begin.
 */
#include "internal.h"
#include "proc.h"
#include <linux/resource.h>
#include "time.h"
#include "ksignal.h"
#include <asm-generic/poll.h>
#include <linux/time_types.h>

/* select(2)'s three sets, as poll masks (the choice Linux makes) */
#define POLLIN_SET (POLLRDNORM | POLLRDBAND | POLLIN | POLLHUP | POLLERR)
#define POLLOUT_SET (POLLWRBAND | POLLWRNORM | POLLOUT | POLLERR)
#define POLLEX_SET (POLLPRI)
#define DEFAULT_POLLMASK (POLLIN | POLLOUT | POLLRDNORM | POLLWRNORM)

#define UNBLOCKABLE (SIGBIT(9) | SIGBIT(19)) /* SIGKILL, SIGSTOP */

unsigned vfs_poll(struct file *f, struct poll_table *pt)
{
	if (!f->ops || !f->ops->poll)
		return DEFAULT_POLLMASK; /* regular files and directories: always ready */
	return f->ops->poll(f, pt);
}

/* --- timeouts and the signal mask, shared with epoll.c --- */

uint64_t poll_deadline_ms(int ms)
{
	if (ms < 0)
		return POLL_FOREVER;
	return clock_ns() + (uint64_t)ms * 1000000ULL;
}

static uint64_t deadline_after(uint64_t sec, uint64_t nsec)
{
	uint64_t now = clock_ns();

	if (sec > (POLL_FOREVER - now) / NSEC_PER_SEC - 1)
		return POLL_FOREVER; /* centuries away: the same as never */
	return now + sec * NSEC_PER_SEC + nsec;
}

/* poll_deadline_ts, also saying whether the timeout was zero (*zero may be NULL). */
static int ts_deadline(const struct __kernel_timespec *uts, uint64_t *deadline, bool *zero)
{
	struct __kernel_timespec ts;

	if (zero)
		*zero = false;
	if (!uts) {
		*deadline = POLL_FOREVER;
		return 0;
	}
	if (copy_from_user(&ts, uts, sizeof(ts)))
		return -EFAULT;
	if (ts.tv_sec < 0 || ts.tv_nsec < 0 || ts.tv_nsec >= (long long)NSEC_PER_SEC)
		return -EINVAL;
	if (zero)
		*zero = ts.tv_sec == 0 && ts.tv_nsec == 0;
	*deadline = deadline_after((uint64_t)ts.tv_sec, (uint64_t)ts.tv_nsec);
	return 0;
}

int poll_deadline_ts(const struct __kernel_timespec *uts, uint64_t *deadline)
{
	return ts_deadline(uts, deadline, NULL);
}

int poll_sleep_locked(struct waitq *wq, uint64_t deadline)
{
	if (deadline == POLL_FOREVER)
		return waitq_wait_intr_locked(wq, 0);
	if (clock_ns() >= deadline)
		return -ETIMEDOUT;
	return waitq_wait_intr_locked(wq, deadline);
}

int poll_sigmask_begin(const uint64_t *umask, size_t size)
{
	struct thread *t = thread_current();
	uint64_t m;

	if (!umask)
		return 0;
	if (size != sizeof(m))
		return -EINVAL;
	if (copy_from_user(&m, umask, sizeof(m)))
		return -EFAULT;
	/* as rt_sigsuspend: the syscall exit path delivers, then restores */
	t->sig_saved_mask = t->sig_mask;
	t->sig_restore_mask = true;
	t->sig_mask = m & ~UNBLOCKABLE;
	thread_sig_recalc(t);
	return 0;
}

/* --- the poller: one thread waiting on many queues --- */

struct poller;

struct poll_entry {
	struct waitq_entry we;
	struct poller *p;
};

#define CHUNK_ENTRIES 16

struct entry_chunk {
	struct entry_chunk *next;
	unsigned used;
	struct poll_entry e[CHUNK_ENTRIES];
};

struct poller {
	struct poll_table pt;
	struct waitq wq;             /* the polling thread sleeps here */
	bool triggered;              /* a watched queue was woken; sched_lock */
	int error;                   /* -ENOMEM: an entry could not be had */
	struct entry_chunk *chunks;  /* chunks[0] is `first`, later ones kmalloc'd */
	struct entry_chunk first;
};

/* One record to watch: poll(2)'s pollfd, or one fd of select(2)'s sets. */
struct pollrec {
	struct file *file;  /* referenced; NULL: not watched (revents preset) */
	unsigned events;    /* the mask bits that count as ready */
	unsigned revents;
};

static void poller_wake(struct waitq_entry *we, unsigned key)
{
	struct poller *p = container_of(we, struct poll_entry, we)->p;

	(void)key; /* the rescan finds out what changed */
	p->triggered = true;
	waitq_wake_locked(&p->wq, -1);
}

/* poll_table.queue: the file will wake wq when its mask changes. */
static void poller_queue(struct poll_table *pt, struct waitq *wq)
{
	struct poller *p = container_of(pt, struct poller, pt);
	struct entry_chunk *c = p->chunks;
	struct poll_entry *e;

	if (c->used == CHUNK_ENTRIES) {
		c = kzalloc(sizeof(*c));
		if (!c) {
			p->error = -ENOMEM;
			return;
		}
		c->next = p->chunks;
		p->chunks = c;
	}
	e = &c->e[c->used++];
	e->we.fn = poller_wake;
	e->p = p;
	waitq_add_callback(wq, &e->we);
}

static void poller_init(struct poller *p)
{
	memset(p, 0, sizeof(*p));
	p->pt.queue = poller_queue;
	waitq_init(&p->wq);
	p->chunks = &p->first;
}

/* Take every entry off its queue; the files are still referenced. */
static void poller_done(struct poller *p)
{
	struct entry_chunk *c = p->chunks, *next;

	while (c) {
		for (unsigned i = 0; i < c->used; i++)
			waitq_remove_callback(&c->e[i].we);
		next = c->next;
		if (c != &p->first)
			kfree(c);
		c = next;
	}
	p->chunks = NULL;
}

/*
 * One pass over the records; pt registers the queues (first pass only).
 * Once something is ready the call will not sleep, so registering stops.
 * Return: the number of records with revents != 0.
 */
static unsigned scan(struct pollrec *r, unsigned n, struct poll_table *pt)
{
	unsigned count = 0;

	for (unsigned i = 0; i < n; i++) {
		if (r[i].file)
			r[i].revents = vfs_poll(r[i].file, pt) & r[i].events;
		if (r[i].revents) {
			count++;
			pt = NULL;
		}
	}
	return count;
}

/*
 * Wait until a record is ready or the deadline passes (deadline <= now:
 * look once). Return: the number of ready records (0 on timeout), or
 * -ENOMEM if nothing is ready and a queue could not be watched.
 */
static long poll_records(struct pollrec *r, unsigned n, uint64_t deadline)
{
	struct poller *p = kmalloc(sizeof(*p));
	unsigned long flags;
	long count;
	int timed_out = 0;

	if (!p)
		return -ENOMEM;
	poller_init(p);
	if (deadline != POLL_FOREVER && clock_ns() >= deadline)
		timed_out = -ETIMEDOUT; /* a zero timeout: look once, watch nothing */
	count = scan(r, n, timed_out ? NULL : &p->pt);
	while (!count && !timed_out && !p->error) {
		flags = sched_lock_irqsave();
		while (!p->triggered && !timed_out)
			timed_out = poll_sleep_locked(&p->wq, deadline);
		p->triggered = false;
		sched_unlock_irqrestore(flags);
		count = scan(r, n, NULL);
	}
	poller_done(p);
	if (!count && p->error)
		count = p->error;
	if (!count && timed_out == -EINTR) /* a signal: poll/select are never restarted */
		count = -EINTR;
	kfree(p);
	return count;
}

/* Time left before deadline, for select/ppoll's timeout update. */
static uint64_t time_left(uint64_t deadline)
{
	uint64_t now = clock_ns();
	return deadline > now ? deadline - now : 0;
}

/* --- poll, ppoll --- */

static long do_poll(struct pollfd *ufds, unsigned int nfds, uint64_t deadline)
{
	struct pollfd *k;
	struct pollrec *r;
	long ret;

	if (nfds > VFS_MAX_FDS || nfds > proc_rlimit(RLIMIT_NOFILE)) /* poll(2) */
		return -EINVAL;
	k = kmalloc(nfds * sizeof(*k) + 1);
	r = kzalloc(nfds * sizeof(*r) + 1);
	ret = -ENOMEM;
	if (!k || !r)
		goto out_free;
	ret = -EFAULT;
	if (copy_from_user(k, ufds, nfds * sizeof(*k)))
		goto out_free;
	for (unsigned i = 0; i < nfds; i++) {
		if (k[i].fd < 0)
			continue; /* ignored: revents 0 */
		r[i].file = fd_get(k[i].fd);
		if (r[i].file && (r[i].file->fmode & FMODE_PATH)) {
			file_put(r[i].file); /* O_PATH descriptors cannot be polled */
			r[i].file = NULL;
		}
		if (!r[i].file)
			r[i].revents = POLLNVAL; /* not an error: reported in revents */
		r[i].events = (unsigned)(unsigned short)k[i].events | POLLERR | POLLHUP;
	}
	ret = poll_records(r, nfds, deadline);
	for (unsigned i = 0; i < nfds && ret >= 0; i++) {
		short rev = (short)r[i].revents;
		if (copy_to_user(&ufds[i].revents, &rev, sizeof(rev)))
			ret = -EFAULT;
	}
	for (unsigned i = 0; i < nfds; i++) {
		if (r[i].file)
			file_put(r[i].file);
	}
out_free:
	kfree(k);
	kfree(r);
	return ret;
}

long sys_poll(struct pollfd *ufds, unsigned int nfds, int timeout_msecs)
{
	uint64_t deadline = poll_deadline_ms(timeout_msecs);

	return do_poll(ufds, nfds, deadline);
}

long sys_ppoll(struct pollfd *ufds, unsigned int nfds, struct __kernel_timespec *tsp,
	       const uint64_t *sigmask, size_t sigsetsize)
{
	uint64_t deadline;
	bool zero;
	long ret = ts_deadline(tsp, &deadline, &zero);

	if (ret)
		return ret;
	ret = poll_sigmask_begin(sigmask, sigsetsize);
	if (ret)
		return ret;
	ret = do_poll(ufds, nfds, deadline);
	if (tsp && !zero && deadline != POLL_FOREVER) {
		/* the raw syscall reports the time left (glibc's wrapper hides it) */
		uint64_t left = time_left(deadline);
		struct __kernel_timespec ts = { (long long)(left / NSEC_PER_SEC),
						(long long)(left % NSEC_PER_SEC) };
		copy_to_user(tsp, &ts, sizeof(ts)); /* a failure here is ignored, as Linux */
	}
	return ret;
}

/* --- select, pselect6 --- */

#define FDSET_WORDS (VFS_MAX_FDS / 64)

struct fdsets {
	uint64_t in[FDSET_WORDS], out[FDSET_WORDS], ex[FDSET_WORDS];
	uint64_t rin[FDSET_WORDS], rout[FDSET_WORDS], rex[FDSET_WORDS];
};

static bool bit(const uint64_t *set, int fd)
{
	return set[fd / 64] >> (fd % 64) & 1;
}

/*
 * The select engine: n bits of each (possibly NULL) set. A set bit on a
 * descriptor that is not open is -EBADF before anything waits.
 * Return: the number of bits set in the result sets, or -errno.
 */
static long do_select(int n, void *inp, void *outp, void *exp, uint64_t deadline)
{
	struct fdsets *s;
	struct pollrec *r = NULL;
	int *fds = NULL;
	size_t bytes;
	unsigned nr = 0;
	long ret;

	if (n < 0)
		return -EINVAL;
	if (n > VFS_MAX_FDS)
		n = VFS_MAX_FDS; /* no descriptor lies above the table */
	bytes = ((size_t)n + 63) / 64 * 8;
	s = kzalloc(sizeof(*s));
	if (!s)
		return -ENOMEM;
	ret = -EFAULT;
	if ((inp && copy_from_user(s->in, inp, bytes)) ||
	    (outp && copy_from_user(s->out, outp, bytes)) ||
	    (exp && copy_from_user(s->ex, exp, bytes)))
		goto out;
	ret = -ENOMEM;
	r = kzalloc((size_t)n * sizeof(*r) + 1);
	fds = kmalloc((size_t)n * sizeof(*fds) + 1);
	if (!r || !fds)
		goto out_put;
	for (int fd = 0; fd < n; fd++) {
		unsigned ev = (bit(s->in, fd) ? POLLIN_SET : 0) | (bit(s->out, fd) ? POLLOUT_SET : 0) |
			      (bit(s->ex, fd) ? POLLEX_SET : 0);
		if (!ev)
			continue;
		struct file *f = fd_get(fd);
		if (f && (f->fmode & FMODE_PATH)) {
			file_put(f); /* O_PATH descriptors cannot be polled */
			f = NULL;
		}
		if (!f) {
			ret = -EBADF;
			goto out_put;
		}
		r[nr].file = f;
		r[nr].events = ev;
		fds[nr++] = fd;
	}
	ret = poll_records(r, nr, deadline);
	if (ret < 0)
		goto out_put;
	ret = 0;
	for (unsigned i = 0; i < nr; i++) {
		int fd = fds[i];
		uint64_t b = 1ULL << (fd % 64);
		if ((r[i].revents & POLLIN_SET) && bit(s->in, fd)) {
			s->rin[fd / 64] |= b;
			ret++;
		}
		if ((r[i].revents & POLLOUT_SET) && bit(s->out, fd)) {
			s->rout[fd / 64] |= b;
			ret++;
		}
		if ((r[i].revents & POLLEX_SET) && bit(s->ex, fd)) {
			s->rex[fd / 64] |= b;
			ret++;
		}
	}
	if ((inp && copy_to_user(inp, s->rin, bytes)) || (outp && copy_to_user(outp, s->rout, bytes)) ||
	    (exp && copy_to_user(exp, s->rex, bytes)))
		ret = -EFAULT;
out_put:
	for (unsigned i = 0; i < nr; i++)
		file_put(r[i].file);
out:
	kfree(fds);
	kfree(r);
	kfree(s);
	return ret;
}

long sys_select(int n, void *inp, void *outp, void *exp, struct __kernel_old_timeval *tvp)
{
	struct __kernel_old_timeval tv;
	uint64_t deadline = POLL_FOREVER;
	bool zero = false;
	long ret;

	if (tvp) {
		if (copy_from_user(&tv, tvp, sizeof(tv)))
			return -EFAULT;
		/* Linux carries whole seconds out of tv_usec instead of refusing them */
		long sec, usec = tv.tv_usec % 1000000;
		if (__builtin_add_overflow(tv.tv_sec, tv.tv_usec / 1000000, &sec))
			sec = tv.tv_sec < 0 ? -1 : __LONG_MAX__;
		if (sec < 0 || usec < 0)
			return -EINVAL;
		zero = sec == 0 && usec == 0;
		deadline = deadline_after((uint64_t)sec, (uint64_t)usec * 1000);
	}
	ret = do_select(n, inp, outp, exp, deadline);
	if (tvp && !zero && deadline != POLL_FOREVER) {
		/* select(2): Linux writes back the time not slept */
		uint64_t left = time_left(deadline);
		tv.tv_sec = (long)(left / NSEC_PER_SEC);
		tv.tv_usec = (long)(left % NSEC_PER_SEC / 1000);
		copy_to_user(tvp, &tv, sizeof(tv)); /* a failure here is ignored, as Linux */
	}
	return ret;
}

/*
 * pselect6's sixth argument points at { const sigset_t *ss; size_t ss_len; }
 * (select(2), "C library/kernel differences"); a NULL ss means no mask.
 */
long sys_pselect6(int n, void *inp, void *outp, void *exp, struct __kernel_timespec *tsp,
		  void *sig)
{
	struct { const uint64_t *ss; size_t len; } pack = { NULL, 0 };
	uint64_t deadline;
	bool zero;
	long ret = ts_deadline(tsp, &deadline, &zero);

	if (ret)
		return ret;
	if (sig && copy_from_user(&pack, sig, sizeof(pack)))
		return -EFAULT;
	ret = poll_sigmask_begin(pack.ss, pack.len);
	if (ret)
		return ret;
	ret = do_select(n, inp, outp, exp, deadline);
	if (tsp && !zero && deadline != POLL_FOREVER) {
		uint64_t left = time_left(deadline);
		struct __kernel_timespec ts = { (long long)(left / NSEC_PER_SEC),
						(long long)(left % NSEC_PER_SEC) };
		copy_to_user(tsp, &ts, sizeof(ts)); /* a failure here is ignored, as Linux */
	}
	return ret;
}
