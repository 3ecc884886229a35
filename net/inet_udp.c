/*
 * inet_udp.c - UDP sockets (AF_INET, AF_INET6) over lwIP's raw UDP API.
 *
 * Received datagrams wait in a FIFO (struct dgram: the pbuf chain and the
 * sender) bounded by SO_RCVBUF, as Linux drops datagrams when the receive
 * buffer is full. Sends build one pbuf per datagram and hand it to lwIP.
 *
 * ICMP errors: lwIP does not pass ICMP port-unreachable messages to UDP
 * pcbs, so a connected socket learns ECONNREFUSED only for destinations on
 * this machine, where keel sees directly that no socket is bound to the
 * port (that is what the loopback case of udp(7) needs); for remote hosts
 * the error is not reported.
 *
 * Locking: net_lock (inet.h) protects everything here.
 */
#include "inet.h"
#include "klib.h"
#include "mm.h"
#include "uaccess.h"
#include "vfs.h"
#include <linux/errno.h>
#include <linux/poll.h>
#include <linux/sockios.h>
#include <asm/ioctls.h>
#include "lwip/udp.h"
#include "lwip/pbuf.h"

#define UDP_MAX_PAYLOAD 65507

struct dgram {
	struct dgram *next;
	struct pbuf *p;
	ip_addr_t addr;
	uint16_t port;
};

struct usock {
	struct socket *s;
	struct udp_pcb *pcb;
	struct dgram *first, *last;
	size_t queued;           /* payload bytes in the FIFO */
	int err;                 /* pending error, -errno */
	bool bound, connected, v6only, shut_rd, shut_wr;
};

static const struct sock_ops udp_ops;

static void cb_udp_recv(void *arg, struct udp_pcb *pcb, struct pbuf *p, const ip_addr_t *addr,
			u16_t port)
{
	struct usock *us = arg;
	struct dgram *d;

	(void)pcb;
	if (!us || us->shut_rd || us->queued + p->tot_len > (size_t)us->s->rcvbuf ||
	    !(d = kmalloc(sizeof(*d)))) {
		pbuf_free(p);
		return;
	}
	d->next = NULL;
	d->p = p;
	ip_addr_copy(d->addr, *addr);
	d->port = port;
	if (us->last)
		us->last->next = d;
	else
		us->first = d;
	us->last = d;
	us->queued += p->tot_len;
	sock_wake(us->s, POLLIN | POLLRDNORM);
}

int udp_sock_create(struct socket *s)
{
	struct usock *us = kzalloc(sizeof(*us));
	u8_t type = s->family == AF_INET ? IPADDR_TYPE_V4 : IPADDR_TYPE_ANY;

	if (!us)
		return -ENOMEM;
	us->s = s;
	net_lock_take();
	us->pcb = udp_new_ip_type(type);
	if (us->pcb)
		udp_recv(us->pcb, cb_udp_recv, us);
	net_lock_give();
	if (!us->pcb) {
		kfree(us);
		return -ENOMEM;
	}
	s->priv = us;
	s->ops = &udp_ops;
	return 0;
}

static int bind_locked(struct socket *s, struct usock *us, ip_addr_t *ip, uint16_t port)
{
	int r = inet_bind_prepare(s, (struct ip_pcb *)us->pcb, us->v6only, ip);

	if (!r)
		r = inet_errno(udp_bind(us->pcb, ip, port));
	if (!r)
		us->bound = true;
	return r;
}

static int udp_bind_op(struct socket *s, const void *addr, int len)
{
	struct usock *us = s->priv;
	ip_addr_t ip;
	uint16_t port;
	int r = inet_addr_in(s->family, addr, len, &ip, &port);

	if (r)
		return r;
	net_lock_take();
	r = us->bound ? -EINVAL : bind_locked(s, us, &ip, port);
	net_lock_give();
	return r;
}

/* Make sure the socket has a local port (Linux binds on the first send or connect). */
static int autobind(struct socket *s, struct usock *us)
{
	ip_addr_t any;

	if (us->bound)
		return 0;
	ip_addr_set_any(s->family == AF_INET6, &any);
	return bind_locked(s, us, &any, 0);
}

static int udp_connect_op(struct socket *s, const void *addr, int len, bool nonblock)
{
	struct usock *us = s->priv;
	const struct { uint16_t family; } *sa = addr;
	ip_addr_t ip;
	uint16_t port;
	int r;

	(void)nonblock;
	if (len >= 2 && sa->family == AF_UNSPEC) { /* dissolve the association */
		net_lock_take();
		udp_disconnect(us->pcb);
		us->connected = false;
		net_lock_give();
		return 0;
	}
	if ((r = inet_addr_in(s->family, addr, len, &ip, &port)))
		return r;
	if (ip_addr_isany(&ip))
		ip_addr_set_loopback(IP_IS_V6(&ip), &ip);
	net_lock_take();
	if (!(r = autobind(s, us))) {
		r = inet_errno(udp_connect(us->pcb, &ip, port));
		us->connected = r == 0;
		us->err = 0;
	}
	net_lock_give();
	return r;
}

/* Nobody on this machine has a UDP socket on ip:port: what an ICMP port-unreachable would say. */
static bool local_port_closed(const ip_addr_t *ip, uint16_t port)
{
	if (!inet_addr_local(ip))
		return false;
	for (struct udp_pcb *p = udp_pcbs; p; p = p->next)
		if (p->local_port == port)
			return false;
	return true;
}

static long udp_sendmsg_op(struct socket *s, struct kmsg *m, int flags, bool nonblock)
{
	struct usock *us = s->priv;
	size_t len = m->data.left;
	ip_addr_t ip;
	uint16_t port;
	struct pbuf *p;
	long r;

	(void)nonblock;
	if (flags & MSG_OOB)
		return -EOPNOTSUPP;
	if (m->namelen) {
		if ((r = inet_addr_in(s->family, m->name, m->namelen, &ip, &port)))
			return r;
		if (ip_addr_isany(&ip))
			ip_addr_set_loopback(IP_IS_V6(&ip), &ip);
	}
	if (len > UDP_MAX_PAYLOAD)
		return -EMSGSIZE;
	net_lock_take();
	if (us->shut_wr) {
		r = -EPIPE;
		goto out;
	}
	if (!m->namelen) {
		if (!us->connected) {
			r = -EDESTADDRREQ;
			goto out;
		}
		ip_addr_copy(ip, us->pcb->remote_ip);
		port = us->pcb->remote_port;
	}
	if (port == 0) {
		r = -EINVAL;
		goto out;
	}
	if ((r = autobind(s, us)))
		goto out;
	p = pbuf_alloc(PBUF_TRANSPORT, (u16_t)len, PBUF_RAM);
	if (!p) {
		r = -ENOBUFS;
		goto out;
	}
	if ((r = msg_copy_from(&m->data, p->payload, len))) {
		pbuf_free(p);
		goto out;
	}
	r = inet_errno(udp_sendto(us->pcb, p, &ip, port));
	pbuf_free(p);
	if (!r) {
		r = (long)len;
		if (us->connected && local_port_closed(&ip, port)) {
			us->err = -ECONNREFUSED;
			sock_wake(s, POLLERR);
		}
	}
out:
	net_lock_give();
	return r;
}

static bool readable(struct socket *s, void *arg)
{
	struct usock *us = s->priv;
	(void)arg;
	return us->first || us->err || us->shut_rd;
}

static long udp_recvmsg_op(struct socket *s, struct kmsg *m, int flags, bool nonblock)
{
	struct usock *us = s->priv;
	struct dgram *d;
	long r = 0;

	if (flags & MSG_OOB)
		return -EINVAL;
	net_lock_take();
	while (!(d = us->first)) {
		if (us->err) {
			r = us->err;
			us->err = 0;
			goto out;
		}
		if (us->shut_rd)
			goto out; /* 0 */
		if ((r = inet_wait(s, nonblock, readable, s->rcvtimeo_ns)))
			goto out;
	}
	{
		size_t total = d->p->tot_len, n = total < m->data.left ? total : m->data.left;
		size_t done = 0;
		for (struct pbuf *q = d->p; q && done < n; q = q->next) {
			size_t k = q->len < n - done ? q->len : n - done;
			if ((r = msg_copy_to(&m->data, q->payload, k)))
				goto out;
			done += k;
		}
		if (n < total)
			m->out_flags |= MSG_TRUNC;
		if (m->name)
			inet_addr_out(s->family, &d->addr, d->port, m->name, &m->namelen);
		r = (flags & MSG_TRUNC) ? (long)total : (long)n;
	}
	if (!(flags & MSG_PEEK)) {
		us->first = d->next;
		if (!us->first)
			us->last = NULL;
		us->queued -= d->p->tot_len;
		pbuf_free(d->p);
		kfree(d);
	}
out:
	net_lock_give();
	return r;
}

static int udp_shutdown_op(struct socket *s, int how)
{
	struct usock *us = s->priv;

	net_lock_take();
	if (!us->connected) {
		net_lock_give();
		return -ENOTCONN;
	}
	if (how != SHUT_WR)
		us->shut_rd = true;
	if (how != SHUT_RD)
		us->shut_wr = true;
	net_lock_give();
	sock_wake(s, POLLIN | POLLOUT | POLLHUP);
	return 0;
}

static int udp_getname_op(struct socket *s, void *addr, int *len, bool peer)
{
	struct usock *us = s->priv;
	ip_addr_t ip;
	uint16_t port;

	net_lock_take();
	if (peer && !us->connected) {
		net_lock_give();
		return -ENOTCONN;
	}
	ip = peer ? us->pcb->remote_ip : us->pcb->local_ip;
	port = peer ? us->pcb->remote_port : us->pcb->local_port;
	net_lock_give();
	if (IP_IS_ANY_TYPE_VAL(ip))
		ip_addr_set_any(s->family == AF_INET6, &ip);
	return inet_addr_out(s->family, &ip, port, addr, len);
}

static int udp_setsockopt_op(struct socket *s, int level, int name, const void *val, unsigned len)
{
	struct usock *us = s->priv;
	int r;

	if (level == SOL_SOCKET) {
		if (name == SO_BROADCAST) {
			net_lock_take();
			if (s->broadcast)
				ip_set_option(us->pcb, SOF_BROADCAST);
			else
				ip_reset_option(us->pcb, SOF_BROADCAST);
			net_lock_give();
		}
		return 0;
	}
	if (level == IPPROTO_TCP)
		return -EOPNOTSUPP; /* Linux: TCP options on a UDP socket */
	if (len < sizeof(int))
		return -EINVAL;
	net_lock_take();
	r = inet_ip_setopt(s, (struct ip_pcb *)us->pcb, &us->v6only, us->bound, level, name,
			   *(const int *)val);
	net_lock_give();
	return r;
}

static int udp_getsockopt_op(struct socket *s, int level, int name, void *val, unsigned *len)
{
	struct usock *us = s->priv;
	int v = 0, r = 0;

	if (level == IPPROTO_TCP)
		return -EOPNOTSUPP;
	net_lock_take();
	if (level == SOL_SOCKET && name == SO_ERROR) {
		v = -us->err;
		us->err = 0;
	} else if (level == SOL_SOCKET && name == SO_ACCEPTCONN) {
		v = 0;
	} else if (level == SOL_SOCKET) {
		r = -ENOPROTOOPT;
	} else {
		r = inet_ip_getopt(s, (struct ip_pcb *)us->pcb, us->v6only, level, name, &v);
	}
	net_lock_give();
	if (!r)
		inet_int_out(v, val, len);
	return r;
}

static unsigned udp_poll_op(struct socket *s, struct poll_table *pt)
{
	struct usock *us = s->priv;
	unsigned mask = POLLOUT | POLLWRNORM;

	poll_wait(pt, &s->wq);
	net_lock_take();
	if (us->first)
		mask |= POLLIN | POLLRDNORM;
	if (us->shut_rd)
		mask |= POLLIN | POLLRDNORM | POLLRDHUP;
	if (us->shut_rd && us->shut_wr)
		mask |= POLLHUP;
	if (us->err)
		mask |= POLLERR;
	net_lock_give();
	return mask;
}

static long udp_ioctl_op(struct socket *s, unsigned cmd, unsigned long arg)
{
	struct usock *us = s->priv;
	int v;

	if (cmd != FIONREAD && cmd != SIOCOUTQ)
		return -ENOTTY;
	net_lock_take();
	/* FIONREAD on UDP: the size of the next datagram, as Linux */
	v = cmd == FIONREAD && us->first ? us->first->p->tot_len : 0;
	net_lock_give();
	return copy_to_user((void *)arg, &v, sizeof(v)) ? -EFAULT : 0;
}

static void udp_release_op(struct socket *s)
{
	struct usock *us = s->priv;

	net_lock_take();
	udp_remove(us->pcb);
	while (us->first) {
		struct dgram *d = us->first;
		us->first = d->next;
		pbuf_free(d->p);
		kfree(d);
	}
	net_lock_give();
	kfree(us);
}

static const struct sock_ops udp_ops = {
	.bind = udp_bind_op,
	.connect = udp_connect_op,
	.sendmsg = udp_sendmsg_op,
	.recvmsg = udp_recvmsg_op,
	.shutdown = udp_shutdown_op,
	.getname = udp_getname_op,
	.setsockopt = udp_setsockopt_op,
	.getsockopt = udp_getsockopt_op,
	.poll = udp_poll_op,
	.ioctl = udp_ioctl_op,
	.release = udp_release_op,
};
