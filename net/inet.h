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
/* Is ip an address of this machine (any interface, loopback, or "any")? */
bool inet_addr_local(const ip_addr_t *ip);

/* inet_tcp.c, inet_udp.c: the two kinds of inet sockets */
int tcp_sock_create(struct socket *s);
int udp_sock_create(struct socket *s);

/* Options both kinds take at IPPROTO_IP / IPPROTO_IPV6; -ENOPROTOOPT otherwise. */
struct ip_pcb_opts {
	bool v6only;
	int tos, ttl;
};

#endif
