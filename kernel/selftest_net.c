/*
 * selftest_net.c - --selftest=virtio-net: the virtio-net driver moves real
 * frames both ways. With QEMU's user network (slirp) attached it sends an
 * ARP request for the gateway 10.0.2.2 and waits for the reply, then a
 * DHCPDISCOVER and waits for slirp's DHCPOFFER; both through the driver's
 * xmit and its interrupt-driven receive path, and a burst of ARP requests
 * so that both rings wrap around.
 *
 * --selftest=virtio-net:tap is for a tap backend whose host side is
 * 10.0.2.2 with a UDP echo helper on port 5556 (no DHCP there): after ARP
 * it sends a UDP datagram (checksum left to the device when it offers
 * VIRTIO_NET_F_CSUM) and waits for "echo" and "raw-good" datagrams to port
 * 5555 while a "bad" one, whose checksum is wrong, must be dropped by the
 * driver (with VIRTIO_NET_F_GUEST_CSUM). QEMU offers both checksum
 * features with tap, never with -netdev user.
 *
 * The test runs without lwIP (net_init is not called for self-tests): a
 * receive tap (virtio.h) sees the frames first, in interrupt context, and
 * only records what it was waiting for.
 */
#include "selftest.h"
#include "virtio.h"
#include "net.h"
#include "time.h"
#include "cpu.h"
#include <asm-generic/errno-base.h>

/*
 * Until net/netif.c is in the tree these let the driver link; netif.c's
 * real ones replace them.
 */
__attribute__((weak)) int netdev_register(struct netdev *dev)
{
	(void)dev;
	return 0;
}
__attribute__((weak)) int netdev_input(struct netdev *dev, const void *frame, size_t len)
{
	(void)frame, (void)len;
	dev->rx_dropped++;
	return -ENOMEM;
}

static const uint8_t my_ip[4] = { 10, 0, 2, 15 }, gw_ip[4] = { 10, 0, 2, 2 };
static const uint8_t bcast[6] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };

/* written by the tap (interrupt context), read by the test thread */
static volatile unsigned frames_seen, arp_replies;
static volatile bool arp_reply, dhcp_offer, udp_echo, udp_raw_good, udp_bad;
static uint8_t gw_mac[6], offer_ip[4], offer_server[4];
static uint32_t dhcp_xid;
static const uint8_t *my_mac;

static uint16_t be16(const uint8_t *p) { return (uint16_t)(p[0] << 8 | p[1]); }
static void put16(uint8_t *p, unsigned v) { p[0] = (uint8_t)(v >> 8), p[1] = (uint8_t)v; }

static uint32_t sum16(uint32_t s, const uint8_t *p, size_t n)
{
	for (; n > 1; p += 2, n -= 2)
		s += be16(p);
	if (n)
		s += (uint32_t)p[0] << 8;
	return s;
}
static uint16_t fold(uint32_t s)
{
	while (s >> 16)
		s = (s & 0xffff) + (s >> 16);
	return (uint16_t)s;
}

static void seen_arp(const uint8_t *a)
{
	/* Ethernet/IPv4, reply, from the gateway, to us */
	if (be16(a) == 1 && be16(a + 2) == 0x0800 && be16(a + 6) == 2 &&
	    !memcmp(a + 14, gw_ip, 4) && !memcmp(a + 24, my_ip, 4)) {
		memcpy(gw_mac, a + 8, 6);
		arp_reply = true;
		arp_replies++;
	}
}

/* the tap mode's datagrams to port 5555, by their first bytes */
static void seen_udp_test(const uint8_t *data, size_t len)
{
	if (len >= 4 && !memcmp(data, "echo", 4))
		udp_echo = true;
	else if (len >= 8 && !memcmp(data, "raw-good", 8))
		udp_raw_good = true;
	else if (len >= 3 && !memcmp(data, "bad", 3))
		udp_bad = true;
}

static void seen_udp(const uint8_t *ip, size_t len)
{
	unsigned ihl = (ip[0] & 15) * 4;
	if (ip[9] != 17 || len < ihl + 8)
		return;
	const uint8_t *udp = ip + ihl, *b = udp + 8;
	if (be16(udp + 2) == 5555)
		seen_udp_test(b, len - ihl - 8);
	if (len < ihl + 8 + 240)
		return;
	uint32_t xid = (uint32_t)b[4] << 24 | b[5] << 16 | b[6] << 8 | b[7];
	if (be16(udp + 2) != 68 || b[0] != 2 || xid != dhcp_xid ||
	    memcmp(b + 236, "\x63\x82\x53\x63", 4))
		return;
	int type = 0;
	for (size_t o = 240; o + 2 < len - ihl - 8 && b[o] != 255; o += b[o] ? 2 + b[o + 1] : 1) {
		if (b[o] == 53)
			type = b[o + 2];
		if (b[o] == 54 && b[o + 1] == 4)
			memcpy(offer_server, b + o + 2, 4);
	}
	if (type == 2) { /* DHCPOFFER */
		memcpy(offer_ip, b + 16, 4);
		dhcp_offer = true;
	}
}

static bool tap(struct netdev *dev, const void *frame, size_t len)
{
	const uint8_t *f = frame;
	(void)dev;
	frames_seen++;
	if (len >= 14 + 28 && be16(f + 12) == 0x0806)
		seen_arp(f + 14);
	else if (len >= 14 + 20 && be16(f + 12) == 0x0800 && f[14] >> 4 == 4)
		seen_udp(f + 14, len - 14);
	return true; /* nothing else should see the test's traffic */
}

/* Wait up to ms milliseconds for *flag, resending with send() every 500 ms. */
static bool wait_for(volatile bool *flag, int (*send)(struct netdev *), struct netdev *dev, int ms)
{
	uint64_t end = clock_ns() + (uint64_t)ms * 1000000, next = 0;
	while (!*flag && clock_ns() < end) {
		if (clock_ns() >= next) {
			int err = send(dev);
			if (err)
				printk("selftest virtio-net: xmit failed (%d)\n", err);
			next = clock_ns() + 500000000ULL;
		}
		thread_sleep_ns(1000000);
	}
	return *flag;
}

/* An ARP request, as two segments (the header and the rest) to use the gather path. */
static int send_arp(struct netdev *dev)
{
	uint8_t eth[14], arp[46] = { 0 };
	memcpy(eth, bcast, 6);
	memcpy(eth + 6, dev->mac, 6);
	put16(eth + 12, 0x0806);
	put16(arp, 1);          /* Ethernet */
	put16(arp + 2, 0x0800); /* IPv4 */
	arp[4] = 6, arp[5] = 4;
	put16(arp + 6, 1);      /* request */
	memcpy(arp + 8, dev->mac, 6);
	memcpy(arp + 14, my_ip, 4);
	memcpy(arp + 24, gw_ip, 4);
	const struct netdev_seg seg[2] = { { eth, sizeof(eth) }, { arp, sizeof(arp) } };
	return dev->xmit(dev, seg, 2);
}

/*
 * A DHCPDISCOVER from 0.0.0.0:68 to 255.255.255.255:67. With csum_tx the
 * UDP checksum is left to the device (the field holds the pseudo-header
 * sum, as the stack leaves it); slirp drops datagrams with bad checksums,
 * so an offer also shows the offload worked.
 */
static int send_dhcp(struct netdev *dev)
{
	static uint8_t f[14 + 20 + 8 + 300];
	uint8_t *ip = f + 14, *udp = ip + 20, *b = udp + 8;
	memset(f, 0, sizeof(f));
	memcpy(f, bcast, 6);
	memcpy(f + 6, dev->mac, 6);
	put16(f + 12, 0x0800);
	ip[0] = 0x45;
	put16(ip + 2, 20 + 8 + 300);
	ip[8] = 64, ip[9] = 17;
	memset(ip + 16, 0xff, 4);
	put16(ip + 10, (uint16_t)~fold(sum16(0, ip, 20)));
	put16(udp, 68);
	put16(udp + 2, 67);
	put16(udp + 4, 8 + 300);
	b[0] = 1, b[1] = 1, b[2] = 6;           /* BOOTREQUEST, Ethernet */
	b[4] = (uint8_t)(dhcp_xid >> 24), b[5] = (uint8_t)(dhcp_xid >> 16);
	b[6] = (uint8_t)(dhcp_xid >> 8), b[7] = (uint8_t)dhcp_xid;
	put16(b + 10, 0x8000);                  /* answer by broadcast */
	memcpy(b + 28, dev->mac, 6);
	memcpy(b + 236, "\x63\x82\x53\x63", 4);
	memcpy(b + 240, "\x35\x01\x01\x37\x03\x01\x03\x06\xff", 9); /* DISCOVER; ask mask, router, DNS */
	uint32_t pseudo = sum16(0, ip + 12, 8) + 17 + 8 + 300;
	if (dev->csum_tx) {
		put16(udp + 6, fold(pseudo));
	} else {
		uint16_t c = (uint16_t)~fold(sum16(pseudo, udp, 8 + 300));
		put16(udp + 6, c ? c : 0xffff);
	}
	const struct netdev_seg seg = { f, sizeof(f) };
	return dev->xmit(dev, &seg, 1);
}

/*
 * Many frames in flight: BURST requests, as fast as the transmit ring takes
 * them (-EAGAIN: it is full, wait a little), so both rings wrap around
 * several times; slirp answers each one.
 */
#define BURST 2000
static bool burst(struct netdev *dev, bool lenient)
{
	unsigned before = arp_replies, full = 0;
	uint64_t t0 = clock_ns();
	for (int i = 0; i < BURST; i++) {
		int err;
		while ((err = send_arp(dev)) == -EAGAIN) {
			full++;
			thread_sleep_ns(100000);
		}
		if (err) {
			printk("selftest virtio-net: xmit failed (%d)\n", err);
			return false;
		}
	}
	uint64_t end = clock_ns() + 5 * NSEC_PER_SEC;
	while (arp_replies - before < BURST && clock_ns() < end)
		thread_sleep_ns(1000000);
	unsigned got = arp_replies - before;
	printk("selftest virtio-net: burst of %d ARP requests: %u replies in %lu ms "
	       "(transmit ring full %u times)\n", BURST, got, (clock_ns() - t0) / 1000000, full);
	/* slirp answers every one; a host kernel behind a tap drops what overflows its backlog */
	return got >= BURST * 9 / 10 || (lenient && got > 0);
}

/*
 * A UDP datagram 10.0.2.15:5555 -> 10.0.2.2:5556. With csum_tx its checksum
 * field is left holding garbage: the driver must seed it itself (the host
 * side checks the finished checksum).
 */
static int send_udp(struct netdev *dev)
{
	static const char msg[] = "keel virtio-net checksum test";
	static uint8_t f[14 + 20 + 8 + sizeof(msg)];
	uint8_t *ip = f + 14, *udp = ip + 20;
	size_t ulen = 8 + sizeof(msg);
	memset(f, 0, sizeof(f));
	memcpy(f, gw_mac, 6);
	memcpy(f + 6, dev->mac, 6);
	put16(f + 12, 0x0800);
	ip[0] = 0x45;
	put16(ip + 2, 20 + ulen);
	ip[8] = 64, ip[9] = 17;
	memcpy(ip + 12, my_ip, 4);
	memcpy(ip + 16, gw_ip, 4);
	put16(ip + 10, (uint16_t)~fold(sum16(0, ip, 20)));
	put16(udp, 5555);
	put16(udp + 2, 5556);
	put16(udp + 4, ulen);
	memcpy(udp + 8, msg, sizeof(msg));
	uint32_t pseudo = sum16(0, ip + 12, 8) + 17 + ulen;
	if (dev->csum_tx) {
		put16(udp + 6, 0xdead);
	} else {
		uint16_t c = (uint16_t)~fold(sum16(pseudo, udp, ulen));
		put16(udp + 6, c ? c : 0xffff);
	}
	const struct netdev_seg seg = { f, sizeof(f) };
	return dev->xmit(dev, &seg, 1);
}

static void tap_mode(struct netdev *dev)
{
	bool ok = wait_for(&udp_raw_good, send_udp, dev, 5000);
	for (uint64_t end = clock_ns() + NSEC_PER_SEC; !udp_echo && clock_ns() < end;)
		thread_sleep_ns(1000000);
	printk("selftest virtio-net: UDP: echo %s, raw-good %s, bad-checksum %s\n",
	       udp_echo ? "received" : "missing", ok ? "received" : "missing",
	       udp_bad ? "RECEIVED (should have been dropped)" : "dropped");
	ST_CHECK(udp_echo && ok);
	if (dev->csum_rx)
		ST_CHECK(!udp_bad);
}

int selftest_virtio_net(const char *arg)
{
	int n = virtio_net_probe();
	struct netdev *dev = virtio_net_get(0);
	if (!dev) {
		printk("selftest virtio-net: no virtio-net device (attach one: tools/run --net user, or "
		       "qemu -netdev user,id=n0 -device virtio-net-device,netdev=n0)\n");
		return 1;
	}
	my_mac = dev->mac;
	printk("selftest virtio-net: %d device(s); %s %02x:%02x:%02x:%02x:%02x:%02x, checksum "
	       "offload tx %s rx %s\n", n, dev->name, my_mac[0], my_mac[1], my_mac[2], my_mac[3],
	       my_mac[4], my_mac[5], dev->csum_tx ? "on" : "off", dev->csum_rx ? "on" : "off");
	virtio_net_set_tap(tap);

	bool ok = wait_for(&arp_reply, send_arp, dev, 5000);
	if (ok)
		printk("selftest virtio-net: ARP reply: 10.0.2.2 is at %02x:%02x:%02x:%02x:%02x:%02x\n",
		       gw_mac[0], gw_mac[1], gw_mac[2], gw_mac[3], gw_mac[4], gw_mac[5]);
	else
		printk("selftest virtio-net: no ARP reply from 10.0.2.2 within 5 s\n");
	ST_CHECK(ok);
	if (ok)
		ST_CHECK(burst(dev, !strcmp(arg, "tap")));

	if (ok && !strcmp(arg, "tap")) {
		tap_mode(dev);
	} else if (ok) {
		dhcp_xid = (uint32_t)random_u64();
		ok = wait_for(&dhcp_offer, send_dhcp, dev, 5000);
		if (ok)
			printk("selftest virtio-net: DHCPOFFER of %u.%u.%u.%u from %u.%u.%u.%u\n",
			       offer_ip[0], offer_ip[1], offer_ip[2], offer_ip[3], offer_server[0],
			       offer_server[1], offer_server[2], offer_server[3]);
		else
			printk("selftest virtio-net: no DHCPOFFER within 5 s\n");
		ST_CHECK(ok);
	}
	virtio_net_set_tap(NULL);
	printk("selftest virtio-net: %u frames received\n", frames_seen);
	return 0;
}
