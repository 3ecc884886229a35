/*
 * inet_tcp.c - TCP sockets (AF_INET, AF_INET6) over lwIP's raw TCP API.
 *
 * Each socket owns a struct tsock holding its lwIP pcb. lwIP calls back
 * (received data, data acknowledged, connected, new connection, error)
 * with net_lock held, from a system call or the lwIP thread; the callbacks
 * only queue and wake: received pbuf chains wait in the socket's ring
 * until recv copies them out, accepted connections wait in the listener's
 * queue as tsocks without a struct socket until accept() gives them one.
 *
 * Semantics follow Linux's tcp(7) where programs can see them: poll masks
 * per state (a fresh socket is POLLOUT|POLLHUP, a failed one adds POLLERR),
 * SO_ERROR is taken once, unread data at close resets the connection, a
 * connection reset by the peer reads ECONNRESET, send after shutdown(SHUT_WR)
 * or a reset is EPIPE (and SIGPIPE, socket.c), listen() on an unbound socket
 * binds it to an ephemeral port, AF_INET6 sockets are dual-stack unless
 * IPV6_V6ONLY and show IPv4 peers as ::ffff:a.b.c.d.
 *
 * Locking: every field of a tsock is protected by net_lock (inet.h). Waits
 * drop it and sleep on socket->wq (sock_wait); the ready tests run without
 * it, reading single fields, and every change they look for is followed by
 * a wake, so no wakeup is lost.
 */
#include "inet_tcp.h"
#include "klib.h"
#include "mm.h"
#include "vfs.h"
#include "uaccess.h"
#include <linux/errno.h>
#include <linux/poll.h>
#include <linux/sockios.h>
#include <asm/ioctls.h>
#include "lwip/tcp.h"
#include "lwip/priv/tcp_priv.h"

#define BOUNCE_SIZE 65535   /* one tcp_write: lwIP takes u16_t lengths */

static char bounce[BOUNCE_SIZE]; /* net_lock */
static const struct sock_ops tcp_ops;

static void ts_wake(struct tsock *ts, unsigned key)
{
	if (ts->s)
		sock_wake(ts->s, key);
}

int tcp_take_err(struct tsock *ts)
{
	int e = ts->err;
	ts->err = 0;
	return e;
}

static void ts_save_addrs(struct tsock *ts)
{
	if (!ts->pcb)
		return;
	ip_addr_copy(ts->local_ip, ts->pcb->local_ip);
	ts->local_port = ts->pcb->local_port;
	if (ts->state == TS_CONNECTED || ts->state == TS_CONNECTING) {
		ip_addr_copy(ts->remote_ip, ts->pcb->remote_ip);
		ts->remote_port = ts->pcb->remote_port;
	}
}

/* --- lwIP callbacks (net_lock held) --- */

static err_t cb_recv(void *arg, struct tcp_pcb *pcb, struct pbuf *p, err_t err)
{
	struct tsock *ts = arg;

	(void)err;
	if (!ts) {
		if (p) {
			tcp_recved(pcb, p->tot_len);
			pbuf_free(p);
		}
		return ERR_OK;
	}
	if (!p) {
		ts->rx_fin = true;
		ts_wake(ts, POLLIN | POLLRDNORM | POLLRDHUP);
		return ERR_OK;
	}
	if (ts->rx_tail - ts->rx_head >= RXQ_SIZE)
		return ERR_MEM; /* lwIP keeps it and offers it again later */
	ts->rxq[ts->rx_tail++ % RXQ_SIZE] = p;
	ts->rx_bytes += p->tot_len;
	ts_wake(ts, POLLIN | POLLRDNORM);
	return ERR_OK;
}

bool tcp_pcb_writable(struct tcp_pcb *pcb)
{
	return tcp_sndbuf(pcb) >= WRITABLE_MIN && tcp_sndqueuelen(pcb) < TCP_SND_QUEUELEN / 2;
}

static err_t cb_sent(void *arg, struct tcp_pcb *pcb, u16_t len)
{
	struct tsock *ts = arg;

	(void)len;
	if (ts && tcp_pcb_writable(pcb))
		ts_wake(ts, POLLOUT | POLLWRNORM);
	return ERR_OK;
}

static void cb_err(void *arg, err_t err)
{
	struct tsock *ts = arg;

	if (!ts)
		return;
	ts->pcb = NULL; /* lwIP has freed it */
	if (ts->state == TS_CONNECTING)
		ts->err = err == ERR_RST ? -ECONNREFUSED : -ETIMEDOUT;
	else if (err == ERR_RST)
		ts->err = -ECONNRESET;
	else if (err == ERR_ABRT)
		ts->err = -ETIMEDOUT;
	else if (err != ERR_CLSD)
		ts->err = inet_errno(err);
	ts->state = TS_CLOSED;
	ts_wake(ts, POLLIN | POLLOUT | POLLERR | POLLHUP | POLLRDHUP);
}

static err_t cb_connected(void *arg, struct tcp_pcb *pcb, err_t err)
{
	struct tsock *ts = arg;

	(void)pcb;
	if (!ts || err != ERR_OK)
		return ERR_OK;
	ts->state = TS_CONNECTED;
	ts->was_connected = true;
	ts_save_addrs(ts);
	ts_wake(ts, POLLOUT | POLLWRNORM);
	return ERR_OK;
}

static void ts_attach(struct tsock *ts, struct tcp_pcb *pcb)
{
	ts->pcb = pcb;
	tcp_arg(pcb, ts);
	tcp_recv(pcb, cb_recv);
	tcp_sent(pcb, cb_sent);
	tcp_err(pcb, cb_err);
}

static void ts_detach(struct tcp_pcb *pcb)
{
	tcp_arg(pcb, NULL);
	if (pcb->state == LISTEN) { /* a listening pcb has only an accept callback */
		tcp_accept(pcb, NULL);
		return;
	}
	tcp_recv(pcb, NULL);
	tcp_sent(pcb, NULL);
	tcp_err(pcb, NULL);
}

static err_t cb_accept(void *arg, struct tcp_pcb *newpcb, err_t err)
{
	struct tsock *l = arg, *ts;

	if (err != ERR_OK || !newpcb)
		return ERR_VAL;
	if (!l || l->acc_n >= l->backlog || !(ts = kzalloc(sizeof(*ts)))) {
		tcp_abort(newpcb);
		return ERR_ABRT;
	}
	ts->state = TS_CONNECTED;
	ts->was_connected = true;
	ts->bound = true;
	ts->v6only = l->v6only;
	ts->nodelay = l->nodelay;
	ts_attach(ts, newpcb);
	ts_save_addrs(ts);
	if (ts->nodelay)
		tcp_nagle_disable(newpcb);
	if (l->keepalive)
		ip_set_option(newpcb, SOF_KEEPALIVE);
	if (l->acc_last)
		l->acc_last->acc_next = ts;
	else
		l->acc_first = ts;
	l->acc_last = ts;
	l->acc_n++;
	ts_wake(l, POLLIN | POLLRDNORM);
	return ERR_OK;
}

/* --- the receive ring --- */

static void rx_free_all(struct tsock *ts)
{
	while (ts->rx_head != ts->rx_tail)
		pbuf_free(ts->rxq[ts->rx_head++ % RXQ_SIZE]);
	ts->rx_bytes = 0;
	ts->rx_off = 0;
}

/* Tell lwIP the window may open by n bytes. */
static void rx_recved(struct tsock *ts, size_t n)
{
	while (ts->pcb && n) {
		u16_t k = n > 0xffff ? 0xffff : (u16_t)n;
		tcp_recved(ts->pcb, k);
		n -= k;
	}
}

/*
 * Copy up to the iterator's room out of the ring (or drop it, trunc).
 * peek leaves the ring as it is. Return: bytes, or -EFAULT.
 */
static long rx_copy(struct tsock *ts, struct msg_iter *it, bool peek, bool trunc)
{
	unsigned idx = ts->rx_head;
	size_t off = ts->rx_off, done = 0;

	while (idx != ts->rx_tail && it->left) {
		struct pbuf *chain = ts->rxq[idx % RXQ_SIZE];
		size_t skip = off;
		for (struct pbuf *q = chain; q && it->left; q = q->next) {
			size_t n;
			if (skip >= q->len) {
				skip -= q->len;
				continue;
			}
			n = q->len - skip;
			if (n > it->left)
				n = it->left;
			if (trunc) {
				it->left -= n; /* MSG_TRUNC: the bytes are dropped, not copied */
			} else if (msg_copy_to(it, (char *)q->payload + skip, n)) {
				if (!done)
					return -EFAULT;
				goto out;
			}
			skip = 0;
			off += n;
			done += n;
		}
		if (off < chain->tot_len)
			break;
		idx++;
		off = 0;
		if (!peek) {
			pbuf_free(chain);
			ts->rx_head = idx;
		}
	}
out:
	if (!peek) {
		ts->rx_head = idx;
		ts->rx_off = (uint16_t)off;
		ts->rx_bytes -= done;
		rx_recved(ts, done);
	}
	return (long)done;
}

/* --- socket calls --- */

static struct tcp_pcb *new_pcb(struct socket *s, struct tsock *ts)
{
	u8_t type = s->family == AF_INET ? IPADDR_TYPE_V4 : ts->v6only ? IPADDR_TYPE_V6 : IPADDR_TYPE_ANY;
	struct tcp_pcb *pcb = tcp_new_ip_type(type);

	if (pcb) {
		ts_attach(ts, pcb);
		if (ts->nodelay)
			tcp_nagle_disable(pcb);
		if (s->reuseaddr)
			ip_set_option(pcb, SOF_REUSEADDR);
		if (ts->keepalive)
			ip_set_option(pcb, SOF_KEEPALIVE);
	}
	return pcb;
}

int tcp_sock_create(struct socket *s)
{
	struct tsock *ts = kzalloc(sizeof(*ts));
	struct tcp_pcb *pcb;

	if (!ts)
		return -ENOMEM;
	ts->s = s;
	net_lock_take();
	pcb = new_pcb(s, ts);
	net_lock_give();
	if (!pcb) {
		kfree(ts);
		return -ENOMEM;
	}
	s->priv = ts;
	s->ops = &tcp_ops;
	return 0;
}

static int tcp_bind_op(struct socket *s, const void *addr, int len)
{
	struct tsock *ts = s->priv;
	ip_addr_t ip;
	uint16_t port;
	int r = inet_addr_in(s->family, addr, len, &ip, &port);

	if (r)
		return r;
	net_lock_take();
	if (ts->bound || ts->state != TS_NEW || !ts->pcb)
		r = -EINVAL;
	else if (!(r = inet_bind_prepare(s, (struct ip_pcb *)ts->pcb, ts->v6only, &ip))) {
		r = inet_errno(tcp_bind(ts->pcb, &ip, port));
		if (!r) {
			ts->bound = true;
			ts_save_addrs(ts);
		}
	}
	net_lock_give();
	return r;
}

static int tcp_listen_op(struct socket *s, int backlog)
{
	struct tsock *ts = s->priv;
	struct tcp_pcb *lpcb;
	err_t e = ERR_OK;
	int r = 0;

	net_lock_take();
	if (ts->state == TS_LISTEN) {
		ts->backlog = backlog + 1;
		goto out;
	}
	if (ts->state != TS_NEW || !ts->pcb) {
		r = -EINVAL;
		goto out;
	}
	if (!ts->bound) {
		ip_addr_t any;
		ip_addr_set_any(s->family == AF_INET6, &any);
		inet_dual_any(s, ts->v6only, &any);
		if ((r = inet_errno(tcp_bind(ts->pcb, &any, 0))))
			goto out;
		ts->bound = true;
	}
	lpcb = tcp_listen_with_backlog_and_err(ts->pcb, 0xff, &e);
	if (!lpcb) {
		r = inet_errno(e);
		goto out;
	}
	/* tcp_listen freed the old pcb; the listening one gets our callbacks */
	ts->pcb = lpcb;
	tcp_arg(lpcb, ts);
	tcp_accept(lpcb, cb_accept);
	ts->state = TS_LISTEN;
	ts->backlog = backlog + 1; /* Linux queues backlog + 1 connections */
	ts_save_addrs(ts);
out:
	net_lock_give();
	return r;
}

static bool acceptable(struct socket *s, void *arg)
{
	struct tsock *ts = s->priv;
	(void)arg;
	return ts->acc_first || ts->state != TS_LISTEN;
}

static int tcp_accept_op(struct socket *s, struct socket *ns, bool nonblock)
{
	struct tsock *ts = s->priv, *nts;
	int r = 0;

	net_lock_take();
	for (;;) {
		if (ts->state != TS_LISTEN) {
			r = -EINVAL;
			break;
		}
		if ((nts = ts->acc_first)) {
			ts->acc_first = nts->acc_next;
			if (!ts->acc_first)
				ts->acc_last = NULL;
			ts->acc_n--;
			nts->acc_next = NULL;
			nts->s = ns;
			ns->priv = nts;
			ns->ops = &tcp_ops;
			ns->keepalive = ts->keepalive;
			break;
		}
		if ((r = inet_wait(s, nonblock, acceptable, s->rcvtimeo_ns)))
			break;
	}
	net_lock_give();
	return r;
}

static bool connect_done(struct socket *s, void *arg)
{
	struct tsock *ts = s->priv;
	(void)arg;
	return ts->state != TS_CONNECTING;
}

static int tcp_connect_op(struct socket *s, const void *addr, int len, bool nonblock)
{
	struct tsock *ts = s->priv;
	ip_addr_t ip;
	uint16_t port;
	int r = inet_addr_in(s->family, addr, len, &ip, &port);

	if (r)
		return r;
	net_lock_take();
	switch (ts->state) {
	case TS_CONNECTING: r = -EALREADY; goto out;
	case TS_CONNECTED: r = -EISCONN; goto out;
	case TS_LISTEN: r = -EISCONN; goto out;
	case TS_CLOSED:
		if (ts->err) {
			r = tcp_take_err(ts);
			goto out;
		}
		/* a failed connection may be tried again, with a new pcb */
		if (!ts->pcb && !new_pcb(s, ts)) {
			r = -ENOMEM;
			goto out;
		}
		ts->state = TS_NEW;
		break;
	case TS_NEW:
		break;
	}
	if (s->family == AF_INET6 && ts->v6only && IP_IS_V4(&ip)) {
		r = -ENETUNREACH;
		goto out;
	}
	if (ip_addr_isany(&ip)) /* Linux connects "any" to the loopback address */
		ip_addr_set_loopback(IP_IS_V6(&ip), &ip);
	r = inet_errno(tcp_connect(ts->pcb, &ip, port, cb_connected));
	if (r)
		goto out;
	ts->bound = true;
	ts->state = TS_CONNECTING;
	ts_save_addrs(ts);
	r = inet_wait(s, nonblock, connect_done, s->sndtimeo_ns);
	if (r == -EAGAIN)
		r = -EINPROGRESS; /* non-blocking, or SO_SNDTIMEO expired: connect(2) says EINPROGRESS */
	else if (!r && ts->state != TS_CONNECTED)
		r = ts->err ? tcp_take_err(ts) : -ECONNREFUSED;
out:
	net_lock_give();
	return r;
}

static bool writable(struct socket *s, void *arg)
{
	struct tsock *ts = s->priv;
	(void)arg;
	return ts->state != TS_CONNECTED || !ts->pcb || ts->err || ts->shut_wr ||
	       tcp_pcb_writable(ts->pcb);
}

static long tcp_sendmsg_op(struct socket *s, struct kmsg *m, int flags, bool nonblock)
{
	struct tsock *ts = s->priv;
	size_t done = 0;
	long r = 0;

	if (flags & MSG_OOB)
		return -EOPNOTSUPP;
	net_lock_take();
	while (m->data.left) {
		const void *src;
		size_t room, n;
		err_t e;

		if (ts->err) {
			r = tcp_take_err(ts);
			if (r == -ECONNRESET && done == 0)
				r = -EPIPE; /* Linux: a reset connection gives EPIPE on send */
			break;
		}
		if (ts->state == TS_CONNECTING && !nonblock) {
			if ((r = inet_wait(s, false, connect_done, s->sndtimeo_ns)))
				break;
			continue;
		}
		if (ts->shut_wr || ts->state == TS_CLOSED || !ts->pcb) {
			r = -EPIPE;
			break;
		}
		if (ts->state != TS_CONNECTED) {
			r = ts->state == TS_CONNECTING ? -EAGAIN : -ENOTCONN;
			break;
		}
		room = tcp_sndbuf(ts->pcb);
		if (tcp_sndqueuelen(ts->pcb) >= TCP_SND_QUEUELEN - 4)
			room = 0;
		if (room == 0) {
			tcp_output(ts->pcb);
			if ((r = inet_wait(s, nonblock, writable, s->sndtimeo_ns)))
				break;
			continue;
		}
		n = m->data.left < room ? m->data.left : room;
		if (n > BOUNCE_SIZE)
			n = BOUNCE_SIZE;
		/* program memory goes through a bounce buffer (a fault must give EFAULT,
		 * not stop inside lwIP); kernel memory (sendfile) goes to lwIP as it is */
		if (m->data.io == IO_KERNEL) {
			src = msg_take_kernel(&m->data, &n);
		} else {
			if ((r = msg_copy_from(&m->data, bounce, n)))
				break;
			src = bounce;
		}
		e = tcp_write(ts->pcb, src, (u16_t)n,
			      TCP_WRITE_FLAG_COPY | (m->data.left || (flags & MSG_MORE) ? TCP_WRITE_FLAG_MORE : 0));
		if (e != ERR_OK) {
			r = e == ERR_MEM ? -ENOBUFS : inet_errno(e);
			break;
		}
		done += n;
	}
	if (done && ts->pcb && !ts->cork && !(flags & MSG_MORE))
		tcp_output(ts->pcb);
	net_lock_give();
	return done ? (long)done : r;
}

static bool readable(struct socket *s, void *arg)
{
	struct tsock *ts = s->priv;
	(void)arg;
	return ts->rx_bytes || ts->rx_fin || ts->shut_rd || ts->err || ts->state == TS_CLOSED;
}

static long tcp_recvmsg_op(struct socket *s, struct kmsg *m, int flags, bool nonblock)
{
	struct tsock *ts = s->priv;
	bool peek = flags & MSG_PEEK;
	size_t done = 0;
	long r = 0;

	if (flags & MSG_OOB)
		return -EINVAL;
	m->namelen = 0;
	net_lock_take();
	for (;;) {
		if (ts->rx_bytes && m->data.left) {
			long n = rx_copy(ts, &m->data, peek, flags & MSG_TRUNC);
			if (n < 0) {
				r = n;
				break;
			}
			done += (size_t)n;
			if (!(flags & MSG_WAITALL) || !m->data.left || peek)
				break;
			continue;
		}
		if (done && !(flags & MSG_WAITALL))
			break;
		if (!m->data.left)
			break;
		if (ts->err) {
			r = tcp_take_err(ts);
			break;
		}
		if (ts->rx_fin || ts->shut_rd || (ts->state == TS_CLOSED && ts->was_connected))
			break; /* end of file: 0 */
		if (ts->state != TS_CONNECTED && ts->state != TS_CONNECTING) {
			r = -ENOTCONN;
			break;
		}
		if ((r = inet_wait(s, nonblock, readable, s->rcvtimeo_ns)))
			break;
	}
	net_lock_give();
	return done ? (long)done : r;
}

static int tcp_shutdown_op(struct socket *s, int how)
{
	struct tsock *ts = s->priv;
	int r = 0;

	net_lock_take();
	if (ts->state == TS_LISTEN && how != SHUT_WR) {
		/* Linux: shutting down a listener stops it; accept() then fails */
		ts->shut_rd = true;
	} else if (ts->state != TS_CONNECTED && ts->state != TS_CLOSED) {
		r = -ENOTCONN;
	} else {
		if (how != SHUT_WR)
			ts->shut_rd = true;
		if (how != SHUT_RD && !ts->shut_wr) {
			ts->shut_wr = true;
			if (ts->pcb)
				tcp_shutdown(ts->pcb, 0, 1);
		}
	}
	net_lock_give();
	ts_wake(ts, POLLIN | POLLOUT | POLLHUP | POLLRDHUP);
	return r;
}

static int tcp_getname_op(struct socket *s, void *addr, int *len, bool peer)
{
	struct tsock *ts = s->priv;
	ip_addr_t ip;
	uint16_t port;
	int r = 0;

	net_lock_take();
	ts_save_addrs(ts);
	if (peer) {
		if (ts->state != TS_CONNECTED)
			r = -ENOTCONN;
		ip = ts->remote_ip;
		port = ts->remote_port;
	} else {
		ip = ts->local_ip;
		port = ts->local_port;
		if (!ts->bound)
			ip_addr_set_any(s->family == AF_INET6, &ip);
	}
	net_lock_give();
	if (!r)
		r = inet_addr_out(s->family, &ip, port, addr, len);
	return r;
}

static unsigned tcp_poll_op(struct socket *s, struct poll_table *pt)
{
	struct tsock *ts = s->priv;
	unsigned mask = 0;

	poll_wait(pt, &s->wq);
	net_lock_take();
	switch (ts->state) {
	case TS_LISTEN:
		if (ts->acc_first)
			mask |= POLLIN | POLLRDNORM;
		break;
	case TS_NEW:
		mask |= POLLOUT | POLLWRNORM | POLLHUP;
		break;
	case TS_CONNECTING:
		break;
	case TS_CONNECTED:
	case TS_CLOSED:
		if (ts->rx_bytes)
			mask |= POLLIN | POLLRDNORM;
		if (ts->rx_fin || ts->shut_rd || ts->state == TS_CLOSED)
			mask |= POLLIN | POLLRDNORM | POLLRDHUP;
		if (ts->state == TS_CLOSED || (ts->shut_wr && (ts->rx_fin || ts->shut_rd)))
			mask |= POLLHUP;
		/* writable, or never again: then a send fails at once (EPIPE), as Linux says */
		if (ts->shut_wr || ts->state == TS_CLOSED || (ts->pcb && tcp_pcb_writable(ts->pcb)))
			mask |= POLLOUT | POLLWRNORM;
		break;
	}
	if (ts->err)
		mask |= POLLERR;
	net_lock_give();
	return mask;
}

static void tcp_release_op(struct socket *s)
{
	struct tsock *ts = s->priv, *q;

	net_lock_take();
	if (ts->state == TS_LISTEN) {
		while ((q = ts->acc_first)) {
			ts->acc_first = q->acc_next;
			if (q->pcb) {
				ts_detach(q->pcb);
				tcp_abort(q->pcb);
			}
			rx_free_all(q);
			kfree(q);
		}
	}
	if (ts->pcb) {
		struct tcp_pcb *pcb = ts->pcb;
		ts_detach(pcb);
		/* unread data, or SO_LINGER with 0 seconds, resets the connection */
		if (ts->state != TS_LISTEN &&
		    (ts->rx_bytes || (s->linger_on && s->linger_secs == 0)))
			tcp_abort(pcb);
		else if (tcp_close(pcb) != ERR_OK)
			tcp_abort(pcb);
	}
	rx_free_all(ts);
	net_lock_give();
	kfree(ts);
}

static const struct sock_ops tcp_ops = {
	.bind = tcp_bind_op,
	.connect = tcp_connect_op,
	.listen = tcp_listen_op,
	.accept = tcp_accept_op,
	.sendmsg = tcp_sendmsg_op,
	.recvmsg = tcp_recvmsg_op,
	.shutdown = tcp_shutdown_op,
	.getname = tcp_getname_op,
	.setsockopt = tcp_setsockopt,
	.getsockopt = tcp_getsockopt,
	.poll = tcp_poll_op,
	.ioctl = tcp_ioctl,
	.release = tcp_release_op,
};
