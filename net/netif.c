/*
 * netif.c - lwIP's side of network devices: the netif glue for each
 * struct netdev, address configuration, and the lwIP thread.
 *
 * Received frames: the driver calls netdev_input() from its interrupt
 * handler. It copies the frame into a pbuf (with keel's lwipopts, pbuf_alloc
 * of PBUF_RAM is only kmalloc, which is safe with interrupts off and
 * touches no lwIP state) and puts it on rx_ring; the lwIP thread takes the
 * frames off under net_lock and feeds them to lwIP. The same thread runs
 * lwIP's timers (TCP retransmission, ARP, DHCP): it sleeps until the next
 * one is due or a frame arrives. Whoever changes lwIP's timers under
 * net_lock calls net_timers_kick() (net_lock_give does), which wakes the
 * thread if it now has to wake earlier than it planned.
 *
 * Sent frames: lwIP calls linkoutput with net_lock held; the driver's xmit
 * takes the pbuf chain as segments and copies it. When the device's queue
 * is full the frame waits in the interface's backlog (in order, behind any
 * frame already waiting) instead of being dropped: a drop costs TCP a
 * retransmission timeout, hundreds of milliseconds of stall. The backlog is
 * retried whenever lwIP is entered or left and by the lwIP thread, which
 * looks again every millisecond while frames wait.
 *
 * Locking: rx_lock (a spinlock, interrupts off) protects rx_ring; net_lock
 * (inet.c) protects everything else, including net_wake_at; the thread's
 * sleep uses the sched_lock handshake on net_wq.
 */
#include "inet.h"
#include "klib.h"
#include "mm.h"
#include "time.h"
#include "cmdline.h"
#include "vfs.h"
#include "spinlock.h"
#include <linux/errno.h>
#include "lwip/init.h"
#include "lwip/netif.h"
#include "lwip/pbuf.h"
#include "lwip/etharp.h"
#include "lwip/ethip6.h"
#include "lwip/dhcp.h"
#include "lwip/timeouts.h"
#include "netif/ethernet.h"

#define RX_RING 1024
#define MAX_SEGS 32
#define TX_BACKLOG 4096  /* frames waiting for room in a device's queue; more are dropped */

static struct netdev *devs[NETDEV_MAX];
static struct netif netifs[NETDEV_MAX];
static int ndevs;
static struct {
	struct pbuf *q[TX_BACKLOG];
	unsigned head, tail;
} backlog[NETDEV_MAX];               /* net_lock */
static unsigned backlog_frames;      /* all interfaces; net_lock */
static bool running;

static struct spinlock rx_lock = SPINLOCK_INIT("net_rx");
static struct {
	struct pbuf *p;
	int dev;
} rx_ring[RX_RING];
static unsigned rx_head, rx_tail; /* rx_lock */

static struct waitq net_wq;
static uint64_t net_wake_at;      /* when the lwIP thread will look at timers next; 0: never. net_lock */
static bool net_kicked;           /* sched_lock */

bool net_running(void) { return running; }

int netdev_register(struct netdev *dev)
{
	if (ndevs >= NETDEV_MAX)
		return -ENOSPC;
	devs[ndevs++] = dev;
	return 0;
}

int netdev_input(struct netdev *dev, const void *frame, size_t len)
{
	unsigned long flags;
	struct pbuf *p;
	int idx = -1;

	for (int i = 0; i < ndevs; i++)
		if (devs[i] == dev)
			idx = i;
	if (!running || idx < 0 || len > 0xffff || !(p = pbuf_alloc(PBUF_RAW, (u16_t)len, PBUF_RAM))) {
		dev->rx_dropped++;
		return -ENOMEM;
	}
	memcpy(p->payload, frame, len);
	flags = spin_lock_irqsave(&rx_lock);
	if (rx_tail - rx_head >= RX_RING) {
		spin_unlock_irqrestore(&rx_lock, flags);
		pbuf_free(p);
		dev->rx_dropped++;
		return -ENOMEM;
	}
	rx_ring[rx_tail % RX_RING].p = p;
	rx_ring[rx_tail % RX_RING].dev = idx;
	rx_tail++;
	spin_unlock_irqrestore(&rx_lock, flags);
	dev->rx_frames++;
	waitq_wake(&net_wq, 1);
	return 0;
}

/* Hand one frame to the driver. Return: 0, or -EAGAIN when its queue is full. */
static int dev_xmit(struct netdev *dev, struct pbuf *p)
{
	struct netdev_seg seg[MAX_SEGS];
	int n = 0, r;

	for (struct pbuf *q = p; q; q = q->next) {
		if (n == MAX_SEGS) { /* a very fragmented chain: send it as one piece */
			static char flat[0x10000]; /* net_lock */
			pbuf_copy_partial(p, flat, p->tot_len, 0);
			seg[0].data = flat;
			seg[0].len = p->tot_len;
			n = 1;
			break;
		}
		seg[n].data = q->payload;
		seg[n].len = q->len;
		n++;
	}
	r = dev->xmit(dev, seg, n);
	if (r == 0)
		dev->tx_frames++;
	else if (r != -EAGAIN)
		dev->tx_dropped++;
	return r == -EAGAIN ? r : 0;
}

/* Send what waits in the backlogs, in order, until a device is full again. net_lock held. */
static void tx_flush(void)
{
	for (int i = 0; i < ndevs && backlog_frames; i++) {
		while (backlog[i].head != backlog[i].tail) {
			struct pbuf *p = backlog[i].q[backlog[i].head % TX_BACKLOG];
			if (dev_xmit(devs[i], p))
				break;
			backlog[i].head++;
			backlog_frames--;
			pbuf_free(p);
		}
	}
}

static err_t linkoutput(struct netif *nif, struct pbuf *p)
{
	struct netdev *dev = nif->state;
	int i = (int)(nif - netifs);

	if (backlog_frames)
		tx_flush();
	if (backlog[i].head == backlog[i].tail && dev_xmit(dev, p) == 0)
		return ERR_OK;
	if (backlog[i].tail - backlog[i].head >= TX_BACKLOG) {
		dev->tx_dropped++;
		return ERR_IF;
	}
	pbuf_ref(p); /* lwIP frees its reference when we return */
	backlog[i].q[backlog[i].tail++ % TX_BACKLOG] = p;
	backlog_frames++;
	return ERR_OK;
}

static err_t netif_setup(struct netif *nif)
{
	struct netdev *dev = nif->state;

	memcpy(nif->name, dev->name, 2);
	nif->hwaddr_len = ETH_HWADDR_LEN;
	memcpy(nif->hwaddr, dev->mac, ETH_HWADDR_LEN);
	nif->mtu = dev->mtu;
	nif->flags = NETIF_FLAG_BROADCAST | NETIF_FLAG_ETHARP | NETIF_FLAG_ETHERNET |
		     NETIF_FLAG_IGMP | NETIF_FLAG_MLD6;
	nif->output = etharp_output;
	nif->output_ip6 = ethip6_output;
	nif->linkoutput = linkoutput;
	/*
	 * Received checksums the device vouches for (or left partial) are not
	 * checked again; with transmit offload the driver seeds the TCP/UDP
	 * checksum field with the pseudo-header sum and the device finishes it.
	 */
	u16_t csum = NETIF_CHECKSUM_ENABLE_ALL;
	if (dev->csum_rx)
		csum &= (u16_t)~(NETIF_CHECKSUM_CHECK_TCP | NETIF_CHECKSUM_CHECK_UDP);
	if (dev->csum_tx)
		csum &= (u16_t)~(NETIF_CHECKSUM_GEN_TCP | NETIF_CHECKSUM_GEN_UDP);
	NETIF_SET_CHECKSUM_CTRL(nif, csum);
	return ERR_OK;
}

void net_timers_kick(void)
{
	u32_t ms;
	uint64_t when;

	if (backlog_frames)
		tx_flush();
	ms = backlog_frames ? 1 : sys_timeouts_sleeptime();
	if (ms == SYS_TIMEOUTS_SLEEPTIME_INFINITE)
		return;
	when = clock_ns() + (uint64_t)ms * 1000000ULL;
	if (net_wake_at == 0 || when < net_wake_at) {
		unsigned long flags = sched_lock_irqsave();
		net_kicked = true;
		net_wake_at = when;
		waitq_wake_locked(&net_wq, 1);
		sched_unlock_irqrestore(flags);
	}
}

static bool rx_pending(void)
{
	return __atomic_load_n(&rx_head, __ATOMIC_RELAXED) != __atomic_load_n(&rx_tail, __ATOMIC_RELAXED);
}

static void net_thread(void *arg)
{
	(void)arg;
	for (;;) {
		uint64_t deadline;
		unsigned long flags;

		net_lock_take();
		tx_flush();
		for (int budget = 0; budget < RX_RING; budget++) {
			struct pbuf *p;
			int dev;
			flags = spin_lock_irqsave(&rx_lock);
			if (rx_head == rx_tail) {
				spin_unlock_irqrestore(&rx_lock, flags);
				break;
			}
			p = rx_ring[rx_head % RX_RING].p;
			dev = rx_ring[rx_head % RX_RING].dev;
			rx_head++;
			spin_unlock_irqrestore(&rx_lock, flags);
			if (netifs[dev].input(p, &netifs[dev]) != ERR_OK)
				pbuf_free(p);
		}
		sys_check_timeouts();
		tx_flush();
		{
			u32_t ms = backlog_frames ? 1 : sys_timeouts_sleeptime();
			deadline = ms == SYS_TIMEOUTS_SLEEPTIME_INFINITE ? 0
				   : clock_ns() + (uint64_t)ms * 1000000ULL;
			net_wake_at = deadline;
		}
		net_lock_give();

		flags = sched_lock_irqsave();
		while (!rx_pending() && !net_kicked) {
			if (waitq_wait_locked(&net_wq, deadline) == -ETIMEDOUT)
				break;
		}
		net_kicked = false;
		sched_unlock_irqrestore(flags);
	}
}

/* "a.b.c.d" into network byte order. Return: 0 or -EINVAL. */
static int parse_ip4(const char *s, const char **end, uint32_t *out)
{
	uint32_t v = 0;

	for (int i = 0; i < 4; i++) {
		unsigned o = 0, digits = 0;
		while (*s >= '0' && *s <= '9' && digits < 4) {
			o = o * 10 + (unsigned)(*s++ - '0');
			digits++;
		}
		if (!digits || o > 255 || (i < 3 && *s++ != '.'))
			return -EINVAL;
		v = v << 8 | o;
	}
	*end = s;
	*out = lwip_htonl(v);
	return 0;
}

static int parse_addr(const char *opt, const char *s, uint32_t *ip, int *prefix)
{
	const char *end;

	if (parse_ip4(s, &end, ip))
		goto bad;
	if (prefix) {
		int p = 24;
		if (*end == '/') {
			end++;
			p = 0;
			if (!(*end >= '0' && *end <= '9'))
				goto bad;
			while (*end >= '0' && *end <= '9')
				p = p * 10 + (*end++ - '0');
			if (p > 32)
				goto bad;
		}
		*prefix = p;
	}
	if (*end)
		goto bad;
	return 0;
bad:
	printk("keel: %s wants an IPv4 address%s, not '%s'\n", opt, prefix ? "[/PREFIX]" : "", s);
	return -EINVAL;
}

static void write_resolv_conf(const char *dns)
{
	char line[64];
	struct file *f;
	int n = snprintf(line, sizeof(line), "nameserver %s\n", dns);

	if (vfs_kopen("/etc/resolv.conf", O_WRONLY | O_CREAT | O_TRUNC, &f) < 0) {
		printk("keel: cannot write /etc/resolv.conf for --dns (does the image have /etc?)\n");
		return;
	}
	vfs_kwrite(f, line, (size_t)n, 0);
	file_put(f);
}

static void print_addr(const char *what, const ip4_addr_t *a)
{
	char buf[IP4ADDR_STRLEN_MAX];
	printk("%s%s", what, ip4addr_ntoa_r(a, buf, sizeof(buf)));
}

int net_init(const struct cmdline *cl)
{
	uint32_t ip = 0, gw = 0, dns = 0;
	int prefix = 24;
	int wait_ms = cl->dhcp_wait_ms >= 0 ? cl->dhcp_wait_ms : 3000;

	if ((cl->ip && parse_addr("--ip", cl->ip, &ip, &prefix)) ||
	    (cl->gw && parse_addr("--gw", cl->gw, &gw, NULL)) ||
	    (cl->dns && parse_addr("--dns", cl->dns, &dns, NULL)))
		return -EINVAL;
	if (cl->gw && !cl->ip) {
		printk("keel: --gw needs --ip (with DHCP the lease names the gateway)\n");
		return -EINVAL;
	}
	if (cl->dns)
		write_resolv_conf(cl->dns);

	waitq_init(&net_wq);
	if (!cl->net_none)
		virtio_net_probe();
	net_lock_take();
	lwip_init();
	running = true;
	for (int i = 0; i < ndevs && !cl->net_none; i++) {
		struct netif *nif = &netifs[i];
		ip4_addr_t a, m, g;
		ip4_addr_set_u32(&a, i == 0 ? ip : 0);
		ip4_addr_set_u32(&m, i == 0 && cl->ip ? lwip_htonl(prefix ? ~0u << (32 - prefix) : 0) : 0);
		ip4_addr_set_u32(&g, i == 0 ? gw : 0);
		if (!netif_add(nif, &a, &m, &g, devs[i], netif_setup, ethernet_input)) {
			printk("net: cannot add %s\n", devs[i]->name);
			continue;
		}
		if (i == 0)
			netif_set_default(nif);
		netif_create_ip6_linklocal_address(nif, 1);
		netif_set_ip6_autoconfig_enabled(nif, 1);
		netif_set_up(nif);
		netif_set_link_up(nif);
		if (i > 0 || !cl->ip)
			dhcp_start(nif);
	}
	net_lock_give();
	if (!thread_create(net_thread, NULL, "lwip"))
		panic("net: cannot start the lwIP thread");

	for (int i = 0; i < ndevs && !cl->net_none; i++) {
		struct netif *nif = &netifs[i];
		bool dhcp = i > 0 || !cl->ip;
		uint64_t until = clock_ns() + (uint64_t)wait_ms * 1000000ULL;
		while (dhcp && !dhcp_supplied_address(nif) && clock_ns() < until)
			thread_sleep_ns(5000000);
		if (cl->quiet)
			continue;
		printk("net: %s %02x:%02x:%02x:%02x:%02x:%02x", devs[i]->name, devs[i]->mac[0],
		       devs[i]->mac[1], devs[i]->mac[2], devs[i]->mac[3], devs[i]->mac[4], devs[i]->mac[5]);
		if (dhcp && !dhcp_supplied_address(nif)) {
			printk(" no DHCP lease after %d ms (still asking)\n", wait_ms);
			continue;
		}
		print_addr(" ", netif_ip4_addr(nif));
		print_addr(" mask ", netif_ip4_netmask(nif));
		print_addr(" gw ", netif_ip4_gw(nif));
		printk(" (%s)\n", dhcp ? "DHCP" : "static");
	}
	return 0;
}
