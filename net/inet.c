/*
 * inet.c - what inet sockets share: the lwIP core lock, lwIP's clock,
 * error and address conversion, and inet_create().
 */
#include "inet.h"
#include "klib.h"
#include "time.h"
#include <linux/errno.h>
#include <linux/in.h>
#include <linux/in6.h>
#include "lwip/netif.h"
#include "lwip/sys.h"
#include "lwip/ip.h"

static struct mutex net_lock = MUTEX_INIT(net_lock);

void net_lock_take(void)
{
	mutex_lock(&net_lock);
}

bool net_lock_held(void)
{
	return __atomic_load_n(&net_lock.owner, __ATOMIC_RELAXED) == thread_current();
}

/*
 * Frames sent to the loopback interface wait on its queue until someone
 * polls it (NO_SYS lwIP has no thread of its own). Deliver them before
 * letting go of the lock: a send on one local socket has reached the other
 * socket when the call returns. Delivery can queue answers (ACKs), hence
 * the loop; it is bounded so a pathological ping-pong cannot pin the lock.
 */
void net_lock_give(void)
{
	struct netif *n;

	for (int round = 0; round < 64; round++) {
		bool more = false;
		NETIF_FOREACH(n) {
			if (n->loop_first) {
				netif_poll(n);
				more = true;
			}
		}
		if (!more)
			break;
	}
	net_timers_kick();
	mutex_unlock(&net_lock);
}

/* lwIP's clock: milliseconds, wrapping at 2^32 (lwIP compares differences). */
u32_t sys_now(void)
{
	return (u32_t)(clock_ns() / 1000000);
}

int inet_errno(err_t e)
{
	switch (e) {
	case ERR_OK: return 0;
	case ERR_MEM: return -ENOMEM;
	case ERR_BUF: return -ENOBUFS;
	case ERR_TIMEOUT: return -ETIMEDOUT;
	case ERR_RTE: return -EHOSTUNREACH;
	case ERR_INPROGRESS: return -EINPROGRESS;
	case ERR_VAL: return -EINVAL;
	case ERR_WOULDBLOCK: return -EAGAIN;
	case ERR_USE: return -EADDRINUSE;
	case ERR_ALREADY: return -EALREADY;
	case ERR_ISCONN: return -EISCONN;
	case ERR_CONN: return -ENOTCONN;
	case ERR_IF: return -ENETUNREACH;
	case ERR_ABRT: return -ECONNABORTED;
	case ERR_RST: return -ECONNRESET;
	case ERR_CLSD: return -ENOTCONN;
	case ERR_ARG: return -EINVAL;
	default: return -EIO;
	}
}

int inet_addr_in(int fam, const void *addr, int len, ip_addr_t *ip, uint16_t *port)
{
	const struct sockaddr_in *sin = addr;
	const struct sockaddr_in6 *sin6 = addr;

	if (len < (int)sizeof(unsigned short)) /* sa_family_t */
		return -EINVAL;
	if (fam == AF_INET) {
		if (len < (int)sizeof(*sin))
			return -EINVAL;
		if (sin->sin_family != AF_INET)
			return -EAFNOSUPPORT;
		ip_addr_set_ip4_u32_val(*ip, sin->sin_addr.s_addr);
		*port = lwip_ntohs(sin->sin_port);
		return 0;
	}
	if (len < (int)sizeof(*sin6))
		return -EINVAL;
	if (sin6->sin6_family != AF_INET6)
		return -EAFNOSUPPORT;
	if (ip6_addr_isipv4mappedipv6((const ip6_addr_t *)(const void *)sin6->sin6_addr.s6_addr32)) {
		ip_addr_set_ip4_u32_val(*ip, sin6->sin6_addr.s6_addr32[3]);
	} else {
		IP_SET_TYPE_VAL(*ip, IPADDR_TYPE_V6);
		memcpy(ip_2_ip6(ip)->addr, sin6->sin6_addr.s6_addr32, 16);
		ip6_addr_clear_zone(ip_2_ip6(ip));
		if (ip6_addr_islinklocal(ip_2_ip6(ip)) && sin6->sin6_scope_id)
			ip6_addr_set_zone(ip_2_ip6(ip), (u8_t)sin6->sin6_scope_id);
	}
	*port = lwip_ntohs(sin6->sin6_port);
	return 0;
}

int inet_addr_out(int fam, const ip_addr_t *ip, uint16_t port, void *addr, int *len)
{
	if (fam == AF_INET) {
		struct sockaddr_in sin = { .sin_family = AF_INET, .sin_port = lwip_htons(port) };
		sin.sin_addr.s_addr = IP_IS_V4(ip) ? ip4_addr_get_u32(ip_2_ip4(ip)) : 0;
		memcpy(addr, &sin, sizeof(sin));
		*len = sizeof(sin);
	} else {
		struct sockaddr_in6 sin6 = { .sin6_family = AF_INET6, .sin6_port = lwip_htons(port) };
		if (IP_IS_V4(ip)) {
			if (!ip4_addr_isany_val(*ip_2_ip4(ip))) {
				sin6.sin6_addr.s6_addr32[2] = lwip_htonl(0xffff);
				sin6.sin6_addr.s6_addr32[3] = ip4_addr_get_u32(ip_2_ip4(ip));
			}
		} else if (IP_IS_V6(ip)) {
			memcpy(sin6.sin6_addr.s6_addr32, ip_2_ip6(ip)->addr, 16);
			if (ip6_addr_has_zone(ip_2_ip6(ip)))
				sin6.sin6_scope_id = ip6_addr_zone(ip_2_ip6(ip));
		}
		memcpy(addr, &sin6, sizeof(sin6));
		*len = sizeof(sin6);
	}
	return 0;
}

void inet_dual_any(struct socket *s, bool v6only, ip_addr_t *ip)
{
	if (s->family == AF_INET6 && !v6only && IP_IS_V6(ip) && ip6_addr_isany(ip_2_ip6(ip)))
		*ip = *IP_ANY_TYPE;
}

int inet_bind_prepare(struct socket *s, struct ip_pcb *pcb, bool v6only, ip_addr_t *ip)
{
	if (!inet_addr_local(ip))
		return -EADDRNOTAVAIL;
	if (s->family == AF_INET6 && v6only && IP_IS_V4(ip))
		return -EINVAL;
	inet_dual_any(s, v6only, ip);
	if (s->reuseaddr)
		ip_set_option(pcb, SOF_REUSEADDR);
	return 0;
}

bool inet_addr_local(const ip_addr_t *ip)
{
	struct netif *n;

	if (ip_addr_isany(ip))
		return true;
	if (IP_IS_V4(ip) && ip4_addr_isloopback(ip_2_ip4(ip)))
		return true;
	NETIF_FOREACH(n) {
		if (IP_IS_V4(ip) && ip4_addr_cmp(ip_2_ip4(ip), netif_ip4_addr(n)))
			return true;
		if (IP_IS_V6(ip)) {
			for (int i = 0; i < LWIP_IPV6_NUM_ADDRESSES; i++)
				if (ip6_addr_isvalid(netif_ip6_addr_state(n, i)) &&
				    ip6_addr_cmp_zoneless(ip_2_ip6(ip), netif_ip6_addr(n, i)))
					return true;
		}
	}
	return false;
}

int inet_create(struct socket *s, int type, int protocol)
{
	switch (type) {
	case SOCK_STREAM:
		if (protocol && protocol != IPPROTO_TCP)
			return -EPROTONOSUPPORT;
		s->protocol = IPPROTO_TCP;
		return tcp_sock_create(s);
	case SOCK_DGRAM:
		if (protocol && protocol != IPPROTO_UDP)
			return -EPROTONOSUPPORT;
		s->protocol = IPPROTO_UDP;
		return udp_sock_create(s);
	case SOCK_RAW:
		return -EPERM; /* raw sockets: not supported (Linux says EPERM without CAP_NET_RAW) */
	default:
		return -ESOCKTNOSUPPORT;
	}
}

int inet_wait(struct socket *s, bool nonblock, bool (*ready)(struct socket *s, void *arg),
	      uint64_t timeout_ns)
{
	int r;

	if (nonblock)
		return -EAGAIN;
	net_lock_give();
	r = sock_wait(s, ready, NULL, timeout_ns);
	net_lock_take();
	return r;
}

int inet_ip_setopt(struct socket *s, struct ip_pcb *pcb, bool *v6only, bool bound,
		   int level, int name, int v)
{
	if (level == IPPROTO_IPV6 && name == IPV6_V6ONLY && s->family == AF_INET6) {
		if (bound)
			return -EINVAL;
		*v6only = v != 0;
		if (pcb) { /* a V6 pcb takes only IPv6; an ANY one both */
			IP_SET_TYPE_VAL(pcb->local_ip, v ? IPADDR_TYPE_V6 : IPADDR_TYPE_ANY);
			IP_SET_TYPE_VAL(pcb->remote_ip, v ? IPADDR_TYPE_V6 : IPADDR_TYPE_ANY);
		}
		return 0;
	}
	if (level == IPPROTO_IP && (name == IP_TOS || name == IP_TTL)) {
		if (pcb && name == IP_TOS)
			pcb->tos = (u8_t)v;
		else if (pcb)
			pcb->ttl = (u8_t)(v < 0 ? 64 : v); /* -1: the default */
		return 0;
	}
	return -ENOPROTOOPT;
}

int inet_ip_getopt(struct socket *s, struct ip_pcb *pcb, bool v6only, int level, int name, int *v)
{
	if (level == IPPROTO_IPV6 && name == IPV6_V6ONLY && s->family == AF_INET6)
		*v = v6only;
	else if (level == IPPROTO_IP && name == IP_TOS)
		*v = pcb ? pcb->tos : 0;
	else if (level == IPPROTO_IP && name == IP_TTL)
		*v = pcb ? pcb->ttl : 64;
	else
		return -ENOPROTOOPT;
	return 0;
}

void inet_int_out(int v, void *val, unsigned *len)
{
	if (*len > sizeof(v))
		*len = sizeof(v);
	memcpy(val, &v, *len);
}
