/*
 * virtio_pci.c - the virtio-pci transport, modern interface only (virtio
 * 1.x section 4.1), for QEMU q35/pc: finding the devices on the PCI buses
 * and the register interface of each.
 *
 * A virtio-pci device (vendor 0x1af4) describes its registers with
 * vendor-specific PCI capabilities, each naming a BAR, an offset and a
 * length: common configuration (features, status, queue setup), notify
 * (one doorbell per queue at queue_notify_off * notify_off_multiplier),
 * ISR status, and the device's own configuration. Devices with only the
 * legacy I/O-port interface are skipped with a message (QEMU gives a
 * modern interface to every virtio device on a PCIe bus, i.e. on q35).
 *
 * Interrupts are MSI-X: one vector for the device's configuration changes
 * and all its queues (table entry 0), sent straight to the boot CPU's local
 * APIC, so no I/O APIC is involved and the ISR register is not read (with
 * MSI-X the spec has the driver leave it alone). A device without MSI-X is
 * refused; QEMU's virtio-pci devices always have it.
 *
 * PCI configuration space is reached through the 0xcf8/0xcfc ports (every
 * PC chipset has them, q35's ECAM is not needed for bus 0-255 with offsets
 * below 256). Only boot code calls this file, so the address/data pair
 * needs no lock. When a second PCI driver comes, the configuration-space
 * half of this file becomes kernel/pci.c.
 */
#include "virtio.h"
#include "irq.h"
#include "cpu.h"
#include "klib.h"
#include "mm.h"
#include "time.h"
#include <linux/pci_regs.h>
#include <linux/virtio_pci.h>
#include <asm-generic/errno-base.h>

#define PCI_CONFIG_ADDRESS 0xcf8
#define PCI_CONFIG_DATA 0xcfc
#define VIRTIO_PCI_VENDOR 0x1af4
#define PCI_MAX 16
#define MSI_ADDRESS 0xfee00000u /* the local APICs' window; destination ID in bits 12-19 */

struct pci_vdev {
	struct virtio_dev d;
	unsigned bdf;                              /* bus << 8 | device << 3 | function */
	volatile struct virtio_pci_common_cfg *common;
	volatile uint8_t *isr, *devcfg, *notify;
	uint32_t notify_mult;
	unsigned msix_cap;                         /* its offset in config space; 0: none */
	volatile uint32_t *msix_table;
};

static struct pci_vdev devs[PCI_MAX];
static int nr_devs;
static bool searched;

static inline uint32_t inl(uint16_t port)
{
	uint32_t v;
	__asm__ volatile("inl %1, %0" : "=a"(v) : "Nd"(port));
	return v;
}
static inline void outw(uint16_t port, uint16_t v) { __asm__ volatile("outw %0, %1" ::"a"(v), "Nd"(port)); }

static void cfg_select(unsigned bdf, unsigned off)
{
	outl(PCI_CONFIG_ADDRESS, 0x80000000u | bdf << 8 | (off & 0xfc));
}
static uint32_t cfg_read32(unsigned bdf, unsigned off)
{
	cfg_select(bdf, off);
	return inl(PCI_CONFIG_DATA);
}
static uint16_t cfg_read16(unsigned bdf, unsigned off)
{
	return (uint16_t)(cfg_read32(bdf, off) >> ((off & 2) * 8));
}
static uint8_t cfg_read8(unsigned bdf, unsigned off)
{
	return (uint8_t)(cfg_read32(bdf, off) >> ((off & 3) * 8));
}
/* 16 bits exactly: the status register next to the command one clears bits written as 1 */
static void cfg_write16(unsigned bdf, unsigned off, uint16_t v)
{
	cfg_select(bdf, off);
	outw(PCI_CONFIG_DATA + (off & 2), v);
}

static struct pci_vdev *P(struct virtio_dev *d) { return container_of(d, struct pci_vdev, d); }

static uint64_t pci_get_features(struct virtio_dev *d)
{
	volatile struct virtio_pci_common_cfg *c = P(d)->common;
	c->device_feature_select = 0;
	uint64_t f = c->device_feature;
	c->device_feature_select = 1;
	return f | (uint64_t)c->device_feature << 32;
}

static void pci_set_features(struct virtio_dev *d, uint64_t f)
{
	volatile struct virtio_pci_common_cfg *c = P(d)->common;
	c->guest_feature_select = 0;
	c->guest_feature = (uint32_t)f;
	c->guest_feature_select = 1;
	c->guest_feature = (uint32_t)(f >> 32);
}

static uint8_t pci_get_status(struct virtio_dev *d) { return P(d)->common->device_status; }
static void pci_set_status(struct virtio_dev *d, uint8_t s) { P(d)->common->device_status = s; }

static void pci_read_config(struct virtio_dev *d, unsigned off, void *buf, unsigned len)
{
	struct pci_vdev *p = P(d);
	uint8_t gen;
	do {
		gen = p->common->config_generation;
		for (unsigned i = 0; i < len; i++)
			((uint8_t *)buf)[i] = p->devcfg[off + i];
	} while (gen != p->common->config_generation);
}

static unsigned pci_queue_max(struct virtio_dev *d, unsigned index)
{
	volatile struct virtio_pci_common_cfg *c = P(d)->common;
	if (index >= c->num_queues)
		return 0;
	c->queue_select = (uint16_t)index;
	return c->queue_enable ? 0 : c->queue_size;
}

static int pci_queue_enable(struct virtio_dev *d, struct virtq *q)
{
	struct pci_vdev *p = P(d);
	volatile struct virtio_pci_common_cfg *c = p->common;
	uint64_t desc = va_to_pa(q->vr.desc), avail = va_to_pa(q->vr.avail), used = va_to_pa(q->vr.used);
	c->queue_select = (uint16_t)q->index;
	c->queue_size = q->size;
	c->queue_desc_lo = (uint32_t)desc;
	c->queue_desc_hi = (uint32_t)(desc >> 32);
	c->queue_avail_lo = (uint32_t)avail;
	c->queue_avail_hi = (uint32_t)(avail >> 32);
	c->queue_used_lo = (uint32_t)used;
	c->queue_used_hi = (uint32_t)(used >> 32);
	c->queue_msix_vector = 0; /* every queue on MSI-X entry 0 (programmed by request_irq) */
	if (c->queue_msix_vector != 0)
		return -EIO;
	q->notify_at = p->notify + (size_t)c->queue_notify_off * p->notify_mult;
	q->notify_val = q->index;
	c->queue_enable = 1;
	return 0;
}

static void pci_notify(struct virtq *q)
{
	*(volatile uint16_t *)q->notify_at = (uint16_t)q->notify_val;
}

static uint32_t pci_ack_irq(struct virtio_dev *d)
{
	(void)d;
	return VIRTIO_ISR_QUEUE; /* MSI-X: no ISR, and configuration changes look like queue work */
}

static void pci_irq(void *arg)
{
	virtio_interrupt(arg);
}

static int pci_request_irq(struct virtio_dev *d)
{
	struct pci_vdev *p = P(d);
	int v = irq_request_vector(pci_irq, d);
	if (v < 0)
		return v;
	volatile uint32_t *e = p->msix_table; /* entry 0 */
	e[PCI_MSIX_ENTRY_LOWER_ADDR / 4] = MSI_ADDRESS | apic_id() << 12;
	e[PCI_MSIX_ENTRY_UPPER_ADDR / 4] = 0;
	e[PCI_MSIX_ENTRY_DATA / 4] = (uint32_t)v; /* fixed delivery, edge */
	e[PCI_MSIX_ENTRY_VECTOR_CTRL / 4] = 0;    /* unmasked */
	uint16_t ctl = cfg_read16(p->bdf, p->msix_cap + PCI_MSIX_FLAGS);
	cfg_write16(p->bdf, p->msix_cap + PCI_MSIX_FLAGS,
		    (ctl | PCI_MSIX_FLAGS_ENABLE) & ~PCI_MSIX_FLAGS_MASKALL);
	p->common->msix_config = 0;
	return p->common->msix_config == 0 ? 0 : -EIO;
}

static const struct virtio_transport pci_transport = {
	.get_features = pci_get_features,
	.set_features = pci_set_features,
	.get_status = pci_get_status,
	.set_status = pci_set_status,
	.read_config = pci_read_config,
	.queue_max = pci_queue_max,
	.queue_enable = pci_queue_enable,
	.notify = pci_notify,
	.request_irq = pci_request_irq,
	.ack_irq = pci_ack_irq,
};

/* A memory BAR's physical address, or 0 (an I/O BAR, or none). */
static uint64_t bar_address(unsigned bdf, unsigned bar)
{
	if (bar > 5)
		return 0;
	uint32_t lo = cfg_read32(bdf, PCI_BASE_ADDRESS_0 + 4 * bar);
	if (lo & PCI_BASE_ADDRESS_SPACE_IO)
		return 0;
	uint64_t a = lo & PCI_BASE_ADDRESS_MEM_MASK;
	if ((lo & PCI_BASE_ADDRESS_MEM_TYPE_MASK) == PCI_BASE_ADDRESS_MEM_TYPE_64 && bar < 5)
		a |= (uint64_t)cfg_read32(bdf, PCI_BASE_ADDRESS_0 + 4 * bar + 4) << 32;
	return a;
}

/* The registers a virtio capability at cap points to, mapped. */
static volatile uint8_t *map_cap(unsigned bdf, unsigned cap)
{
	uint64_t base = bar_address(bdf, cfg_read8(bdf, cap + VIRTIO_PCI_CAP_BAR));
	uint32_t off = cfg_read32(bdf, cap + VIRTIO_PCI_CAP_OFFSET);
	uint32_t len = cfg_read32(bdf, cap + VIRTIO_PCI_CAP_LENGTH);
	return base && len ? mmio_map(base + off, len) : NULL;
}

/* Walk the capability list: the first usable one of each virtio type, and MSI-X. */
static void read_caps(struct pci_vdev *p)
{
	unsigned bdf = p->bdf, cap = 0;
	if (cfg_read16(bdf, PCI_STATUS) & PCI_STATUS_CAP_LIST)
		cap = cfg_read8(bdf, PCI_CAPABILITY_LIST) & ~3u;
	for (int n = 0; cap && n < 48; n++, cap = cfg_read8(bdf, cap + PCI_CAP_LIST_NEXT) & ~3u) {
		uint8_t id = cfg_read8(bdf, cap);
		if (id == PCI_CAP_ID_MSIX && !p->msix_cap) {
			uint32_t t = cfg_read32(bdf, cap + PCI_MSIX_TABLE);
			uint64_t base = bar_address(bdf, t & PCI_MSIX_TABLE_BIR);
			unsigned entries = (cfg_read16(bdf, cap + PCI_MSIX_FLAGS) & PCI_MSIX_FLAGS_QSIZE) + 1;
			if (base)
				p->msix_table = mmio_map(base + (t & PCI_MSIX_TABLE_OFFSET),
							 entries * PCI_MSIX_ENTRY_SIZE);
			if (p->msix_table)
				p->msix_cap = cap;
		}
		if (id != PCI_CAP_ID_VNDR)
			continue;
		switch (cfg_read8(bdf, cap + VIRTIO_PCI_CAP_CFG_TYPE)) {
		case VIRTIO_PCI_CAP_COMMON_CFG:
			if (!p->common)
				p->common = (volatile void *)map_cap(bdf, cap);
			break;
		case VIRTIO_PCI_CAP_NOTIFY_CFG:
			if (!p->notify) {
				p->notify = map_cap(bdf, cap);
				p->notify_mult = cfg_read32(bdf, cap + sizeof(struct virtio_pci_cap));
			}
			break;
		case VIRTIO_PCI_CAP_ISR_CFG:
			if (!p->isr)
				p->isr = map_cap(bdf, cap);
			break;
		case VIRTIO_PCI_CAP_DEVICE_CFG:
			if (!p->devcfg)
				p->devcfg = map_cap(bdf, cap);
			break;
		}
	}
}

static void consider(unsigned bdf, uint16_t pci_id)
{
	/* 0x1040 + id: virtio 1.x only; 0x1000..0x103f: transitional, id in the subsystem */
	uint32_t id = pci_id >= 0x1040 ? pci_id - 0x1040u : cfg_read16(bdf, PCI_SUBSYSTEM_ID);
	if (nr_devs == PCI_MAX || pci_id < 0x1000 || pci_id > 0x107f)
		return;
	struct pci_vdev *p = &devs[nr_devs];
	memset(p, 0, sizeof(*p));
	p->bdf = bdf;
	cfg_write16(bdf, PCI_COMMAND, cfg_read16(bdf, PCI_COMMAND) | PCI_COMMAND_MEMORY |
				      PCI_COMMAND_MASTER | PCI_COMMAND_INTX_DISABLE);
	read_caps(p);
	if (!p->common || !p->notify || !p->isr || !p->msix_cap) {
		printk("virtio-pci: %02x:%02x.%x (device %u): %s, skipped\n", bdf >> 8, (bdf >> 3) & 31,
		       bdf & 7, id, !p->common ? "no virtio 1.x interface (legacy only)" : "no MSI-X");
		return;
	}
	p->d.t = &pci_transport;
	p->d.tp = p;
	p->d.device_id = id;
	snprintf(p->d.where, sizeof(p->d.where), "virtio-pci %02x:%02x.%x (virtio 1.x, MSI-X)",
		 bdf >> 8, (bdf >> 3) & 31, bdf & 7);
	nr_devs++;
}

/* Every function on bus (and behind its bridges, depth-first). */
static void scan_bus(unsigned bus, int depth)
{
	for (unsigned dev = 0; dev < 32; dev++) {
		for (unsigned fn = 0; fn < 8; fn++) {
			unsigned bdf = bus << 8 | dev << 3 | fn;
			uint32_t ids = cfg_read32(bdf, PCI_VENDOR_ID);
			if ((ids & 0xffff) == 0xffff) {
				if (fn == 0)
					break;
				continue;
			}
			uint8_t type = cfg_read8(bdf, PCI_HEADER_TYPE);
			if ((ids & 0xffff) == VIRTIO_PCI_VENDOR)
				consider(bdf, (uint16_t)(ids >> 16));
			if ((type & PCI_HEADER_TYPE_MASK) == PCI_HEADER_TYPE_BRIDGE && depth < 8) {
				unsigned sec = cfg_read8(bdf, PCI_SECONDARY_BUS);
				if (sec > bus)
					scan_bus(sec, depth + 1);
			}
			if (fn == 0 && !(type & 0x80)) /* not multi-function */
				break;
		}
	}
}

int virtio_pci_find(struct virtio_dev **out, int max)
{
	if (!searched) {
		searched = true;
		/* no host bridge at 00:00.0 (microvm): no PCI, and no 8192 futile probes */
		if ((cfg_read32(0, PCI_VENDOR_ID) & 0xffff) != 0xffff)
			scan_bus(0, 0);
	}
	int n = 0;
	for (int i = 0; i < nr_devs && n < max; i++)
		out[n++] = &devs[i].d;
	return n;
}
