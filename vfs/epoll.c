/*
 * epoll.c - epoll(7): epoll_create/create1, epoll_ctl, epoll_wait/pwait/
 * pwait2, and the epoll file itself (pollable, so epoll sets nest).
 *
 * Design. An epoll set (struct eventpoll) keeps one item (struct epitem)
 * per watched (file, fd) pair. When an item is added, the target's poll op
 * is called with a poll_table whose queue function hangs a callback entry
 * (struct ep_wait, a waitq_entry of kernel/sched.h) on each of the
 * target's wait queues; the entries stay there until the item goes. A
 * wake of such a queue runs ep_callback() with sched_lock held (possibly
 * in a timer interrupt): it puts the item on the set's ready list and
 * wakes the set's queue (threads in epoll_wait, and the callback entries of
 * whatever polls the epoll file: nested sets, poll(2)). Wakes carry no
 * reliable mask, so the ready list holds candidates: epoll_wait polls each
 * one again before it reports it, and drops those that are not ready.
 *
 *   level-triggered  a reported item goes back on the ready list, so the
 *                    next epoll_wait polls it again and reports it for as
 *                    long as it stays ready;
 *   EPOLLET          a reported item leaves the list until its file's
 *                    queues are woken again (new data, a new writer, ...);
 *   EPOLLONESHOT     a reported item is disabled (no events) until
 *                    EPOLL_CTL_MOD re-arms it.
 *
 * Files are not referenced by their items, as on Linux: closing the last
 * descriptor of a file (its last reference, dup()s and all) removes it from
 * every set, through epoll_file_release(), which file_put() calls before
 * the file's release op frees its wait queues. Targets without a poll op
 * (regular files, directories) are refused with -EPERM, as Linux does.
 *
 * Locking, outermost first:
 *   epmutex     (mutex) every set's item list and every file's ep_links;
 *               held by epoll_ctl, epoll_file_release and the set's
 *               release, so the loop check sees a stable graph;
 *   ep->mtx     (mutex) one set's items: held while they are polled and
 *               reported, so an item (and its file) cannot go meanwhile;
 *               nested sets take the inner set's mtx inside the outer's;
 *   target locks (pipe->lock, ...) taken by the target's poll op;
 *   sched_lock  ready lists, epitem.queued, the wait entries, and the
 *               item's events as the callback reads them.
 *
 * Callers: the syscall table; file.c (epoll_file_release).
 */
#include "internal.h"
#include "time.h"
#include <linux/eventpoll.h>

#define EP_MAX_NESTS 4        /* epoll(7): deeper nesting is -ELOOP */
#define EP_MAX_EVENTS (0x7fffffff / sizeof(struct epoll_event))
#define EP_HASH 256           /* buckets of a set's item table */
#define EP_PRIVATE_BITS (EPOLLWAKEUP | EPOLLONESHOT | EPOLLET | EPOLLEXCLUSIVE)
#define EP_EXCLUSIVE_OK (EPOLLIN | EPOLLOUT | EPOLLERR | EPOLLHUP | EPOLLWAKEUP | EPOLLET | \
			 EPOLLEXCLUSIVE)

struct epitem;

struct ep_wait {
	struct waitq_entry we;        /* on one of the target's queues */
	struct epitem *epi;
	struct ep_wait *next;
};

struct eventpoll {
	struct mutex mtx;
	struct file *file;            /* the epoll file itself (no reference) */
	struct list items[EP_HASH];   /* epitem.hash_link, by fd; epmutex and mtx */
	unsigned nr_items;            /* epmutex and mtx */
	struct list rdlist;           /* epitem.rd_link; sched_lock */
	struct waitq wq;              /* epoll_wait sleepers, pollers of this file */
};

struct epitem {
	struct list hash_link;        /* in ep->items[fd % EP_HASH] */
	struct list file_link;        /* in file->ep_links; epmutex */
	struct list rd_link;          /* in ep->rdlist or a scan's list; sched_lock */
	bool queued;                  /* rd_link is on a list; sched_lock */
	struct eventpoll *ep;
	struct file *file;
	int fd;
	uint32_t events;              /* EPOLL*, always with ERR|HUP; written under
				       * ep->mtx and sched_lock, read under either */
	uint64_t data;                /* ep->mtx */
	struct ep_wait *waits;        /* entries on the file's queues; ep->mtx */
	int error;                    /* -ENOMEM while registering */
};

static struct mutex epmutex = MUTEX_INIT(epmutex);
static const struct file_ops epoll_fops;

static bool is_epoll(struct file *f)
{
	return f->ops == &epoll_fops;
}

/* --- the ready list (sched_lock) --- */

/* Put epi on the ready list unless it is already on one. sched_lock held. */
static void queue_locked(struct epitem *epi)
{
	if (!epi->queued) {
		epi->queued = true;
		list_push_back(&epi->ep->rdlist, &epi->rd_link);
	}
}

static void queue_and_wake(struct epitem *epi)
{
	unsigned long flags = sched_lock_irqsave();
	queue_locked(epi);
	waitq_wake_key_locked(&epi->ep->wq, -1, EPOLLIN);
	sched_unlock_irqrestore(flags);
}

/* A watched queue was woken. sched_lock held, maybe in an interrupt. */
static void ep_callback(struct waitq_entry *we, unsigned key)
{
	struct epitem *epi = container_of(we, struct ep_wait, we)->epi;

	if (!(epi->events & ~EP_PRIVATE_BITS))
		return; /* a reported EPOLLONESHOT item: off until EPOLL_CTL_MOD */
	if (key && !(key & epi->events))
		return; /* the waker says what changed, and it is nothing asked for */
	queue_locked(epi);
	waitq_wake_key_locked(&epi->ep->wq, -1, EPOLLIN);
}

/* poll_table.queue for an item being added: watch wq from now on. */
static void ep_ptable_queue(struct poll_table *pt, struct waitq *wq)
{
	struct epitem *epi = pt->priv;
	struct ep_wait *w = kzalloc(sizeof(*w));

	if (!w) {
		epi->error = -ENOMEM;
		return;
	}
	w->we.fn = ep_callback;
	w->epi = epi;
	w->next = epi->waits;
	epi->waits = w;
	waitq_add_callback(wq, &w->we);
}

/* --- items (epmutex and ep->mtx held) --- */

static struct epitem *ep_find(struct eventpoll *ep, struct file *f, int fd)
{
	struct list *l;

	list_for_each(l, &ep->items[(unsigned)fd % EP_HASH]) {
		struct epitem *epi = container_of(l, struct epitem, hash_link);
		if (epi->file == f && epi->fd == fd)
			return epi;
	}
	return NULL;
}

static void ep_remove(struct epitem *epi)
{
	unsigned long flags;

	while (epi->waits) {
		struct ep_wait *w = epi->waits;
		epi->waits = w->next;
		waitq_remove_callback(&w->we);
		kfree(w);
	}
	flags = sched_lock_irqsave();
	if (epi->queued)
		list_remove(&epi->rd_link);
	epi->queued = false;
	sched_unlock_irqrestore(flags);
	list_remove(&epi->file_link);
	list_remove(&epi->hash_link);
	epi->ep->nr_items--;
	kfree(epi);
}

static int ep_insert(struct eventpoll *ep, const struct epoll_event *ev, struct file *tf, int fd)
{
	struct epitem *epi = kzalloc(sizeof(*epi));
	struct poll_table pt = { .queue = ep_ptable_queue, .priv = epi };
	unsigned mask;

	if (!epi)
		return -ENOMEM;
	epi->ep = ep;
	epi->file = tf;
	epi->fd = fd;
	epi->events = ev->events;
	epi->data = ev->data;
	list_init(&epi->rd_link);
	list_push_back(&ep->items[(unsigned)fd % EP_HASH], &epi->hash_link);
	list_push_back(&tf->ep_links, &epi->file_link);
	ep->nr_items++;
	mask = vfs_poll(tf, &pt);
	if (epi->error) {
		ep_remove(epi);
		return -ENOMEM;
	}
	if (mask & epi->events)
		queue_and_wake(epi); /* already ready: report it */
	return 0;
}

static void ep_modify(struct epitem *epi, const struct epoll_event *ev)
{
	unsigned long flags = sched_lock_irqsave();
	epi->events = ev->events; /* also re-arms a disabled EPOLLONESHOT item */
	sched_unlock_irqrestore(flags);
	epi->data = ev->data;
	if (vfs_poll(epi->file, NULL) & epi->events)
		queue_and_wake(epi);
}

/* --- nesting: epoll sets inside epoll sets (epmutex held) --- */

/* Can `to` be reached from ep's items, and how deep do ep's items go? */
static int depth_down(struct eventpoll *ep, struct eventpoll *to, int level)
{
	int deepest = 0;

	if (level > EP_MAX_NESTS)
		return -ELOOP;
	for (unsigned b = 0; b < EP_HASH && ep->nr_items; b++) {
		struct list *l;
		list_for_each(l, &ep->items[b]) {
			struct epitem *epi = container_of(l, struct epitem, hash_link);
			if (!is_epoll(epi->file))
				continue;
			struct eventpoll *sub = epi->file->priv;
			if (sub == to)
				return -ELOOP;
			int d = depth_down(sub, to, level + 1);
			if (d < 0)
				return d;
			deepest = MAX(deepest, d + 1);
		}
	}
	return deepest;
}

/* How many sets watch ep's file, through how many levels at most? */
static int depth_up(struct eventpoll *ep, int level)
{
	int deepest = 0;
	struct list *l;

	if (level > EP_MAX_NESTS)
		return -ELOOP;
	list_for_each(l, &ep->file->ep_links) {
		struct epitem *epi = container_of(l, struct epitem, file_link);
		int d = depth_up(epi->ep, level + 1);
		if (d < 0)
			return d;
		deepest = MAX(deepest, d + 1);
	}
	return deepest;
}

/* epoll_ctl(2) ELOOP: adding the set sub to ep makes a cycle, or nests too deep. */
static int check_loop(struct eventpoll *ep, struct eventpoll *sub)
{
	int down = depth_down(sub, ep, 1), up = depth_up(ep, 1);

	if (down < 0 || up < 0 || down + up + 1 > EP_MAX_NESTS)
		return -ELOOP;
	return 0;
}

/* --- reporting (ep->mtx held) --- */

static struct epitem *pop_locked(struct list *l)
{
	struct list *n = list_pop_front(l);
	return n ? container_of(n, struct epitem, rd_link) : NULL;
}

/* Move the ready list onto *txlist (a scan's private list). */
static void take_ready(struct eventpoll *ep, struct list *txlist)
{
	unsigned long flags = sched_lock_irqsave();
	struct epitem *epi;

	list_init(txlist);
	while ((epi = pop_locked(&ep->rdlist)))
		list_push_back(txlist, &epi->rd_link); /* stays queued: callbacks leave it be */
	sched_unlock_irqrestore(flags);
}

/* Take the next item off a scan's list: from now on a wake re-queues it. */
static struct epitem *next_ready(struct list *txlist)
{
	unsigned long flags = sched_lock_irqsave();
	struct epitem *epi = pop_locked(txlist);
	if (epi)
		epi->queued = false;
	sched_unlock_irqrestore(flags);
	return epi;
}

/* Put what a scan did not get to back at the head of the ready list. */
static void give_back(struct eventpoll *ep, struct list *txlist)
{
	unsigned long flags = sched_lock_irqsave();
	struct list *n;

	while ((n = txlist->prev) != txlist) {
		list_remove(n);
		list_insert_before(ep->rdlist.next, n);
	}
	sched_unlock_irqrestore(flags);
}

/*
 * Report up to max ready items to the program's array. Return: how many,
 * or -EFAULT if the first could not be written.
 */
static long send_events(struct eventpoll *ep, struct epoll_event *uev, int max)
{
	struct list txlist;
	struct epitem *epi;
	long n = 0;

	take_ready(ep, &txlist);
	while (n < max && (epi = next_ready(&txlist))) {
		unsigned mask = vfs_poll(epi->file, NULL) & epi->events;
		if (!mask)
			continue; /* a wake that changed nothing we were asked about */
		struct epoll_event ev = { .events = mask, .data = epi->data };
		if (copy_to_user(&uev[n], &ev, sizeof(ev))) {
			queue_and_wake(epi);
			if (!n)
				n = -EFAULT;
			break;
		}
		n++;
		unsigned long flags = sched_lock_irqsave();
		if (epi->events & EPOLLONESHOT)
			epi->events &= EP_PRIVATE_BITS;
		else if (!(epi->events & EPOLLET))
			queue_locked(epi); /* level-triggered: look again next time */
		sched_unlock_irqrestore(flags);
	}
	give_back(ep, &txlist);
	return n;
}

/* Is any item really ready? Drops the ones that are not. */
static bool any_ready(struct eventpoll *ep)
{
	struct list txlist;
	struct epitem *epi;
	bool ready = false;

	take_ready(ep, &txlist);
	while ((epi = next_ready(&txlist))) {
		if (vfs_poll(epi->file, NULL) & epi->events) {
			unsigned long flags = sched_lock_irqsave();
			queue_locked(epi); /* still to be reported */
			sched_unlock_irqrestore(flags);
			ready = true;
		}
	}
	return ready;
}

/* --- the epoll file --- */

static unsigned epoll_poll(struct file *f, struct poll_table *pt)
{
	struct eventpoll *ep = f->priv;
	bool ready;

	poll_wait(pt, &ep->wq);
	mutex_lock(&ep->mtx);
	ready = any_ready(ep);
	mutex_unlock(&ep->mtx);
	return ready ? EPOLLIN | EPOLLRDNORM : 0;
}

static void epoll_release(struct file *f)
{
	struct eventpoll *ep = f->priv;

	mutex_lock(&epmutex);
	mutex_lock(&ep->mtx);
	for (unsigned b = 0; b < EP_HASH; b++) {
		while (!list_empty(&ep->items[b]))
			ep_remove(container_of(ep->items[b].next, struct epitem, hash_link));
	}
	mutex_unlock(&ep->mtx);
	mutex_unlock(&epmutex);
	kfree(ep);
}

static const struct file_ops epoll_fops = {
	.name = "eventpoll",
	.poll = epoll_poll,
	.release = epoll_release,
};

void epoll_file_release(struct file *f)
{
	/* nobody else holds f, so nobody can add it to a set meanwhile */
	if (!f->ep_links.next || list_empty(&f->ep_links))
		return;
	mutex_lock(&epmutex);
	while (!list_empty(&f->ep_links)) {
		struct epitem *epi = container_of(f->ep_links.next, struct epitem, file_link);
		struct eventpoll *ep = epi->ep;
		mutex_lock(&ep->mtx);
		ep_remove(epi);
		mutex_unlock(&ep->mtx);
	}
	mutex_unlock(&epmutex);
}

/* --- system calls --- */

long sys_epoll_create1(int flags)
{
	struct eventpoll *ep;
	struct file *f;
	int fd;

	if (flags & ~EPOLL_CLOEXEC)
		return -EINVAL;
	ep = kzalloc(sizeof(*ep));
	if (!ep)
		return -ENOMEM;
	mutex_init(&ep->mtx);
	for (unsigned b = 0; b < EP_HASH; b++)
		list_init(&ep->items[b]);
	list_init(&ep->rdlist);
	waitq_init(&ep->wq);
	f = vfs_file_anon(&epoll_fops, ep, O_RDWR, 0600);
	if (!f) {
		kfree(ep);
		return -ENOMEM;
	}
	ep->file = f;
	f->flags &= ~O_LARGEFILE; /* F_GETFL: Linux's anonymous files lack it */
	fd = fd_install(f, (unsigned)flags & O_CLOEXEC);
	if (fd < 0)
		file_put(f);
	return fd;
}

long sys_epoll_create(int size)
{
	if (size <= 0) /* epoll_create(2): ignored, but must be positive */
		return -EINVAL;
	return sys_epoll_create1(0);
}

/* The checks epoll_ctl(2) makes before touching the set, in Linux's order. */
static int ctl_check(struct file *epf, struct file *tf, int op, const struct epoll_event *ev)
{
	if (!tf->ops || !tf->ops->poll)
		return -EPERM; /* regular files and directories are always ready */
	if (epf == tf || !is_epoll(epf))
		return -EINVAL;
	if (op != EPOLL_CTL_DEL && (ev->events & EPOLLEXCLUSIVE)) {
		if (op == EPOLL_CTL_MOD)
			return -EINVAL;
		if (op == EPOLL_CTL_ADD && ((ev->events & ~EP_EXCLUSIVE_OK) || is_epoll(tf)))
			return -EINVAL;
	}
	return 0;
}

long sys_epoll_ctl(int epfd, int op, int fd, struct epoll_event *event)
{
	struct epoll_event ev = { 0, 0 };
	struct file *epf, *tf = NULL;
	struct eventpoll *ep;
	struct epitem *epi;
	long ret;

	if (op != EPOLL_CTL_DEL && copy_from_user(&ev, event, sizeof(ev)))
		return -EFAULT;
	epf = fd_get(epfd);
	ret = -EBADF;
	if (!epf || (epf->fmode & FMODE_PATH))
		goto out;
	tf = fd_get(fd);
	if (!tf || (tf->fmode & FMODE_PATH))
		goto out;
	ret = ctl_check(epf, tf, op, &ev);
	if (ret)
		goto out;
	ep = epf->priv;
	ev.events |= EPOLLERR | EPOLLHUP; /* epoll_ctl(2): always reported */
	mutex_lock(&epmutex);
	mutex_lock(&ep->mtx);
	epi = ep_find(ep, tf, fd);
	switch (op) {
	case EPOLL_CTL_ADD:
		ret = epi ? -EEXIST : is_epoll(tf) ? check_loop(ep, tf->priv) : 0;
		if (!ret)
			ret = ep_insert(ep, &ev, tf, fd);
		break;
	case EPOLL_CTL_DEL:
		ret = epi ? 0 : -ENOENT;
		if (epi)
			ep_remove(epi);
		break;
	case EPOLL_CTL_MOD:
		ret = !epi ? -ENOENT : (epi->events & EPOLLEXCLUSIVE) ? -EINVAL : 0;
		if (!ret)
			ep_modify(epi, &ev);
		break;
	default:
		ret = -EINVAL;
	}
	mutex_unlock(&ep->mtx);
	mutex_unlock(&epmutex);
out:
	if (tf)
		file_put(tf);
	if (epf)
		file_put(epf);
	return ret;
}

/*
 * The body of every epoll_wait: report what is ready; else sleep on the
 * set's queue until an item is queued or the deadline passes, then look
 * again. Return: the number of events, 0 on timeout, or -errno.
 */
static long do_epoll_wait(int epfd, struct epoll_event *events, int maxevents, uint64_t deadline)
{
	struct file *f;
	struct eventpoll *ep;
	unsigned long flags;
	int timed_out = 0;
	long n;

	if (maxevents <= 0 || (size_t)maxevents > EP_MAX_EVENTS)
		return -EINVAL;
	if (!user_range_ok(events, (size_t)maxevents * sizeof(*events)))
		return -EFAULT;
	f = fd_get(epfd);
	if (!f)
		return -EBADF;
	if (!is_epoll(f)) {
		file_put(f);
		return -EINVAL;
	}
	ep = f->priv;
	for (;;) {
		mutex_lock(&ep->mtx);
		n = send_events(ep, events, maxevents);
		mutex_unlock(&ep->mtx);
		if (n || timed_out)
			break;
		flags = sched_lock_irqsave();
		while (list_empty(&ep->rdlist) && !timed_out)
			timed_out = poll_sleep_locked(&ep->wq, deadline);
		sched_unlock_irqrestore(flags);
	}
	if (!n && timed_out == -EINTR) /* a signal: epoll_wait is never restarted */
		n = -EINTR;
	file_put(f);
	return n;
}

long sys_epoll_wait(int epfd, struct epoll_event *events, int maxevents, int timeout)
{
	return do_epoll_wait(epfd, events, maxevents, poll_deadline_ms(timeout));
}

long sys_epoll_pwait(int epfd, struct epoll_event *events, int maxevents, int timeout,
		     const uint64_t *sigmask, size_t sigsetsize)
{
	int ret = poll_sigmask_begin(sigmask, sigsetsize);

	if (ret)
		return ret;
	return do_epoll_wait(epfd, events, maxevents, poll_deadline_ms(timeout));
}

long sys_epoll_pwait2(int epfd, struct epoll_event *events, int maxevents,
		      const struct __kernel_timespec *timeout, const uint64_t *sigmask,
		      size_t sigsetsize)
{
	uint64_t deadline;
	int ret = poll_deadline_ts(timeout, &deadline);

	if (ret)
		return ret;
	ret = poll_sigmask_begin(sigmask, sigsetsize);
	if (ret)
		return ret;
	return do_epoll_wait(epfd, events, maxevents, deadline);
}
