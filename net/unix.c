/*
 * unix.c - AF_UNIX sockets (unix(7)): creation, socketpair, names,
 * connect, listen/accept, shutdown, options, ioctls and close, for
 * SOCK_STREAM, SOCK_DGRAM and SOCK_SEQPACKET. The data path (send,
 * receive, ancillary data, poll) is unix_msg.c. Called through struct
 * sock_ops by the generic socket layer (socket.c, sys_socket.c).
 *
 * Design, after Linux's net/unix/af_unix.c. Every socket has a struct
 * unix_sock (unix.h). Connected sockets point at each other (peer), and
 * what one sends goes straight into the other's queue (rcvq) as struct
 * ubuf buffers, charged to the sender (wmem: the data plus an overhead,
 * against the sender's SO_SNDBUF): a writer waits while its bytes in
 * flight reach its send buffer, and poll calls it writable when they are
 * under a quarter of it. connect() to a listener makes the server's end at
 * once (an "embryo", with no struct socket yet), connected to the client,
 * and queues it on the listener's acceptq, which the backlog bounds
 * (connect waits, or EAGAIN); accept() gives it a socket. An unconnected
 * datagram receiver's queue is bounded by max_dgram_qlen (10). A path
 * name is an S_IFSOCK node in the namespace bound to the socket
 * (vfs_bind_socket, vfs/sockname.c; the node stays after close); abstract
 * names (sun_path[0] == 0) are a list here, one namespace per socket type
 * as in Linux. A unix_sock outlives its socket while peers or queued
 * buffers point at it (refs).
 *
 * Locking: one mutex, unix_lock, protects all AF_UNIX state: every
 * unix_sock, every queue, the abstract names. Lock order: epoll's ep->mtx
 * (poll ops run under it), unix_lock, vfs_lock (path names), sched_lock
 * (wakeups, waitq callbacks). It is held across
 * copies from and to the program: a page fault may read a ramfs file
 * (vfs_lock, which comes after) but never touches a socket. It is dropped
 * while sleeping, and never held across file_put(): a file in flight may be
 * a unix socket, whose release takes unix_lock, so files leaving a queue
 * are put by unix_unlock() once the mutex is free (unix_defer_fds).
 * Sleeping uses a per-socket sequence number: whatever changes state a
 * sleeper may be waiting for moves u->seq under unix_lock and then wakes;
 * a sleeper notes seq under unix_lock and sleeps until it moves, checked
 * with sched_lock held, so no wakeup falls between check and sleep.
 *
 * Not done: MSG_OOB (EOPNOTSUPP), SO_PEEK_OFF, SCM_PIDFD, SCM_SECURITY,
 * and Linux's garbage collector for sockets in flight inside each other
 * (such a cycle is leaked rather than freed).
 */
#include "unix.h"
#include "vfs.h"
#include "klib.h"
#include "mm.h"
#include "time.h"
#include "proc.h"
#include "uaccess.h"
#include <linux/errno.h>
#include <linux/poll.h>
#include <linux/sockios.h>
#include <asm/ioctls.h>

#define SO_PASSSEC 34
#define SO_TIMESTAMP_OLD 29
#define SO_TIMESTAMPNS_OLD 35
#define SO_MARK 36
#define SO_TIMESTAMP_NEW 63
#define SO_TIMESTAMPNS_NEW 64

struct mutex unix_lock = MUTEX_INIT(unix_lock);
static struct unix_fds *fds_later;  /* unix_lock: put by unix_unlock */

static const struct sock_ops unix_stream_ops, unix_dgram_ops, unix_seqpacket_ops;

/* --- lock, references, waking and waiting --- */

void unix_defer_fds(struct unix_fds *fds)
{
	if (fds) {
		fds->next = fds_later;
		fds_later = fds;
	}
}

void unix_put_fds(struct unix_fds *fds)
{
	while (fds) {
		struct unix_fds *next = fds->next;
		for (int i = 0; i < fds->count; i++)
			if (fds->files[i])
				file_put(fds->files[i]);
		kfree(fds);
		fds = next;
	}
}

void unix_unlock(void)
{
	struct unix_fds *fds = fds_later;

	fds_later = NULL;
	mutex_unlock(&unix_lock);
	unix_put_fds(fds);
}

void usock_get(struct unix_sock *u) { u->refs++; }

void usock_put(struct unix_sock *u)
{
	BUG_ON(u->refs <= 0);
	if (--u->refs == 0)
		kfree(u);
}

void unix_wake(struct unix_sock *u, unsigned key)
{
	__atomic_add_fetch(&u->seq, 1, __ATOMIC_RELEASE);
	if (u->sock)
		sock_wake(u->sock, key);
}

void unix_wake_peers(struct unix_sock *u)
{
	__atomic_add_fetch(&u->seq, 1, __ATOMIC_RELEASE);
	waitq_wake_key(&u->peer_wait, -1, POLLOUT | POLLWRNORM | POLLWRBAND);
}

uint64_t unix_deadline(uint64_t timeo_ns) { return timeo_ns ? clock_ns() + timeo_ns : 0; }

struct seq_wait {
	struct unix_sock *u;
	unsigned seen;
};

/* sched_lock held: may only read */
static bool seq_moved(struct socket *s, void *arg)
{
	struct seq_wait *w = arg;

	(void)s;
	return __atomic_load_n(&w->u->seq, __ATOMIC_ACQUIRE) != w->seen;
}

static int wait_result(int r, uint64_t deadline)
{
	if (r == -ETIMEDOUT || r == -EAGAIN)
		return -EAGAIN;
	if (r == -EINTR || r == -ERESTARTSYS)
		return deadline ? -EINTR : -ERESTARTSYS;
	return r;
}

int unix_wait(struct socket *s, uint64_t deadline)
{
	struct unix_sock *u = s->priv;
	struct seq_wait w = { u, u->seq };
	uint64_t left = 0;
	int r;

	if (deadline) {
		uint64_t now = clock_ns();
		if (now >= deadline)
			return -EAGAIN;
		left = deadline - now;
	}
	unix_unlock();
	r = sock_wait(s, seq_moved, &w, left);
	mutex_lock(&unix_lock);
	return wait_result(r, deadline);
}

int unix_wait_peer(struct unix_sock *other, uint64_t deadline)
{
	struct seq_wait w = { other, other->seq };
	unsigned long flags;
	int r = 0;

	if (deadline && clock_ns() >= deadline)
		return -EAGAIN;
	unix_unlock();
	flags = sched_lock_irqsave();
	while (!r && !seq_moved(NULL, &w))
		r = waitq_wait_intr_locked(&other->peer_wait, deadline);
	sched_unlock_irqrestore(flags);
	mutex_lock(&unix_lock);
	return wait_result(r, deadline);
}

int unix_sndbuf(const struct unix_sock *u) { return u->sock ? u->sock->sndbuf : SOCK_DEFAULT_BUF; }

bool unix_passcred(const struct unix_sock *u) { return u->sock ? u->sock->passcred : u->inh_passcred; }

/* Linux's unix_writable(): its bytes in flight are at most a quarter of its send buffer. */
bool unix_writable(const struct unix_sock *u)
{
	return u->state != US_LISTEN && u->wmem * 4 <= (size_t)unix_sndbuf(u);
}

/* keel has one process: every credential is its own */
struct ucred unix_own_cred(void)
{
	return (struct ucred){ .pid = proc.pid, .uid = (unsigned)sys_getuid(), .gid = (unsigned)sys_getgid() };
}

/* --- queued buffers --- */

void ubuf_unlink(struct unix_sock *u, struct ubuf *b)
{
	list_remove(&b->link);
	u->rcvq_len--;
	u->rcv_bytes -= b->len - b->off;
}

void ubuf_free(struct ubuf *b)
{
	struct unix_sock *from = b->from;

	unix_defer_fds(b->fds);
	from->wmem -= b->truesize;
	if (from->sock && unix_writable(from))
		unix_wake(from, POLLOUT | POLLWRNORM | POLLWRBAND);
	usock_put(from);
	kfree(b);
}

void unix_purge(struct unix_sock *u)
{
	struct list *l;

	while ((l = u->rcvq.next) != &u->rcvq) {
		struct ubuf *b = container_of(l, struct ubuf, link);
		ubuf_unlink(u, b);
		ubuf_free(b);
	}
}

/* --- the datagram write-space relay (Linux's peer_wake) --- */

/*
 * A datagram socket connected to a receiver that is not connected back
 * (a server like /dev/log) cannot write while the receiver's queue is
 * full. Its pollers sleep on its own wq, so while it waits for that, an
 * entry on the receiver's peer_wait passes every wake there on to it.
 * sched_lock held (a waitq callback).
 */
static void peer_wake_relay(struct waitq_entry *e, unsigned key)
{
	struct unix_sock *u = container_of(e, struct unix_sock, peer_wake);

	(void)key;
	__atomic_add_fetch(&u->seq, 1, __ATOMIC_RELEASE);
	waitq_wake_key_locked(u->relay_wq, -1, POLLOUT | POLLWRNORM | POLLWRBAND);
}

void unix_peer_wake_disconnect(struct unix_sock *u)
{
	if (u->peer_wake_on) {
		waitq_remove_callback(&u->peer_wake);
		u->peer_wake_on = NULL;
	}
}

bool unix_peer_wake_me(struct unix_sock *u, struct unix_sock *other)
{
	bool connected = false;

	if (!u->peer_wake_on && u->sock) {
		u->peer_wake_on = other;
		u->relay_wq = &u->sock->wq;
		waitq_add_callback(&other->peer_wait, &u->peer_wake);
		connected = true;
	}
	if (other->rcvq_len > UNIX_MAX_DGRAM_QLEN && !other->dead)
		return true;
	if (connected)
		unix_peer_wake_disconnect(u);
	return false;
}

void unix_dgram_disconnected(struct unix_sock *u, struct unix_sock *other)
{
	if (list_empty(&u->rcvq))
		return;
	unix_purge(u);
	unix_wake_peers(u);
	/* one side of a two-way datagram pair lost messages: the other hears of it */
	if (!other->dead && other->peer == u) {
		other->err = ECONNRESET;
		unix_wake(other, POLLERR);
	}
}

/* --- creation --- */

static struct unix_sock *ualloc(int type)
{
	struct unix_sock *u = kzalloc(sizeof(*u));

	if (!u)
		return NULL;
	u->type = type;
	u->refs = 1;
	list_init(&u->rcvq);
	list_init(&u->acceptq);
	list_init(&u->accept_link);
	list_init(&u->abs_link);
	waitq_init(&u->peer_wait);
	u->peer_wake.fn = peer_wake_relay;
	return u;
}

int unix_create(struct socket *s, int type, int protocol)
{
	const struct sock_ops *ops;
	struct unix_sock *u;

	if (protocol && protocol != AF_UNIX)
		return -EPROTONOSUPPORT;
	switch (type) {
	case SOCK_STREAM:
		ops = &unix_stream_ops;
		break;
	case SOCK_RAW: /* Linux: "BSD has AF_UNIX, SOCK_RAW though nothing uses it" */
		type = SOCK_DGRAM;
		__attribute__((fallthrough));
	case SOCK_DGRAM:
		ops = &unix_dgram_ops;
		break;
	case SOCK_SEQPACKET:
		ops = &unix_seqpacket_ops;
		break;
	default:
		return -ESOCKTNOSUPPORT;
	}
	u = ualloc(type);
	if (!u)
		return -ENOMEM;
	u->sock = s;
	s->type = type;
	s->ops = ops;
	s->priv = u;
	return 0;
}

static int unix_socketpair(struct socket *a, struct socket *b)
{
	struct unix_sock *ua = a->priv, *ub = b->priv;

	mutex_lock(&unix_lock);
	ua->peer = ub;
	ub->peer = ua;
	usock_get(ua);
	usock_get(ub);
	ua->state = ub->state = US_CONNECTED;
	ua->peercred = ub->peercred = unix_own_cred();
	ua->has_peercred = ub->has_peercred = true;
	unix_unlock();
	return 0;
}

/* --- connections --- */

static int unix_listen(struct socket *s, int backlog)
{
	struct unix_sock *u = s->priv;
	int err = -EINVAL;

	mutex_lock(&unix_lock);
	if (!u->addr_len) /* no listening on an unbound socket */
		goto out;
	if (u->state != US_CLOSE && u->state != US_LISTEN)
		goto out;
	if (backlog > u->backlog)
		unix_wake_peers(u); /* connectors waiting for room */
	u->backlog = backlog;
	u->state = US_LISTEN;
	u->peercred = unix_own_cred(); /* what connect gives its clients */
	u->has_peercred = true;
	err = 0;
out:
	unix_unlock();
	return err;
}

static int unix_stream_connect(struct socket *s, const void *addr, int len, bool nonblock)
{
	const struct sockaddr_un *a = addr;
	struct unix_sock *u = s->priv, *other, *newu = NULL;
	uint64_t deadline;
	int err;

	if ((err = unix_validate_addr(a, len)))
		return err;
	mutex_lock(&unix_lock);
	if (unix_passcred(u) && !u->addr_len && (err = unix_autobind(u)))
		goto out;
	deadline = unix_deadline(s->sndtimeo_ns);
	err = -ENOMEM;
	if (!(newu = ualloc(u->type)))
		goto out;
restart:
	if (!(other = unix_find_other(a, len, u->type, &err)))
		goto out;
	if (other->state != US_LISTEN || (other->shutdown & RCV_SHUTDOWN)) {
		err = -ECONNREFUSED;
		goto out_put;
	}
	if (other->acceptq_len > (unsigned)other->backlog) { /* Linux lets backlog + 1 wait */
		if (nonblock) {
			err = -EAGAIN;
			goto out_put;
		}
		err = unix_wait_peer(other, deadline);
		usock_put(other);
		if (err)
			goto out;
		goto restart;
	}
	if (u->state != US_CLOSE) { /* checked after the listener, as Linux */
		err = u->state == US_CONNECTED ? -EISCONN : -EINVAL;
		goto out_put;
	}
	/* the server's end: connected to us, named as the listener, waiting for accept */
	newu->state = US_CONNECTED;
	newu->peer = u;
	usock_get(u);
	newu->peercred = unix_own_cred();
	newu->has_peercred = true;
	newu->inh_passcred = unix_passcred(other);
	memcpy(newu->addr.raw, other->addr.raw, (size_t)other->addr_len);
	newu->addr_len = other->addr_len;
	u->peercred = other->peercred;
	u->has_peercred = other->has_peercred;
	u->state = US_CONNECTED;
	u->peer = newu;
	usock_get(newu);
	list_push_back(&other->acceptq, &newu->accept_link);
	other->acceptq_len++;
	newu = NULL; /* the listener's queue holds its first reference */
	unix_wake(other, POLLIN | POLLPRI | POLLRDNORM | POLLRDBAND);
	err = 0;
out_put:
	usock_put(other);
out:
	kfree(newu);
	unix_unlock();
	return err;
}

static int unix_accept(struct socket *s, struct socket *ns, bool nonblock)
{
	struct unix_sock *u = s->priv, *newu;
	uint64_t deadline;
	int err = 0;

	mutex_lock(&unix_lock);
	if (u->state != US_LISTEN) {
		err = -EINVAL;
		goto out;
	}
	deadline = unix_deadline(s->rcvtimeo_ns);
	while (list_empty(&u->acceptq)) {
		if (nonblock) {
			err = -EAGAIN;
			goto out;
		}
		if (u->shutdown & RCV_SHUTDOWN) { /* shut down for reading: accept(2) EINVAL */
			err = -EINVAL;
			goto out;
		}
		if ((err = unix_wait(s, deadline)))
			goto out;
	}
	newu = container_of(list_pop_front(&u->acceptq), struct unix_sock, accept_link);
	u->acceptq_len--;
	unix_wake_peers(u);
	newu->sock = ns;
	ns->ops = s->ops;
	ns->priv = newu;
	ns->passcred = newu->inh_passcred;
out:
	unix_unlock();
	return err;
}

static int unix_dgram_connect(struct socket *s, const void *addr, int len, bool nonblock)
{
	const struct sockaddr_un *a = addr;
	struct unix_sock *u = s->priv, *other = NULL, *old;
	int err = 0;

	(void)nonblock;
	if (len < (int)sizeof(a->sun_family))
		return -EINVAL;
	if (a->sun_family != AF_UNSPEC && (err = unix_validate_addr(a, len)))
		return err;
	mutex_lock(&unix_lock);
	if (a->sun_family != AF_UNSPEC) {
		if (unix_passcred(u) && !u->addr_len && (err = unix_autobind(u)))
			goto out;
		if (!(other = unix_find_other(a, len, u->type, &err)))
			goto out;
		if (other->peer && other->peer != u) { /* it only hears from its own peer */
			usock_put(other);
			err = -EPERM;
			goto out;
		}
		u->state = US_CONNECTED;
	}
	/* (re)connect, or AF_UNSPEC: disconnect */
	old = u->peer;
	unix_peer_wake_disconnect(u);
	u->peer = other; /* takes unix_find_other's reference */
	if (old) {
		if (!other)
			u->state = US_CLOSE;
		unix_wake(u, POLLOUT | POLLWRNORM | POLLWRBAND);
		if (other != old)
			unix_dgram_disconnected(u, old);
		usock_put(old);
	}
out:
	unix_unlock();
	return err;
}

static int unix_shutdown(struct socket *s, int how)
{
	struct unix_sock *u = s->priv, *other;
	unsigned mode = (unsigned)how + 1; /* SHUT_RD/WR/RDWR -> RCV/SEND/both */

	mutex_lock(&unix_lock);
	u->shutdown |= mode;
	unix_wake(u, 0);
	if (mode & RCV_SHUTDOWN)
		unix_wake_peers(u);
	other = u->peer;
	if (other && u->type != SOCK_DGRAM) {
		unsigned peer_mode = 0;
		if (mode & RCV_SHUTDOWN)
			peer_mode |= SEND_SHUTDOWN;
		if (mode & SEND_SHUTDOWN)
			peer_mode |= RCV_SHUTDOWN;
		other->shutdown |= peer_mode;
		unix_wake(other, 0);
	}
	unix_unlock();
	return 0;
}

/* Close u (embryo: a connection its listener never accepted). unix_lock held. */
static void release_sock(struct unix_sock *u, bool embryo)
{
	struct unix_sock *peer = u->peer;
	int state = u->state;
	struct list *l;

	unix_unbind(u);
	unix_peer_wake_disconnect(u);
	u->sock = NULL;
	u->dead = true;
	u->shutdown = SHUTDOWN_MASK;
	u->state = US_CLOSE;
	u->peer = NULL;
	unix_wake_peers(u);
	if (peer) {
		if (u->type != SOCK_DGRAM) {
			/* the other end can neither write nor read any more; data it sent
			 * that was never read is a reset */
			peer->shutdown = SHUTDOWN_MASK;
			if (!list_empty(&u->rcvq) || embryo)
				peer->err = ECONNRESET;
			unix_wake(peer, 0);
		}
		usock_put(peer);
	}
	unix_purge(u);
	if (state == US_LISTEN) {
		while ((l = list_pop_front(&u->acceptq))) {
			u->acceptq_len--;
			release_sock(container_of(l, struct unix_sock, accept_link), true);
		}
	}
	usock_put(u);
}

static void unix_release(struct socket *s)
{
	struct unix_sock *u = s->priv;

	if (!u)
		return;
	mutex_lock(&unix_lock);
	release_sock(u, false);
	unix_unlock();
	s->priv = NULL;
}

/* --- options and ioctls --- */

static int unix_setsockopt(struct socket *s, int level, int name, const void *val, unsigned len)
{
	struct unix_sock *u = s->priv;

	(void)val;
	(void)len;
	if (level != SOL_SOCKET)
		return -EOPNOTSUPP; /* AF_UNIX has no other level */
	switch (name) {
	case SO_SNDBUF: case SO_SNDBUFFORCE: /* a bigger buffer may free writers */
		mutex_lock(&unix_lock);
		if (unix_writable(u))
			unix_wake(u, POLLOUT | POLLWRNORM | POLLWRBAND);
		unix_unlock();
		return 0;
	/* kept by the generic layer (socket.c) */
	case SO_REUSEADDR: case SO_REUSEPORT: case SO_KEEPALIVE: case SO_BROADCAST:
	case SO_PASSCRED: case SO_OOBINLINE: case SO_RCVBUF: case SO_RCVBUFFORCE:
	case SO_RCVLOWAT: case SO_RCVTIMEO_OLD: case SO_RCVTIMEO_NEW: case SO_SNDTIMEO_OLD:
	case SO_SNDTIMEO_NEW: case SO_LINGER: case SO_DEBUG: case SO_DONTROUTE:
	case SO_PRIORITY: case SO_NO_CHECK: case SO_SNDLOWAT:
		return 0;
	/* accepted and ignored: no security labels, timestamps or marks are delivered */
	case SO_PASSSEC: case SO_TIMESTAMP_OLD: case SO_TIMESTAMPNS_OLD: case SO_MARK:
	case SO_TIMESTAMP_NEW: case SO_TIMESTAMPNS_NEW:
		return 0;
	default:
		return -ENOPROTOOPT;
	}
}

static int unix_getsockopt(struct socket *s, int level, int name, void *val, unsigned *len)
{
	struct unix_sock *u = s->priv;
	struct ucred cr;
	const void *src;
	unsigned n;
	int v;

	if (level != SOL_SOCKET)
		return -EOPNOTSUPP;
	mutex_lock(&unix_lock);
	switch (name) {
	case SO_ERROR: /* reading it clears it */
		v = u->err;
		u->err = 0;
		break;
	case SO_ACCEPTCONN:
		v = u->state == US_LISTEN;
		break;
	case SO_PEERCRED: /* no peer: pid 0 and the overflow ids, as Linux's cred_to_ucred */
		cr = u->has_peercred ? u->peercred
				     : (struct ucred){ 0, UNIX_NO_UID, UNIX_NO_UID };
		break;
	default:
		unix_unlock();
		return -ENOPROTOOPT;
	}
	unix_unlock();
	src = name == SO_PEERCRED ? (const void *)&cr : (const void *)&v;
	n = name == SO_PEERCRED ? sizeof(cr) : sizeof(v);
	if (*len > n)
		*len = n;
	memcpy(val, src, *len);
	return 0;
}

static long unix_ioctl(struct socket *s, unsigned cmd, unsigned long arg)
{
	struct unix_sock *u = s->priv;
	long v;
	int out;

	mutex_lock(&unix_lock);
	switch (cmd) {
	case SIOCOUTQ: /* bytes sent and not yet read (with Linux's per-buffer overhead) */
		v = (long)u->wmem;
		break;
	case SIOCINQ: /* FIONREAD: streams and seqpacket all unread bytes, datagrams the next one */
		if (u->state == US_LISTEN)
			v = -EINVAL;
		else if (u->type == SOCK_DGRAM)
			v = list_empty(&u->rcvq) ? 0 : container_of(u->rcvq.next, struct ubuf, link)->len;
		else
			v = (long)u->rcv_bytes;
		break;
	case SIOCATMARK: /* no out-of-band data, so never at the mark */
		v = 0;
		break;
	default:
		v = -ENOTTY;
	}
	unix_unlock();
	if (v < 0)
		return v;
	out = (int)v;
	return copy_to_user((void *)arg, &out, sizeof(out)) ? -EFAULT : 0;
}

static const struct sock_ops unix_stream_ops = {
	.bind = unix_bind,
	.connect = unix_stream_connect,
	.listen = unix_listen,
	.accept = unix_accept,
	.sendmsg = unix_stream_sendmsg,
	.recvmsg = unix_stream_recvmsg,
	.shutdown = unix_shutdown,
	.getname = unix_getname,
	.setsockopt = unix_setsockopt,
	.getsockopt = unix_getsockopt,
	.poll = unix_stream_poll,
	.ioctl = unix_ioctl,
	.socketpair = unix_socketpair,
	.release = unix_release,
};

/* no listen or accept: the generic layer answers EOPNOTSUPP, as Linux */
static const struct sock_ops unix_dgram_ops = {
	.bind = unix_bind,
	.connect = unix_dgram_connect,
	.sendmsg = unix_dgram_sendmsg,
	.recvmsg = unix_dgram_recvmsg,
	.shutdown = unix_shutdown,
	.getname = unix_getname,
	.setsockopt = unix_setsockopt,
	.getsockopt = unix_getsockopt,
	.poll = unix_dgram_poll,
	.ioctl = unix_ioctl,
	.socketpair = unix_socketpair,
	.release = unix_release,
};

static const struct sock_ops unix_seqpacket_ops = {
	.bind = unix_bind,
	.connect = unix_stream_connect,
	.listen = unix_listen,
	.accept = unix_accept,
	.sendmsg = unix_seqpacket_sendmsg,
	.recvmsg = unix_seqpacket_recvmsg,
	.shutdown = unix_shutdown,
	.getname = unix_getname,
	.setsockopt = unix_setsockopt,
	.getsockopt = unix_getsockopt,
	.poll = unix_dgram_poll,
	.ioctl = unix_ioctl,
	.socketpair = unix_socketpair,
	.release = unix_release,
};
