/*
 * virtio_net.c - the virtio-net driver (virtio 1.x section 5.1): Ethernet
 * frames between a struct netdev (netif.c, lwIP's glue) and the device,
 * on any virtio transport (virtio-mmio on microvm, virtio-pci on q35/pc;
 * kernel/virtio.h).
 *
 * Queues: receive queue 0 and transmit queue 1, each up to QUEUE_MAX
 * entries, with a buffer of BUF_SIZE bytes per entry allocated at probe
 * (one physically contiguous block per queue, so a buffer's physical
 * address is the block's plus its offset). Every receive buffer is posted
 * up front and re-posted as soon as its frame has been handed on, so the
 * device always has the whole ring to fill. Transmit copies each frame
 * (virtio-net header first) into a free transmit slot and publishes it;
 * the caller may reuse its memory on return. Up to the queue size frames
 * may be in flight; completed slots are collected lazily, on the next
 * xmit and in the interrupt handler, and the device is asked not to
 * interrupt for transmit completions at all.
 *
 * Features: VERSION_1 (a legacy device works too), MAC, STATUS (link state
 * is logged), MRG_RXBUF (a frame may span buffers; with BUF_SIZE buffers
 * and no receive offloads it never does, but it is handled), CSUM (the
 * device completes TCP/UDP checksums: netdev.csum_tx, see xmit) and
 * GUEST_CSUM (netdev.csum_rx, see rx_checksum_ok). Note that QEMU offers
 * the two checksum features only with a backend that carries virtio-net
 * headers (tap, vhost), not with -netdev user.
 *
 * Locking:
 *   receive side (rx queue, rx buffers) - only the interrupt handler
 *     touches it once the device runs (interrupts are off there)
 *   transmit side (tx queue, tx_free) - tx_lock, a spinlock taken with
 *     interrupts off, by xmit (thread context) and by the interrupt
 *     handler's reclaim. A slot popped from tx_free belongs to that xmit
 *     alone until it is published, so the frame is copied without the
 *     lock. xmit itself needs no outer lock (net_lock serialises callers
 *     in practice, but the self-test calls it without).
 *   tap (self-test hook) - written by thread code, read by the handler
 *
 * Limits: no segmentation offloads (TSO/UFO/GSO are not negotiated, so
 * every frame fits one buffer); the receive handler drains the whole used
 * ring in one go, with no budget (a flood could keep it busy, as on Linux
 * before NAPI); with csum_rx, IP fragments reach lwIP unchecked.
 */
#include "net.h"
#include "virtio.h"
#include "klib.h"
#include "mm.h"
#include "spinlock.h"
#include <linux/virtio_net.h>
#include <asm-generic/errno-base.h>

#define QUEUE_MAX 256
#define BUF_SIZE 2048          /* header + a 1514-byte frame, two per page */
#define BIG_FRAME (16 * 1024)  /* merged receive frames up to this size */
#define RXQ 0
#define TXQ 1

#define ETH_HLEN 14
#define ETH_MAX_FRAME (ETH_HLEN + 1500)

struct vnet {
	struct netdev nd;
	struct virtio_dev *vd;
	unsigned hdr_len;      /* 12 (virtio 1.x, or MRG_RXBUF) or 10 (legacy) */
	bool split_hdr;        /* legacy without ANY_LAYOUT: header in its own descriptor */
	/* receive side: the interrupt handler's */
	struct virtq rx;
	uint8_t *rx_buf;       /* rx.size buffers */
	uint64_t rx_pa;
	unsigned rx_order;
	uint8_t *big;          /* assembly buffer for merged frames (MRG_RXBUF) */
	/* transmit side: tx_lock */
	struct spinlock tx_lock;
	struct virtq tx;
	uint8_t *tx_buf;       /* tx.size slots */
	uint64_t tx_pa;
	unsigned tx_order;
	uint16_t *tx_free;     /* stack of free slot numbers */
	unsigned tx_nfree;
};

static struct vnet *vnets[NETDEV_MAX];
static unsigned nr_vnets;
static virtio_net_tap_t volatile tap;

/* --- checksums: the parts of IPv4/IPv6 headers the offloads need --- */

/* A ones' complement sum of big-endian 16-bit words, not yet folded. */
static uint32_t csum_add(uint32_t sum, const uint8_t *p, size_t n)
{
	for (; n > 1; p += 2, n -= 2)
		sum += (uint32_t)p[0] << 8 | p[1];
	if (n)
		sum += (uint32_t)p[0] << 8;
	return sum;
}

static uint16_t csum_fold(uint32_t sum)
{
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	return (uint16_t)sum;
}

struct l4 {
	unsigned off, len;     /* of the TCP/UDP header + payload in the frame */
	uint8_t proto;         /* 6 TCP, 17 UDP */
	uint32_t pseudo;       /* the pseudo-header's sum */
};

/*
 * Where the TCP or UDP segment of an Ethernet frame is. Fragments are not
 * (their checksum covers the whole datagram), nor is anything else.
 * Return: true for an unfragmented TCP/UDP packet over IPv4 or IPv6.
 */
static bool find_l4(const uint8_t *f, size_t len, struct l4 *l)
{
	size_t off = ETH_HLEN;
	if (len < off)
		return false;
	unsigned type = f[12] << 8 | f[13];
	if (type == 0x8100 && len >= ETH_HLEN + 4) { /* one VLAN tag */
		type = f[16] << 8 | f[17];
		off += 4;
	}
	const uint8_t *ip = f + off;
	size_t left = len - off;
	if (type == 0x0800) {
		if (left < 20 || ip[0] >> 4 != 4)
			return false;
		unsigned ihl = (ip[0] & 15) * 4, total = ip[2] << 8 | ip[3];
		if (ihl < 20 || total < ihl || total > left || (ip[6] & 0x3f) || ip[7])
			return false; /* bad lengths, or more fragments / an offset */
		l->proto = ip[9];
		l->off = off + ihl;
		l->len = total - ihl;
		l->pseudo = csum_add(0, ip + 12, 8) + l->proto + l->len;
	} else if (type == 0x86dd) {
		if (left < 40 || ip[0] >> 4 != 6)
			return false;
		size_t end = 40 + (ip[4] << 8 | ip[5]), h = 40;
		unsigned next = ip[6];
		if (end > left)
			return false;
		while (next == 0 || next == 43 || next == 60) { /* hop-by-hop, routing, dest opts */
			if (h + 8 > end)
				return false;
			next = ip[h];
			h += (ip[h + 1] + 1) * 8;
		}
		if (h > end)
			return false;
		l->proto = (uint8_t)next;
		l->off = off + h;
		l->len = end - h;
		l->pseudo = csum_add(0, ip + 8, 32) + l->proto + l->len;
	} else {
		return false;
	}
	return (l->proto == 6 && l->len >= 20) || (l->proto == 17 && l->len >= 8);
}

/*
 * With GUEST_CSUM the device may hand us frames whose checksum it has
 * checked (DATA_VALID) or that the host never completed (NEEDS_CSUM: a
 * frame from the host itself, trusted as Linux trusts it); others are
 * checked here, so that with csum_rx lwIP can skip TCP/UDP checksums of
 * every frame. Fragments pass unchecked (see find_l4).
 */
static bool rx_checksum_ok(const struct virtio_net_hdr *h, const uint8_t *f, size_t len)
{
	struct l4 l;
	if (h->flags & (VIRTIO_NET_HDR_F_DATA_VALID | VIRTIO_NET_HDR_F_NEEDS_CSUM))
		return true;
	if (!find_l4(f, len, &l))
		return true;
	if (l.proto == 17 && f[l.off + 6] == 0 && f[l.off + 7] == 0)
		return true; /* UDP without a checksum */
	return csum_fold(l.pseudo + csum_add(0, f + l.off, l.len)) == 0xffff;
}

/* --- receive --- */

static void rx_post(struct vnet *v, unsigned b)
{
	uint64_t pa = v->rx_pa + (uint64_t)b * BUF_SIZE;
	struct virtq_buf bufs[2] = { { pa, BUF_SIZE } };
	unsigned n = 1;
	if (v->split_hdr) {
		bufs[0].len = v->hdr_len;
		bufs[1] = (struct virtq_buf){ pa + v->hdr_len, BUF_SIZE - v->hdr_len };
		n = 2;
	}
	virtq_add(&v->rx, bufs, 0, n, (void *)(uintptr_t)(b + 1));
}

static void rx_deliver(struct vnet *v, const struct virtio_net_hdr *h, const uint8_t *f, size_t len)
{
	if (len < ETH_HLEN || (v->nd.csum_rx && !rx_checksum_ok(h, f, len))) {
		v->nd.rx_dropped++;
		return;
	}
	if (tap && tap(&v->nd, f, len))
		return;
	netdev_input(&v->nd, f, len); /* it counts rx_frames and its own drops */
}

/* Take every frame the device has finished; interrupt context. */
static void rx_collect(struct vnet *v)
{
	uint32_t len;
	void *c;
	while ((c = virtq_get_used(&v->rx, &len))) {
		unsigned b = (unsigned)(uintptr_t)c - 1;
		uint8_t *buf = v->rx_buf + (size_t)b * BUF_SIZE;
		const struct virtio_net_hdr_mrg_rxbuf *h = (const void *)buf;
		unsigned nbufs = virtio_has(v->vd, VIRTIO_NET_F_MRG_RXBUF) ? h->num_buffers : 1;
		if (len < v->hdr_len || len > BUF_SIZE || nbufs == 0) {
			v->nd.rx_dropped++;
			rx_post(v, b);
			continue;
		}
		if (nbufs == 1) {
			rx_deliver(v, &h->hdr, buf + v->hdr_len, len - v->hdr_len);
			rx_post(v, b);
			continue;
		}
		/* a merged frame: the header is in the first buffer only */
		struct virtio_net_hdr hdr = h->hdr;
		size_t have = len - v->hdr_len;
		bool fits = v->big && have <= BIG_FRAME;
		if (fits)
			memcpy(v->big, buf + v->hdr_len, have);
		rx_post(v, b);
		for (unsigned k = 1; k < nbufs; k++) {
			void *c2 = virtq_get_used(&v->rx, &len);
			if (!c2) { /* the device publishes them together; it did not */
				fits = false;
				break;
			}
			unsigned b2 = (unsigned)(uintptr_t)c2 - 1;
			if (fits && len <= BUF_SIZE && have + len <= BIG_FRAME)
				memcpy(v->big + have, v->rx_buf + (size_t)b2 * BUF_SIZE, len);
			else
				fits = false;
			have += len;
			rx_post(v, b2);
		}
		if (fits)
			rx_deliver(v, &hdr, v->big, have);
		else
			v->nd.rx_dropped++;
	}
	virtq_kick(&v->rx);
}

/* --- transmit --- */

/* Completed transmit slots back on the free stack; tx_lock held. */
static void tx_reclaim(struct vnet *v)
{
	uint32_t len;
	void *c;
	while ((c = virtq_get_used(&v->tx, &len)))
		v->tx_free[v->tx_nfree++] = (uint16_t)((uintptr_t)c - 1);
}

/*
 * netdev.xmit: copy the frame behind a virtio-net header into a free slot
 * and publish it. With csum_tx the device finishes every unfragmented
 * TCP/UDP checksum: csum_start is where the TCP/UDP header starts,
 * csum_offset where its checksum field is within it, and the field must
 * hold the pseudo-header sum, which the device's sum over the segment then
 * completes. The driver writes that sum itself, so whatever the stack left
 * in the field (nothing, the pseudo-header sum, or a full checksum) the
 * result is right. Return: 0, -EAGAIN (every slot in flight), -EIO (no frame).
 */
static int vnet_xmit(struct netdev *nd, const struct netdev_seg *seg, int nseg)
{
	struct vnet *v = nd->priv;
	size_t len = 0;
	for (int i = 0; i < nseg; i++)
		len += seg[i].len;
	if (len < ETH_HLEN || len > BUF_SIZE - v->hdr_len)
		return -EIO;

	unsigned long flags = spin_lock_irqsave(&v->tx_lock);
	if (v->tx_nfree == 0)
		tx_reclaim(v);
	unsigned slot = v->tx_nfree ? v->tx_free[--v->tx_nfree] : ~0u;
	spin_unlock_irqrestore(&v->tx_lock, flags);
	if (slot == ~0u)
		return -EAGAIN;

	uint8_t *buf = v->tx_buf + (size_t)slot * BUF_SIZE, *f = buf + v->hdr_len;
	memset(buf, 0, v->hdr_len);
	for (int i = 0, at = 0; i < nseg; at += seg[i].len, i++)
		memcpy(f + at, seg[i].data, seg[i].len);
	struct l4 l;
	if (nd->csum_tx && find_l4(f, len, &l)) {
		struct virtio_net_hdr *h = (void *)buf;
		uint16_t seed = csum_fold(l.pseudo);
		h->flags = VIRTIO_NET_HDR_F_NEEDS_CSUM;
		h->csum_start = (uint16_t)l.off;
		h->csum_offset = l.proto == 6 ? 16 : 6;
		f[l.off + h->csum_offset] = (uint8_t)(seed >> 8);
		f[l.off + h->csum_offset + 1] = (uint8_t)seed;
	}

	uint64_t pa = v->tx_pa + (uint64_t)slot * BUF_SIZE;
	struct virtq_buf bufs[2] = { { pa, (uint32_t)(v->hdr_len + len) } };
	if (v->split_hdr) {
		bufs[0].len = v->hdr_len;
		bufs[1] = (struct virtq_buf){ pa + v->hdr_len, (uint32_t)len };
	}
	flags = spin_lock_irqsave(&v->tx_lock);
	int err = virtq_add(&v->tx, bufs, v->split_hdr ? 2 : 1, 0, (void *)(uintptr_t)(slot + 1));
	if (err)
		v->tx_free[v->tx_nfree++] = (uint16_t)slot; /* cannot happen: a slot per entry */
	else
		virtq_kick(&v->tx);
	spin_unlock_irqrestore(&v->tx_lock, flags);
	return err ? -EAGAIN : 0; /* the caller counts tx_frames and tx_dropped */
}

/* --- interrupt and probe --- */

/* The link state, when the device reports one (VIRTIO_NET_F_STATUS). */
static const char *link_state(struct vnet *v)
{
	if (!virtio_has(v->vd, VIRTIO_NET_F_STATUS))
		return "";
	uint16_t status;
	virtio_read_config(v->vd, offsetof(struct virtio_net_config, status), &status, 2);
	return status & VIRTIO_NET_S_LINK_UP ? ", link up" : ", link down";
}

static void vnet_interrupt(void *arg)
{
	struct vnet *v = arg;
	if (v->vd->isr & VIRTIO_ISR_CONFIG) /* only the link state can change */
		printk("%s: configuration change%s\n", v->nd.name, link_state(v));
	rx_collect(v);
	unsigned long flags = spin_lock_irqsave(&v->tx_lock);
	tx_reclaim(v);
	spin_unlock_irqrestore(&v->tx_lock, flags);
}

/* One physically contiguous block of n buffers. Return: its address, or NULL. */
static uint8_t *alloc_bufs(unsigned n, uint64_t *pa, unsigned *order)
{
	*order = 0;
	while ((PAGE_SIZE << *order) < (size_t)n * BUF_SIZE)
		(*order)++;
	*pa = palloc_pages(*order);
	return *pa ? pa_to_va(*pa) : NULL;
}

static int vnet_setup(struct vnet *v)
{
	struct virtio_dev *d = v->vd;
	int err = virtq_init(&v->rx, d, RXQ, QUEUE_MAX);
	if (!err)
		err = virtq_init(&v->tx, d, TXQ, QUEUE_MAX);
	if (err)
		return err;
	v->rx_buf = alloc_bufs(v->rx.size, &v->rx_pa, &v->rx_order);
	v->tx_buf = alloc_bufs(v->tx.size, &v->tx_pa, &v->tx_order);
	v->tx_free = kmalloc(v->tx.size * sizeof(uint16_t));
	if (virtio_has(d, VIRTIO_NET_F_MRG_RXBUF))
		v->big = kmalloc(BIG_FRAME);
	if (!v->rx_buf || !v->tx_buf || !v->tx_free)
		return -ENOMEM; /* boot-time only: what was allocated stays */
	/* a two-descriptor chain per buffer when the header needs its own */
	unsigned per = v->split_hdr ? 2 : 1;
	for (unsigned b = 0; b < v->rx.size / per; b++)
		rx_post(v, b);
	for (unsigned s = 0; s < v->tx.size / per; s++)
		v->tx_free[v->tx_nfree++] = (uint16_t)s;
	virtq_no_interrupts(&v->tx, true);
	return 0;
}

static int vnet_attach(struct virtio_dev *d)
{
	if (nr_vnets == NETDEV_MAX) {
		printk("virtio-net: %s: more than %d network devices, ignored\n", d->where, NETDEV_MAX);
		virtio_fail(d);
		return -ENOSPC;
	}
	uint64_t want = 1ULL << VIRTIO_NET_F_MAC | 1ULL << VIRTIO_NET_F_STATUS |
			1ULL << VIRTIO_NET_F_MRG_RXBUF | 1ULL << VIRTIO_NET_F_CSUM |
			1ULL << VIRTIO_NET_F_GUEST_CSUM | 1ULL << VIRTIO_F_ANY_LAYOUT;
	struct vnet *v = kmalloc(sizeof(*v));
	int err = v ? virtio_negotiate(d, want) : -ENOMEM;
	if (err)
		goto fail;
	memset(v, 0, sizeof(*v));
	v->vd = d;
	v->tx_lock = (struct spinlock)SPINLOCK_INIT("virtio-net tx");
	bool modern = virtio_has(d, VIRTIO_F_VERSION_1);
	v->hdr_len = modern || virtio_has(d, VIRTIO_NET_F_MRG_RXBUF)
			     ? sizeof(struct virtio_net_hdr_mrg_rxbuf)
			     : sizeof(struct virtio_net_hdr);
	v->split_hdr = !modern && !virtio_has(d, VIRTIO_F_ANY_LAYOUT);
	err = vnet_setup(v);
	if (err)
		goto fail;

	struct netdev *nd = &v->nd;
	snprintf(nd->name, sizeof(nd->name), "eth%u", nr_vnets);
	if (virtio_has(d, VIRTIO_NET_F_MAC)) {
		virtio_read_config(d, offsetof(struct virtio_net_config, mac), nd->mac, 6);
	} else {
		random_bytes(nd->mac, 6);
		nd->mac[0] = (nd->mac[0] & 0xfe) | 0x02; /* unicast, locally administered */
	}
	nd->mtu = 1500;
	nd->csum_tx = virtio_has(d, VIRTIO_NET_F_CSUM);
	nd->csum_rx = virtio_has(d, VIRTIO_NET_F_GUEST_CSUM);
	nd->xmit = vnet_xmit;
	nd->priv = v;
	err = netdev_register(nd);
	if (!err)
		err = virtio_request_irq(d, vnet_interrupt, v);
	if (err)
		goto fail;
	virtio_driver_ok(d);
	unsigned long flags = irq_save(); /* the handler owns rx from now on */
	virtq_kick(&v->rx);
	irq_restore(flags);
	vnets[nr_vnets++] = v;
	printk("%s: virtio-net on %s, MAC %02x:%02x:%02x:%02x:%02x:%02x, %u+%u queue entries, "
	       "features %#lx%s%s%s%s\n", nd->name, d->where, nd->mac[0], nd->mac[1], nd->mac[2],
	       nd->mac[3], nd->mac[4], nd->mac[5], v->rx.size, v->tx.size, d->features,
	       virtio_has(d, VIRTIO_NET_F_MRG_RXBUF) ? " mrg-rxbuf" : "",
	       nd->csum_tx ? " csum-tx" : "", nd->csum_rx ? " csum-rx" : "", link_state(v));
	return 0;
fail:
	printk("virtio-net: %s: cannot set the device up (error %d)\n", d->where, err);
	virtio_fail(d);
	return err;
}

int virtio_net_probe(void)
{
	static bool probed;
	if (!probed) {
		probed = true;
		virtio_probe(VIRTIO_ID_NET, vnet_attach);
	}
	return (int)nr_vnets;
}

struct netdev *virtio_net_get(unsigned i)
{
	return i < nr_vnets ? &vnets[i]->nd : NULL;
}

void virtio_net_set_tap(virtio_net_tap_t fn)
{
	tap = fn;
}
