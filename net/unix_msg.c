/*
 * unix_msg.c - the AF_UNIX data path: sendmsg/recvmsg on stream, datagram
 * and seqpacket sockets, ancillary data (SCM_RIGHTS, SCM_CREDENTIALS) and
 * poll. The state, its lock (unix_lock) and the rules for sleeping are in
 * unix.c; every function here takes unix_lock itself.
 *
 * Semantics follow Linux's af_unix.c and scm.c, including their quirks:
 *   - a stream read gathers buffers until the request is full, but stops
 *     after a buffer that carried files, and never joins buffers whose
 *     credentials differ when SO_PASSCRED is on;
 *   - a pending error (ECONNRESET: the peer closed with our data unread)
 *     is reported once, by the next read, SO_ERROR or seqpacket send;
 *   - MSG_PEEK on files passed gives new descriptors each time;
 *   - ancillary data that does not fit is cut (MSG_CTRUNC) and the files
 *     that do not fit are closed;
 *   - credentials are the sender's own, or those it passed with
 *     SCM_CREDENTIALS (root may pass any uid/gid and any live pid); a
 *     message sent while neither side had SO_PASSCRED carries none (pid 0,
 *     uid and gid 65534).
 */
#include "unix.h"
#include "vfs.h"
#include "klib.h"
#include "mm.h"
#include "proc.h"
#include <linux/errno.h>
#include <linux/poll.h>
#include <linux/fcntl.h>

#define UBUF_OVERHEAD 576       /* Linux's sk_buff and skb_shared_info, charged to the sender */
#define UBUF_MIN_TRUESIZE 768   /* ... and its smallest buffer */
#define STREAM_CHUNK (3776 + 32768) /* Linux's largest stream skb: SKB_MAX_HEAD(0) + 32 KiB */

/* ancillary data of one message: to be sent, or received */
struct scm {
	struct unix_fds *fds;
	struct ucred cred;
	bool has_cred;          /* send: SCM_CREDENTIALS given */
};

/* --- sending: ancillary data in --- */

static bool pid_exists(int pid)
{
	return pid == proc.pid || (pid > 0 && thread_find(pid));
}

static int fp_copy(struct scm *scm, const char *data, long num)
{
	if (num <= 0)
		return 0;
	if (num > SCM_MAX_FD)
		return -EINVAL;
	if (!scm->fds) {
		scm->fds = kzalloc(sizeof(*scm->fds) + SCM_MAX_FD * sizeof(struct file *));
		if (!scm->fds)
			return -ENOMEM;
	}
	if (scm->fds->count + num > SCM_MAX_FD)
		return -EINVAL;
	for (long i = 0; i < num; i++) {
		struct file *f;
		int fd;
		memcpy(&fd, data + i * sizeof(int), sizeof(fd));
		if (fd < 0 || !(f = fd_get(fd)))
			return -EBADF;
		scm->fds->files[scm->fds->count++] = f;
	}
	return 0;
}

static int cred_copy(struct scm *scm, const struct cmsghdr *c, const char *data)
{
	struct ucred cr;

	if (c->cmsg_len != CMSG_LEN(sizeof(struct ucred)))
		return -EINVAL;
	memcpy(&cr, data, sizeof(cr));
	if (cr.uid == (unsigned)-1 || cr.gid == (unsigned)-1)
		return -EINVAL;
	/* the program is root: any uid/gid and any pid that exists (scm_check_creds) */
	if (!pid_exists(cr.pid))
		return -ESRCH;
	scm->cred = cr;
	scm->has_cred = true;
	return 0;
}

/*
 * Linux's __scm_send(): walk the control messages (CMSG_FIRSTHDR/NXTHDR),
 * take SCM_RIGHTS files and SCM_CREDENTIALS; other levels are ignored,
 * other SOL_SOCKET types are EINVAL. No unix_lock held (fd_get, file_put).
 */
static int scm_send(struct kmsg *m, struct scm *scm)
{
	const char *ctl = m->control;
	size_t size = m->controllen, off = 0;
	int err = 0;

	memset(scm, 0, sizeof(*scm));
	if (!ctl)
		return 0;
	while (size - off >= sizeof(struct cmsghdr)) {
		struct cmsghdr c;
		size_t next;

		memcpy(&c, ctl + off, sizeof(c));
		if (c.cmsg_len < sizeof(c) || c.cmsg_len > size - off) {
			err = -EINVAL;
			goto fail;
		}
		if (c.cmsg_level == SOL_SOCKET) {
			const char *data = ctl + off + CMSG_DATA_OFF;
			if (c.cmsg_type == SCM_RIGHTS)
				err = fp_copy(scm, data, (long)((c.cmsg_len - sizeof(c)) / sizeof(int)));
			else if (c.cmsg_type == SCM_CREDENTIALS)
				err = cred_copy(scm, &c, data);
			else
				err = -EINVAL;
			if (err)
				goto fail;
		}
		next = off + CMSG_ALIGN(c.cmsg_len);
		if (next > size || size - next < sizeof(struct cmsghdr))
			break;
		off = next;
	}
	if (scm->fds && !scm->fds->count) {
		kfree(scm->fds);
		scm->fds = NULL;
	}
	return 0;
fail:
	unix_put_fds(scm->fds);
	scm->fds = NULL;
	return err;
}

/* What a message from u to other carries as credentials (Linux's unix_maybe_add_creds). */
static struct ucred msg_cred(const struct scm *scm, const struct unix_sock *u,
			     const struct unix_sock *other)
{
	if (scm->has_cred)
		return scm->cred;
	if (unix_passcred(u) || unix_passcred(other) || !other->sock)
		return unix_own_cred();
	return (struct ucred){ 0, UNIX_NO_UID, UNIX_NO_UID };
}

static struct ubuf *ubuf_alloc(size_t len)
{
	struct ubuf *b = kmalloc(sizeof(*b) + len);

	if (!b)
		return NULL;
	memset(b, 0, sizeof(*b));
	list_init(&b->link);
	b->len = (uint32_t)len;
	b->truesize = (uint32_t)MAX(len + UBUF_OVERHEAD, UBUF_MIN_TRUESIZE);
	return b;
}

static void ubuf_queue(struct unix_sock *u, struct unix_sock *other, struct ubuf *b)
{
	b->from = u;
	usock_get(u);
	u->wmem += b->truesize;
	list_push_back(&other->rcvq, &b->link);
	other->rcvq_len++;
	other->rcv_bytes += b->len;
	unix_wake(other, POLLIN | POLLPRI | POLLRDNORM | POLLRDBAND);
}

/* Linux's sock_alloc_send_pskb(): wait until u may queue one more buffer. */
static int wait_for_wmem(struct socket *s, struct unix_sock *u, bool nonblock, uint64_t deadline)
{
	for (;;) {
		if (u->err) {
			int e = u->err;
			u->err = 0;
			return -e;
		}
		if (u->shutdown & SEND_SHUTDOWN)
			return -EPIPE;
		if (u->wmem < (size_t)unix_sndbuf(u))
			return 0;
		if (nonblock)
			return -EAGAIN;
		int r = unix_wait(s, deadline);
		if (r)
			return r;
	}
}

/* --- receiving: ancillary data out --- */

static struct unix_fds *fds_dup(const struct unix_fds *fds)
{
	struct unix_fds *n;

	if (!fds)
		return NULL;
	n = kzalloc(sizeof(*n) + (size_t)fds->count * sizeof(struct file *));
	if (!n)
		return NULL;
	for (int i = 0; i < fds->count; i++) {
		n->files[i] = fds->files[i];
		file_get(n->files[i]);
	}
	n->count = fds->count;
	return n;
}

/* Linux's put_cmsg(): what does not fit is cut, and MSG_CTRUNC says so. */
static void put_cmsg(struct kmsg *m, char **p, size_t *left, int type, const void *data,
		     size_t len)
{
	struct cmsghdr h = { CMSG_LEN(len), SOL_SOCKET, type };
	size_t adv;

	if (*left < sizeof(h)) {
		m->out_flags |= MSG_CTRUNC;
		return;
	}
	if (*left < h.cmsg_len) {
		m->out_flags |= MSG_CTRUNC;
		h.cmsg_len = *left;
	}
	memcpy(*p, &h, sizeof(h));
	memcpy(*p + CMSG_DATA_OFF, data, h.cmsg_len - sizeof(h));
	adv = MIN(CMSG_SPACE(len), *left);
	*p += adv;
	*left -= adv;
}

/* Linux's scm_detach_fds(): install what fits (and fd_install allows); close the rest. */
static void detach_fds(struct kmsg *m, char **p, size_t *left, struct unix_fds *fds, int flags)
{
	unsigned o = (flags & MSG_CMSG_CLOEXEC) ? O_CLOEXEC : 0;
	int fdmax = *left <= sizeof(struct cmsghdr)
			    ? 0
			    : (int)((*left - sizeof(struct cmsghdr)) / sizeof(int));
	int i;

	if (fdmax > fds->count)
		fdmax = fds->count;
	for (i = 0; i < fdmax; i++) {
		int fd = fd_install(fds->files[i], o);
		if (fd < 0)
			break;
		fds->files[i] = NULL; /* the table holds that reference now */
		memcpy(*p + CMSG_DATA_OFF + (size_t)i * sizeof(int), &fd, sizeof(fd));
	}
	if (i > 0) {
		struct cmsghdr h = { CMSG_LEN((size_t)i * sizeof(int)), SOL_SOCKET, SCM_RIGHTS };
		size_t adv = MIN(CMSG_SPACE((size_t)i * sizeof(int)), *left);
		memcpy(*p, &h, sizeof(h));
		*p += adv;
		*left -= adv;
	}
	if (i < fds->count || (fds->count && fdmax <= 0))
		m->out_flags |= MSG_CTRUNC;
	unix_put_fds(fds);
}

/*
 * Linux's scm_recv(): SCM_CREDENTIALS if the socket asked (SO_PASSCRED),
 * then SCM_RIGHTS. Sets m->controllen to what was used. No unix_lock held.
 */
static void scm_recv(struct socket *s, struct kmsg *m, struct scm *scm, int flags)
{
	char *p = m->control;
	size_t left = m->controllen;

	if (!p || !left) {
		if (s->passcred || scm->fds)
			m->out_flags |= MSG_CTRUNC;
		unix_put_fds(scm->fds);
		m->controllen = 0;
		return;
	}
	if (s->passcred)
		put_cmsg(m, &p, &left, SCM_CREDENTIALS, &scm->cred, sizeof(scm->cred));
	if (scm->fds)
		detach_fds(m, &p, &left, scm->fds, flags);
	m->controllen -= left;
}

/* recvfrom's address: the sender's name now (Linux's unix_copy_addr); none if unnamed */
static void copy_name(struct kmsg *m, const struct unix_sock *from)
{
	if (!m->name)
		return;
	if (from->addr_len) {
		memcpy(m->name, from->addr.raw, (size_t)from->addr_len);
		m->namelen = from->addr_len;
	}
}

static struct ubuf *first_ubuf(struct unix_sock *u)
{
	return list_empty(&u->rcvq) ? NULL : container_of(u->rcvq.next, struct ubuf, link);
}

static struct ubuf *next_ubuf(struct unix_sock *u, struct ubuf *b)
{
	return b->link.next == &u->rcvq ? NULL : container_of(b->link.next, struct ubuf, link);
}

static bool cred_eq(const struct ucred *a, const struct ucred *b)
{
	return a->pid == b->pid && a->uid == b->uid && a->gid == b->gid;
}

/* --- streams --- */

long unix_stream_sendmsg(struct socket *s, struct kmsg *m, int flags, bool nonblock)
{
	struct unix_sock *u = s->priv, *other;
	size_t len = m->data.left, sent = 0;
	uint64_t deadline;
	struct scm scm;
	long err = scm_send(m, &scm);

	if (err)
		return err;
	mutex_lock(&unix_lock);
	if (flags & MSG_OOB) {
		err = -EOPNOTSUPP;
		goto out;
	}
	if (m->namelen) {
		err = u->state == US_CONNECTED ? -EISCONN : -EOPNOTSUPP;
		goto out;
	}
	if (!(other = u->peer)) {
		err = -ENOTCONN;
		goto out;
	}
	if (u->shutdown & SEND_SHUTDOWN) {
		err = -EPIPE; /* the generic layer adds SIGPIPE */
		goto out;
	}
	deadline = unix_deadline(s->sndtimeo_ns);
	while (sent < len) {
		/* "keep two messages in the pipe so it schedules better" (Linux) */
		size_t size = MIN(len - sent, (size_t)(unix_sndbuf(u) / 2 - 64));
		struct ubuf *b;

		size = MIN(size, (size_t)STREAM_CHUNK);
		if ((err = wait_for_wmem(s, u, nonblock, deadline)))
			break;
		if (!(b = ubuf_alloc(size))) {
			err = -ENOMEM;
			break;
		}
		if (msg_copy_from(&m->data, b->data, size)) {
			kfree(b);
			err = -EFAULT;
			break;
		}
		if (other->dead || (other->shutdown & RCV_SHUTDOWN)) {
			kfree(b);
			err = -EPIPE;
			break;
		}
		b->fds = scm.fds; /* files go with the first buffer only */
		scm.fds = NULL;
		b->cred = msg_cred(&scm, u, other);
		ubuf_queue(u, other, b);
		sent += size;
	}
out:
	unix_unlock();
	unix_put_fds(scm.fds);
	return sent ? (long)sent : err;
}

long unix_stream_recvmsg(struct socket *s, struct kmsg *m, int flags, bool nonblock)
{
	struct unix_sock *u = s->priv;
	size_t size = m->data.left, copied = 0, target;
	struct scm scm = { 0 };
	bool check_creds = false, dropped = false;
	uint64_t deadline;
	long err = 0;

	if (m->name)
		m->namelen = 0;
	mutex_lock(&unix_lock);
	if (u->state != US_CONNECTED) {
		err = -EINVAL;
		goto out;
	}
	if (flags & MSG_OOB) { /* no out-of-band byte is ever queued */
		err = -EINVAL;
		goto out;
	}
	target = (flags & MSG_WAITALL) ? size : MIN((size_t)s->rcvlowat, size);
	if (!target)
		target = 1;
	deadline = unix_deadline(s->rcvtimeo_ns);
	do {
		struct ubuf *b = first_ubuf(u);

		if (!b) {
			if (copied >= target)
				break;
			if (u->err) { /* POSIX: the error before end of file */
				err = -u->err;
				u->err = 0;
				break;
			}
			if (u->shutdown & RCV_SHUTDOWN)
				break;
			if (nonblock) {
				err = -EAGAIN;
				break;
			}
			err = unix_wait(s, deadline);
			if (err == -EAGAIN) {
				nonblock = true; /* timed out: one more look, then EAGAIN */
				err = 0;
			} else if (err) {
				dropped = true; /* a signal: Linux drops the files picked up */
				break;
			}
			continue;
		}
		for (;;) { /* b: the next buffer to read from */
			size_t chunk;

			if (check_creds) { /* never join messages from different writers */
				if (!cred_eq(&b->cred, &scm.cred))
					goto done;
			} else if (s->passcred) {
				scm.cred = b->cred;
				check_creds = true;
			}
			copy_name(m, b->from);
			chunk = MIN((size_t)(b->len - b->off), size);
			if (msg_copy_to(&m->data, b->data + b->off, chunk)) {
				if (!copied)
					err = -EFAULT;
				goto done;
			}
			copied += chunk;
			size -= chunk;
			if (!(flags & MSG_PEEK)) {
				b->off += (uint32_t)chunk;
				u->rcv_bytes -= chunk;
				if (b->fds) {
					scm.fds = b->fds;
					b->fds = NULL;
				}
				if (b->off < b->len)
					goto done;
				ubuf_unlink(u, b);
				ubuf_free(b);
				if (scm.fds)
					goto done; /* files end a read */
				break;
			}
			if (b->fds) {
				scm.fds = fds_dup(b->fds);
				goto done;
			}
			if (!(b = next_ubuf(u, b)))
				goto done;
		}
	} while (size);
done:
	unix_unlock();
	if (dropped || (!copied && err < 0)) { /* no ancillary data then */
		unix_put_fds(scm.fds);
		m->controllen = 0;
	} else {
		scm_recv(s, m, &scm, flags);
	}
	return copied ? (long)copied : err;
out:
	unix_unlock();
	return err;
}

/* --- datagrams and seqpacket --- */

static long dgram_send(struct socket *s, struct kmsg *m, int flags, bool nonblock, bool seqpacket)
{
	struct unix_sock *u = s->priv, *other = NULL;
	const struct sockaddr_un *a = m->name;
	int namelen = seqpacket ? 0 : m->namelen;
	size_t len = m->data.left;
	struct ubuf *b = NULL;
	uint64_t deadline;
	struct scm scm;
	long err = scm_send(m, &scm);

	if (err)
		return err;
	if (flags & MSG_OOB) {
		err = -EOPNOTSUPP;
		goto out_nolock;
	}
	if (namelen && (err = unix_validate_addr(a, namelen)))
		goto out_nolock;
	mutex_lock(&unix_lock);
	if (unix_passcred(u) && !u->addr_len && (err = unix_autobind(u)))
		goto out;
	if (len > (size_t)unix_sndbuf(u) - 32) {
		err = -EMSGSIZE;
		goto out;
	}
	deadline = unix_deadline(s->sndtimeo_ns);
	if ((err = wait_for_wmem(s, u, nonblock, deadline)))
		goto out;
	if (!(b = ubuf_alloc(len))) {
		err = -ENOMEM;
		goto out;
	}
	if (msg_copy_from(&m->data, b->data, len)) {
		err = -EFAULT;
		goto out;
	}
lookup:
	if (namelen) {
		int e;
		if (!(other = unix_find_other(a, namelen, u->type, &e))) {
			err = e;
			goto out;
		}
	} else {
		if (!(other = u->peer)) {
			err = -ENOTCONN;
			goto out;
		}
		usock_get(other);
	}
	b->cred = msg_cred(&scm, u, other);
restart:
	if (other->peer && other->peer != u) { /* it only hears from its peer */
		err = -EPERM;
		goto out_put;
	}
	if (other->dead) {
		if (seqpacket) {
			err = -EPIPE;
			goto out_put;
		}
		if (u->peer == other) { /* our peer closed: disconnect, ECONNREFUSED */
			unix_peer_wake_disconnect(u);
			u->peer = NULL;
			u->state = US_CLOSE;
			unix_wake(u, POLLOUT | POLLWRNORM | POLLWRBAND);
			unix_dgram_disconnected(u, other);
			usock_put(other); /* the peer reference */
			err = -ECONNREFUSED;
			goto out_put;
		}
		if (!namelen) {
			err = -ECONNRESET;
			goto out_put;
		}
		usock_put(other);
		goto lookup;
	}
	if (other->shutdown & RCV_SHUTDOWN) {
		err = -EPIPE;
		goto out_put;
	}
	if (other != u && other->peer != u && other->rcvq_len > UNIX_MAX_DGRAM_QLEN) {
		if (!nonblock) {
			err = unix_wait_peer(other, deadline);
			if (err == -EAGAIN)
				nonblock = true; /* timed out: one more look */
			else if (err)
				goto out_put;
			goto restart;
		}
		if (u->peer != other || unix_peer_wake_me(u, other)) {
			err = -EAGAIN;
			goto out_put;
		}
		goto restart;
	}
	b->fds = scm.fds;
	scm.fds = NULL;
	ubuf_queue(u, other, b);
	b = NULL;
	err = (long)len;
out_put:
	usock_put(other);
out:
	kfree(b); /* not queued: nothing is charged for it */
	unix_unlock();
out_nolock:
	unix_put_fds(scm.fds);
	return err;
}

static long dgram_recv(struct socket *s, struct kmsg *m, int flags, bool nonblock, bool seqpacket)
{
	struct unix_sock *u = s->priv;
	size_t size = m->data.left;
	struct scm scm = { 0 };
	uint64_t deadline;
	struct ubuf *b;
	long err;

	if (m->name)
		m->namelen = 0;
	if (flags & MSG_OOB)
		return -EOPNOTSUPP;
	mutex_lock(&unix_lock);
	if (seqpacket && u->state != US_CONNECTED) {
		err = -ENOTCONN;
		goto out;
	}
	deadline = unix_deadline(s->rcvtimeo_ns);
	for (;;) {
		if (u->err) { /* a pending error comes first (__skb_try_recv_datagram) */
			err = -u->err;
			u->err = 0;
			goto out;
		}
		if ((b = first_ubuf(u)))
			break;
		if (nonblock) {
			/* "EOF on disconnected non-blocking SEQPACKET"; a datagram socket says EAGAIN */
			err = seqpacket && (u->shutdown & RCV_SHUTDOWN) ? 0 : -EAGAIN;
			goto out;
		}
		if (u->shutdown & RCV_SHUTDOWN) {
			err = 0;
			goto out;
		}
		if (seqpacket && u->state != US_CONNECTED) {
			err = -ENOTCONN;
			goto out;
		}
		err = unix_wait(s, deadline);
		if (err == -EAGAIN)
			nonblock = true; /* timed out: one more look */
		else if (err)
			goto out;
	}
	if (!(flags & MSG_PEEK))
		ubuf_unlink(u, b);
	unix_wake_peers(u); /* room for senders waiting on a full queue */
	copy_name(m, b->from);
	if (size > b->len)
		size = b->len;
	else if (size < b->len)
		m->out_flags |= MSG_TRUNC; /* the rest of the message is gone */
	if (msg_copy_to(&m->data, b->data, size)) {
		err = -EFAULT;
	} else {
		scm.cred = b->cred;
		if (flags & MSG_PEEK) {
			scm.fds = fds_dup(b->fds);
		} else {
			scm.fds = b->fds;
			b->fds = NULL;
		}
		err = (flags & MSG_TRUNC) ? (long)b->len : (long)size;
	}
	if (!(flags & MSG_PEEK))
		ubuf_free(b);
out:
	unix_unlock();
	if (err >= 0)
		scm_recv(s, m, &scm, flags);
	else
		unix_put_fds(scm.fds);
	return err;
}

long unix_dgram_sendmsg(struct socket *s, struct kmsg *m, int flags, bool nonblock)
{
	return dgram_send(s, m, flags, nonblock, false);
}

long unix_dgram_recvmsg(struct socket *s, struct kmsg *m, int flags, bool nonblock)
{
	return dgram_recv(s, m, flags, nonblock, false);
}

long unix_seqpacket_sendmsg(struct socket *s, struct kmsg *m, int flags, bool nonblock)
{
	struct unix_sock *u = s->priv;
	long err = 0;

	mutex_lock(&unix_lock);
	if (u->err) {
		err = -u->err;
		u->err = 0;
	} else if (u->state != US_CONNECTED) {
		err = -ENOTCONN;
	}
	unix_unlock();
	return err ? err : dgram_send(s, m, flags, nonblock, true); /* the name is ignored */
}

long unix_seqpacket_recvmsg(struct socket *s, struct kmsg *m, int flags, bool nonblock)
{
	return dgram_recv(s, m, flags, nonblock, true);
}

/* --- poll: the masks Linux's unix_poll() and unix_dgram_poll() give --- */

unsigned unix_stream_poll(struct socket *s, struct poll_table *pt)
{
	struct unix_sock *u = s->priv;
	unsigned mask = 0;

	poll_wait(pt, &s->wq);
	mutex_lock(&unix_lock);
	if (u->err)
		mask |= POLLERR;
	if (u->shutdown == SHUTDOWN_MASK)
		mask |= POLLHUP;
	if (u->shutdown & RCV_SHUTDOWN)
		mask |= POLLRDHUP | POLLIN | POLLRDNORM;
	if (!list_empty(&u->rcvq) || !list_empty(&u->acceptq))
		mask |= POLLIN | POLLRDNORM;
	if (u->state == US_CLOSE) /* not connected (yet, or any more) */
		mask |= POLLHUP;
	if (unix_writable(u)) /* also once the peer is gone: writes fail at once */
		mask |= POLLOUT | POLLWRNORM | POLLWRBAND;
	unix_unlock();
	return mask;
}

unsigned unix_dgram_poll(struct socket *s, struct poll_table *pt)
{
	struct unix_sock *u = s->priv, *other;
	unsigned mask = 0;
	bool writable;

	poll_wait(pt, &s->wq);
	mutex_lock(&unix_lock);
	if (u->err)
		mask |= POLLERR;
	if (u->shutdown & RCV_SHUTDOWN)
		mask |= POLLRDHUP | POLLIN | POLLRDNORM;
	if (u->shutdown == SHUTDOWN_MASK)
		mask |= POLLHUP;
	if (!list_empty(&u->rcvq) || !list_empty(&u->acceptq))
		mask |= POLLIN | POLLRDNORM;
	if (u->type == SOCK_SEQPACKET && u->state == US_CLOSE)
		mask |= POLLHUP;
	writable = unix_writable(u);
	other = u->peer;
	if (writable && other && other->peer != u && other->rcvq_len > UNIX_MAX_DGRAM_QLEN &&
	    unix_peer_wake_me(u, other))
		writable = false; /* connected to a full receiver that is not connected back */
	if (writable)
		mask |= POLLOUT | POLLWRNORM | POLLWRBAND;
	unix_unlock();
	return mask;
}
