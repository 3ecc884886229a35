/*
 * inet_tcp_opt.c - TCP socket options and ioctls: what Linux's tcp(7) and
 * ip(7) options mean for a socket on lwIP. Options lwIP has no use for
 * (TCP_MAXSEG, TCP_DEFER_ACCEPT, TCP_QUICKACK, TCP_FASTOPEN) are accepted
 * and ignored, as programs set them as hints. net_lock protects the tsock.
 */
#include "inet_tcp.h"
#include "klib.h"
#include "uaccess.h"
#include <linux/errno.h>
#include <linux/sockios.h>
#include <asm/ioctls.h>

static int set_tcp_level(struct tsock *ts, int name, int v)
{
	struct tcp_pcb *pcb = ts->pcb;

	switch (name) {
	case TCP_NODELAY:
		ts->nodelay = v != 0;
		if (pcb && v)
			tcp_nagle_disable(pcb);
		else if (pcb)
			tcp_nagle_enable(pcb);
		return 0;
	case TCP_CORK:
		ts->cork = v != 0;
		if (!v && pcb && ts->state == TS_CONNECTED)
			tcp_output(pcb); /* uncorking sends what waited */
		return 0;
	case TCP_KEEPIDLE:
	case TCP_KEEPINTVL:
	case TCP_KEEPCNT:
		if (v < 1 || v > 32767)
			return -EINVAL;
		if (pcb && name == TCP_KEEPIDLE)
			pcb->keep_idle = (u32_t)v * 1000;
		else if (pcb && name == TCP_KEEPINTVL)
			pcb->keep_intvl = (u32_t)v * 1000;
		else if (pcb)
			pcb->keep_cnt = (u32_t)v;
		return 0;
	case TCP_MAXSEG: case TCP_DEFER_ACCEPT: case TCP_QUICKACK: case TCP_FASTOPEN:
		return 0;
	default:
		return -ENOPROTOOPT;
	}
}

/* SO_KEEPALIVE and SO_REUSEADDR reach the pcb; the generic layer stored them. */
static void set_socket_level(struct socket *s, struct tsock *ts, int name)
{
	if (!ts->pcb)
		return;
	if (name == SO_KEEPALIVE) {
		ts->keepalive = s->keepalive;
		if (s->keepalive)
			ip_set_option(ts->pcb, SOF_KEEPALIVE);
		else
			ip_reset_option(ts->pcb, SOF_KEEPALIVE);
	} else if (name == SO_REUSEADDR) {
		if (s->reuseaddr)
			ip_set_option(ts->pcb, SOF_REUSEADDR);
		else
			ip_reset_option(ts->pcb, SOF_REUSEADDR);
	}
}

int tcp_setsockopt(struct socket *s, int level, int name, const void *val, unsigned len)
{
	struct tsock *ts = s->priv;
	int v = 0, r = 0;

	if (level != SOL_SOCKET) {
		if (len < sizeof(int))
			return -EINVAL;
		v = *(const int *)val;
	}
	net_lock_take();
	if (level == SOL_SOCKET)
		set_socket_level(s, ts, name);
	else if (level == IPPROTO_TCP)
		r = set_tcp_level(ts, name, v);
	else
		r = inet_ip_setopt(s, (struct ip_pcb *)ts->pcb, &ts->v6only,
				   ts->bound || ts->state != TS_NEW, level, name, v);
	net_lock_give();
	return r;
}

int tcp_getsockopt(struct socket *s, int level, int name, void *val, unsigned *len)
{
	struct tsock *ts = s->priv;
	struct tcp_pcb *pcb;
	int v = 0, r = 0;

	net_lock_take();
	pcb = ts->pcb;
	if (level == SOL_SOCKET && name == SO_ERROR)
		v = -tcp_take_err(ts);
	else if (level == SOL_SOCKET && name == SO_ACCEPTCONN)
		v = ts->state == TS_LISTEN;
	else if (level == SOL_SOCKET)
		r = -ENOPROTOOPT;
	else if (level == IPPROTO_TCP && name == TCP_NODELAY)
		v = ts->nodelay;
	else if (level == IPPROTO_TCP && name == TCP_CORK)
		v = ts->cork;
	else if (level == IPPROTO_TCP && name == TCP_MAXSEG)
		v = pcb && ts->state == TS_CONNECTED ? pcb->mss : TCP_MSS;
	else if (level == IPPROTO_TCP && name == TCP_KEEPIDLE)
		v = pcb ? (int)(pcb->keep_idle / 1000) : 7200;
	else if (level == IPPROTO_TCP && name == TCP_KEEPINTVL)
		v = pcb ? (int)(pcb->keep_intvl / 1000) : 75;
	else if (level == IPPROTO_TCP && name == TCP_KEEPCNT)
		v = pcb ? (int)pcb->keep_cnt : 9;
	else if (level == IPPROTO_TCP)
		r = -ENOPROTOOPT;
	else
		r = inet_ip_getopt(s, (struct ip_pcb *)pcb, ts->v6only, level, name, &v);
	net_lock_give();
	if (!r)
		inet_int_out(v, val, len);
	return r;
}

long tcp_ioctl(struct socket *s, unsigned cmd, unsigned long arg)
{
	struct tsock *ts = s->priv;
	long r = 0;
	int v = 0;

	net_lock_take();
	if (cmd == FIONREAD && ts->state == TS_LISTEN)
		r = -EINVAL;
	else if (cmd == FIONREAD) /* = SIOCINQ */
		v = (int)ts->rx_bytes;
	else if (cmd == SIOCOUTQ)
		v = ts->pcb && ts->state == TS_CONNECTED ? (int)(TCP_SND_BUF - tcp_sndbuf(ts->pcb)) : 0;
	else
		r = -ENOTTY;
	net_lock_give();
	if (r)
		return r;
	return copy_to_user((void *)arg, &v, sizeof(v)) ? -EFAULT : 0;
}
