/*
 * inet.h - what the AF_INET/AF_INET6 files of net/ share (not part of the
 * subsystem's interface, which is net.h): the lwIP core lock and address
 * conversion between Linux's sockaddr_in/sockaddr_in6 and lwIP's ip_addr_t.
 *
 * net_lock (a mutex) protects all of lwIP. Take it with net_lock_take()
 * and give it back with net_lock_give(), which first delivers whatever the
 * locked section sent to the loopback interface, so traffic between two
 * local sockets needs no other thread. It may be held across copies from
 * and to the program: a page fault never needs the network.
 */
#ifndef KEEL_NET_INET_H
#define KEEL_NET_INET_H

#include "net.h"
#include "lwip/ip_addr.h"
#include "lwip/err.h"

void net_lock_take(void);
void net_lock_give(void);
bool net_lock_held(void);
/* netif.c: lwIP's timers may have changed: make the lwIP thread look again (net_lock held). */
void net_timers_kick(void);

/* lwIP's err_t as -errno */
int inet_errno(err_t e);

/*
 * A sockaddr (kernel copy, len bytes) as an lwIP address and port, for a
 * socket of family fam (AF_INET6 sockets take v4-mapped addresses, which
 * become IPv4 ones). Return: 0, -EINVAL (too short), -EAFNOSUPPORT (wrong family).
 */
int inet_addr_in(int fam, const void *addr, int len, ip_addr_t *ip, uint16_t *port);
/* An lwIP address as the sockaddr a socket of family fam shows (v4-mapped for AF_INET6). */
int inet_addr_out(int fam, const ip_addr_t *ip, uint16_t port, void *addr, int *len);
/* An AF_INET6 socket bound to "::" takes IPv4 too unless IPV6_V6ONLY: make ip lwIP's any-type address. */
void inet_dual_any(struct socket *s, bool v6only, ip_addr_t *ip);
/*
 * What TCP and UDP check and set before binding pcb to ip (net_lock held):
 * the address is this machine's (-EADDRNOTAVAIL), an IPV6_V6ONLY socket
 * takes no IPv4 address (-EINVAL), "::" becomes dual-stack, SO_REUSEADDR
 * reaches the pcb. Return: 0 with ip ready for tcp_bind/udp_bind, or -errno.
 */
struct ip_pcb;
int inet_bind_prepare(struct socket *s, struct ip_pcb *pcb, bool v6only, ip_addr_t *ip);
/* Is ip an address of this machine (any interface, loopback, or "any")? */
bool inet_addr_local(const ip_addr_t *ip);

/* inet_tcp.c, inet_udp.c: the two kinds of inet sockets */
int tcp_sock_create(struct socket *s);
int udp_sock_create(struct socket *s);

/*
 * Wait for ready(s) with net_lock held on entry and on return (dropped
 * while sleeping). Return: 0, -EAGAIN at once when nonblock (or when the
 * timeout passes), -ERESTARTSYS for a signal.
 */
int inet_wait(struct socket *s, bool nonblock, bool (*ready)(struct socket *s, void *arg),
	      uint64_t timeout_ns);

/*
 * The IPPROTO_IP and IPPROTO_IPV6 options TCP and UDP share (IP_TOS,
 * IP_TTL, IPV6_V6ONLY), on the fields every lwIP pcb starts with. *v6only
 * is the socket's flag; bound says whether it may still change (Linux
 * refuses IPV6_V6ONLY after bind). net_lock held. Return: 0, -errno, or
 * -ENOPROTOOPT for an option that is not one of them.
 */
struct ip_pcb;
int inet_ip_setopt(struct socket *s, struct ip_pcb *pcb, bool *v6only, bool bound,
		   int level, int name, int v);
int inet_ip_getopt(struct socket *s, struct ip_pcb *pcb, bool v6only, int level, int name, int *v);
/* Copy an int option value out (room for *len bytes), as getsockopt does. */
void inet_int_out(int v, void *val, unsigned *len);

#endif
