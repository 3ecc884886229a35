/*
 * inet_tcp.h - what the TCP socket files share (inet_tcp.c: the socket
 * calls and lwIP callbacks; inet_tcp_opt.c: options and ioctls). Private
 * to net/; the lock rules are in inet_tcp.c's top comment.
 */
#ifndef KEEL_NET_INET_TCP_H
#define KEEL_NET_INET_TCP_H

#include "inet.h"
#include "lwip/tcp.h"

#define RXQ_SIZE 512        /* pbuf chains a socket holds; lwIP keeps the rest (refused_data) */
#define WRITABLE_MIN 16384  /* free send buffer for POLLOUT (Linux wakes at a third free) */

enum tstate { TS_NEW, TS_LISTEN, TS_CONNECTING, TS_CONNECTED, TS_CLOSED };

struct tsock {
	struct socket *s;        /* NULL while it waits in a listener's queue */
	struct tcp_pcb *pcb;     /* NULL once lwIP freed it or we let it go */
	enum tstate state;
	int err;                 /* pending error for SO_ERROR and the next call, -errno */
	bool bound, rx_fin, shut_rd, shut_wr, v6only, nodelay, cork, keepalive;
	bool was_connected;      /* reached TS_CONNECTED once: a later close reads as end of file */
	struct pbuf *rxq[RXQ_SIZE];
	unsigned rx_head, rx_tail; /* ring indices (free-running) */
	uint16_t rx_off;           /* bytes of rxq[head] already read */
	size_t rx_bytes;
	/* listener */
	struct tsock *acc_first, *acc_last, *acc_next;
	int acc_n, backlog;
	/* addresses, kept for getname after the pcb is gone */
	ip_addr_t local_ip, remote_ip;
	uint16_t local_port, remote_port;
};

/* The pending error, taken (SO_ERROR and the next call see it once). */
int tcp_take_err(struct tsock *ts);
/* Enough free send buffer to report POLLOUT. */
bool tcp_pcb_writable(struct tcp_pcb *pcb);

/* inet_tcp_opt.c */
int tcp_setsockopt(struct socket *s, int level, int name, const void *val, unsigned len);
int tcp_getsockopt(struct socket *s, int level, int name, void *val, unsigned *len);
long tcp_ioctl(struct socket *s, unsigned cmd, unsigned long arg);

#endif
