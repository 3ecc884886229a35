/*
 * socket.c - the generic socket layer: sockets as files, waiting, the
 * message iterator, and the SOL_SOCKET options every family shares.
 *
 * A socket is an anonymous S_IFSOCK file whose priv is a struct socket
 * (net.h). read/write on it are recvmsg/sendmsg without flags, and so are
 * readv/writev with the whole iovec (file_ops.rw_iov: one message, not one
 * per segment); sendfile comes through write with a kernel buffer (IO_KERNEL).
 *
 * Locking: none of its own. struct socket's option fields are single
 * stores; the families lock their own state (net.h).
 */
#include "net.h"
#include "vfs.h"
#include "klib.h"
#include "mm.h"
#include "uaccess.h"
#include "ksignal.h"
#include "time.h"
#include "proc.h"
#include <linux/errno.h>
#include <linux/poll.h>
#include <linux/sockios.h>
#include <asm/ioctls.h>
#include <asm/signal.h>

/* --- the message iterator --- */

static int msg_copy(struct msg_iter *it, void *kbuf, size_t n, bool out)
{
	char *k = kbuf;

	if (n > it->left)
		return -EFAULT;
	while (n) {
		const struct iovec *v = &it->iov[it->idx];
		size_t take = v->iov_len - it->off;
		char *p = (char *)v->iov_base + it->off;
		int r;

		if (take == 0) {
			it->idx++;
			it->off = 0;
			continue;
		}
		if (take > n)
			take = n;
		r = out ? vfs_copy_out(p, k, take, it->io) : vfs_copy_in(k, p, take, it->io);
		if (r)
			return r;
		k += take;
		n -= take;
		it->off += take;
		it->left -= take;
	}
	return 0;
}

const void *msg_take_kernel(struct msg_iter *it, size_t *n)
{
	const struct iovec *v;

	while (it->iov[it->idx].iov_len == it->off) {
		it->idx++;
		it->off = 0;
	}
	v = &it->iov[it->idx];
	if (*n > v->iov_len - it->off)
		*n = v->iov_len - it->off;
	if (*n > it->left)
		*n = it->left;
	it->off += *n;
	it->left -= *n;
	return (const char *)v->iov_base + it->off - *n;
}

int msg_copy_from(struct msg_iter *it, void *kdst, size_t n) { return msg_copy(it, kdst, n, false); }
int msg_copy_to(struct msg_iter *it, const void *ksrc, size_t n) { return msg_copy(it, (void *)ksrc, n, true); }

/* --- sockets as files --- */

struct socket *sock_alloc(int family, int type, int protocol)
{
	struct socket *s = kzalloc(sizeof(*s));

	if (!s)
		return NULL;
	s->family = family;
	s->type = type;
	s->protocol = protocol;
	s->sndbuf = SOCK_DEFAULT_BUF;
	s->rcvbuf = SOCK_DEFAULT_BUF;
	s->rcvlowat = 1;
	waitq_init(&s->wq);
	return s;
}

void sock_free(struct socket *s)
{
	if (s && s->ops && s->ops->release)
		s->ops->release(s);
	kfree(s);
}

void sock_wake(struct socket *s, unsigned key)
{
	waitq_wake_key(&s->wq, -1, key);
}

int sock_wait(struct socket *s, bool (*ready)(struct socket *s, void *arg), void *arg,
	      uint64_t timeout_ns)
{
	uint64_t deadline = timeout_ns ? clock_ns() + timeout_ns : 0;
	unsigned long flags = sched_lock_irqsave();
	int r = 0;

	while (!ready(s, arg)) {
		r = waitq_wait_intr_locked(&s->wq, deadline);
		if (r)
			break;
	}
	sched_unlock_irqrestore(flags);
	if (r == -ETIMEDOUT)
		return -EAGAIN;
	return r == -EINTR ? -ERESTARTSYS : r;
}

static struct socket *file_sock(struct file *f) { return f->priv; }

static bool file_nonblock(struct file *f)
{
	return __atomic_load_n(&f->flags, __ATOMIC_RELAXED) & O_NONBLOCK;
}

/*
 * Send SIGPIPE for an EPIPE on a byte stream, as send(2) does without
 * MSG_NOSIGNAL (Linux's seqpacket and datagram sends never signal).
 */
static long sock_epipe(struct socket *s, long r, unsigned flags)
{
	if (r == -EPIPE && s->type == SOCK_STREAM && !(flags & MSG_NOSIGNAL))
		signal_send_thread(thread_current(), SIGPIPE);
	return r;
}

long sock_sendmsg(struct socket *s, struct kmsg *m, unsigned flags)
{
	long r;

	if (!s->ops->sendmsg)
		return -EOPNOTSUPP;
	r = s->ops->sendmsg(s, m, (int)flags, file_nonblock(s->file) || (flags & MSG_DONTWAIT));
	return sock_epipe(s, r, flags);
}

long sock_recvmsg(struct socket *s, struct kmsg *m, unsigned flags)
{
	if (!s->ops->recvmsg)
		return -EOPNOTSUPP;
	return s->ops->recvmsg(s, m, (int)flags, file_nonblock(s->file) || (flags & MSG_DONTWAIT));
}

void kmsg_one(struct kmsg *m, struct iovec *v, void *buf, size_t n, unsigned io)
{
	memset(m, 0, sizeof(*m));
	v->iov_base = buf;
	v->iov_len = n;
	m->data.iov = v;
	m->data.niov = 1;
	m->data.left = n;
	m->data.io = io;
}

static long sockf_read(struct file *f, void *buf, size_t n, uint64_t *pos, unsigned io)
{
	struct kmsg m;
	struct iovec v;

	(void)pos;
	kmsg_one(&m, &v, buf, n, io);
	return sock_recvmsg(file_sock(f), &m, 0);
}

static long sockf_write(struct file *f, const void *buf, size_t n, uint64_t *pos, unsigned io)
{
	struct kmsg m;
	struct iovec v;

	(void)pos;
	kmsg_one(&m, &v, (void *)buf, n, io);
	return sock_sendmsg(file_sock(f), &m, 0);
}

static long sockf_rw_iov(struct file *f, const struct iovec *kiov, unsigned long n, bool write)
{
	struct kmsg m;
	size_t total = 0;

	memset(&m, 0, sizeof(m));
	for (unsigned long i = 0; i < n; i++)
		total += kiov[i].iov_len; /* sys_rw.c checked the sum */
	if (total > 0x7ffff000UL)
		total = 0x7ffff000UL;
	m.data.iov = kiov;
	m.data.niov = n;
	m.data.left = total;
	m.data.io = IO_USER;
	return write ? sock_sendmsg(file_sock(f), &m, 0) : sock_recvmsg(file_sock(f), &m, 0);
}

static unsigned sockf_poll(struct file *f, struct poll_table *pt)
{
	struct socket *s = file_sock(f);

	if (!s->ops->poll)
		return POLLIN | POLLOUT | POLLRDNORM | POLLWRNORM;
	return s->ops->poll(s, pt);
}

static long sockf_ioctl(struct file *f, unsigned int cmd, unsigned long arg)
{
	struct socket *s = file_sock(f);

	return s->ops->ioctl ? s->ops->ioctl(s, cmd, arg) : -ENOTTY;
}

static void sockf_release(struct file *f)
{
	sock_free(file_sock(f));
}

static const struct file_ops socket_fops = {
	.read = sockf_read,
	.write = sockf_write,
	.poll = sockf_poll,
	.ioctl = sockf_ioctl,
	.rw_iov = sockf_rw_iov,
	.release = sockf_release,
	.name = "socket",
};

int sock_install(struct socket *s, int flags)
{
	struct file *f = vfs_file_anon(&socket_fops, s, O_RDWR | (flags & SOCK_NONBLOCK),
				       S_IFSOCK | 0777);
	int fd;

	if (!f) {
		sock_free(s);
		return -ENOMEM;
	}
	s->file = f;
	fd = fd_install(f, (flags & SOCK_CLOEXEC) ? O_CLOEXEC : 0);
	if (fd < 0)
		file_put(f); /* releases s */
	return fd;
}

struct socket *sock_from_fd(int fd, struct file **fp, int *err)
{
	struct file *f = fd_get(fd);

	if (!f) {
		*err = -EBADF;
		return NULL;
	}
	if (f->ops != &socket_fops) {
		file_put(f);
		*err = -ENOTSOCK;
		return NULL;
	}
	*fp = f;
	return f->priv;
}

bool file_is_socket(struct file *f) { return f->ops == &socket_fops; }

/* --- SOL_SOCKET options the generic layer keeps --- */

/* Linux doubles the requested buffer size (socket(7)) and clamps it. */
static int buf_size(int v, int min)
{
	if (v > SOCK_MAX_BUF / 2)
		v = SOCK_MAX_BUF / 2;
	v *= 2;
	return v < min ? min : v;
}

static int timeo_set(uint64_t *ns, const void *val, unsigned len, bool old)
{
	int64_t sec, usec;

	if (old) {
		const struct { int64_t sec, usec; } *tv = val;
		if (len < sizeof(*tv))
			return -EINVAL;
		sec = tv->sec;
		usec = tv->usec;
	} else {
		const struct { int64_t sec, usec; } *tv = val; /* __kernel_sock_timeval: the same on x86-64 */
		if (len < sizeof(*tv))
			return -EINVAL;
		sec = tv->sec;
		usec = tv->usec;
	}
	if (usec < 0 || usec >= 1000000)
		return -EDOM;
	if (sec < 0)
		*ns = 0; /* a negative timeout means "none" in Linux too */
	else
		*ns = (uint64_t)sec * 1000000000ULL + (uint64_t)usec * 1000;
	return 0;
}

int sock_setopt_generic(struct socket *s, int name, const void *val, unsigned len)
{
	int v = 0;

	if (name != SO_RCVTIMEO_OLD && name != SO_SNDTIMEO_OLD && name != SO_RCVTIMEO_NEW &&
	    name != SO_SNDTIMEO_NEW && name != SO_LINGER) {
		if (len < sizeof(int))
			return -EINVAL;
		v = *(const int *)val;
	}
	switch (name) {
	case SO_REUSEADDR: s->reuseaddr = v; break;
	case SO_REUSEPORT: s->reuseport = v; break;
	case SO_KEEPALIVE: s->keepalive = v; break;
	case SO_BROADCAST: s->broadcast = v; break;
	case SO_PASSCRED: s->passcred = v; break;
	case SO_OOBINLINE: s->oobinline = v; break;
	case SO_SNDBUF: case SO_SNDBUFFORCE: s->sndbuf = buf_size(v, SOCK_MIN_SNDBUF); break;
	case SO_RCVBUF: case SO_RCVBUFFORCE: s->rcvbuf = buf_size(v, SOCK_MIN_RCVBUF); break;
	case SO_RCVLOWAT: s->rcvlowat = v < 1 ? 1 : v; break;
	case SO_RCVTIMEO_OLD: case SO_RCVTIMEO_NEW:
		return timeo_set(&s->rcvtimeo_ns, val, len, name == SO_RCVTIMEO_OLD);
	case SO_SNDTIMEO_OLD: case SO_SNDTIMEO_NEW:
		return timeo_set(&s->sndtimeo_ns, val, len, name == SO_SNDTIMEO_OLD);
	case SO_LINGER: {
		const struct { int onoff, linger; } *l = val;
		if (len < sizeof(*l))
			return -EINVAL;
		s->linger_on = l->onoff != 0;
		s->linger_secs = l->linger;
		break;
	}
	case SO_DEBUG: case SO_DONTROUTE: case SO_PRIORITY: case SO_NO_CHECK: case SO_SNDLOWAT:
		break;
	case SO_TYPE: case SO_PROTOCOL: case SO_DOMAIN: case SO_ERROR: case SO_ACCEPTCONN:
	case SO_PEERCRED:
		return -ENOPROTOOPT; /* read-only */
	default:
		return -ENOPROTOOPT;
	}
	return 0;
}

/* Return: the length written into val (room for *len), or -ENOPROTOOPT when the family answers. */
int sock_getopt_generic(struct socket *s, int name, void *val, unsigned len)
{
	int v;

	switch (name) {
	case SO_TYPE: v = s->type; break;
	case SO_PROTOCOL: v = s->protocol; break;
	case SO_DOMAIN: v = s->family; break;
	case SO_REUSEADDR: v = s->reuseaddr; break;
	case SO_REUSEPORT: v = s->reuseport; break;
	case SO_KEEPALIVE: v = s->keepalive; break;
	case SO_BROADCAST: v = s->broadcast; break;
	case SO_PASSCRED: v = s->passcred; break;
	case SO_OOBINLINE: v = s->oobinline; break;
	case SO_SNDBUF: v = s->sndbuf; break;
	case SO_RCVBUF: v = s->rcvbuf; break;
	case SO_RCVLOWAT: v = s->rcvlowat; break;
	case SO_SNDLOWAT: v = 1; break;
	case SO_DEBUG: case SO_DONTROUTE: case SO_PRIORITY: case SO_NO_CHECK: v = 0; break;
	case SO_RCVTIMEO_OLD: case SO_SNDTIMEO_OLD: case SO_RCVTIMEO_NEW: case SO_SNDTIMEO_NEW: {
		uint64_t ns = (name == SO_RCVTIMEO_OLD || name == SO_RCVTIMEO_NEW) ? s->rcvtimeo_ns
										   : s->sndtimeo_ns;
		struct { int64_t sec, usec; } tv = { (int64_t)(ns / 1000000000ULL),
						     (int64_t)(ns % 1000000000ULL / 1000) };
		if (len > sizeof(tv))
			len = sizeof(tv);
		memcpy(val, &tv, len);
		return (int)len;
	}
	case SO_LINGER: {
		struct { int onoff, linger; } l = { s->linger_on, s->linger_secs };
		if (len > sizeof(l))
			len = sizeof(l);
		memcpy(val, &l, len);
		return (int)len;
	}
	default:
		return -ENOPROTOOPT;
	}
	if (len > sizeof(v))
		len = sizeof(v);
	memcpy(val, &v, len);
	return (int)len;
}
