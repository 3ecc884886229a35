/*
 * virtio_mmio.c - the virtio-mmio transport (virtio 1.x section 4.2):
 * finding the devices and the register interface of each.
 *
 * Finding them. A virtio-mmio device is a 512-byte register window plus one
 * interrupt line, and nothing on the bus says where either is, so keel
 * asks, in this order:
 *  1. the command line: "virtio_mmio.device=SIZE@BASE:IRQ" words, as
 *     Linux takes them (Firecracker passes its devices this way; QEMU 7.2
 *     microvm appends " virtio_mmio.device=512@0xfeb00e00:12" per device
 *     to the end of the command line with acpi=off, none with ACPI, its
 *     default, or with auto-kernel-cmdline=off);
 *  2. the ACPI DSDT: QEMU microvm (acpi=on, its default) declares each
 *     device as an LNRO0005 object whose _CRS is a Memory32Fixed window
 *     followed by an Extended Interrupt (GSI, level, active high). keel
 *     does not run AML; it looks for that pair of resource descriptors;
 *  3. no ACPI at all: QEMU microvm's fixed layout, from its source
 *     (hw/i386/microvm.c) and checked here: 8 slots of 512 bytes from
 *     0xfeb00000, slot i on GSI 5 + i. (If the DSDT names LNRO0005
 *     devices but their resources were not recognised, the same window is
 *     probed with the ACPI-era rule: GSI 24 + i when a second I/O APIC
 *     serves GSIs 24..47, else 16 + i.)
 * Each candidate must answer with the magic "virt" and a known version;
 * device ID 0 is an empty slot.
 *
 * Interrupts: the device raises its line while its interrupt status is
 * non-zero (QEMU: level = isr != 0), so it is routed level-triggered as the
 * DSDT says (devices from the command line: edge, as Linux takes them).
 * Either works because the handler reads the status and acknowledges it
 * before the driver looks at the queues: whatever the device adds after
 * the acknowledgement raises the line again (a new edge, or a level still
 * high at EOI), so nothing is left waiting.
 *
 * Version 2 registers are the modern interface; version 1 (QEMU's default
 * for virtio-mmio unless -global virtio-mmio.force-legacy=false) is the
 * legacy one with page-frame queue addresses, also supported.
 */
#include "virtio.h"
#include "irq.h"
#include "klib.h"
#include "mm.h"
#include "loader.h"
#include <linux/virtio_mmio.h>
#include <asm-generic/errno-base.h>

#define MMIO_MAGIC 0x74726976 /* "virt" */
#define MMIO_MAX 32
#define MICROVM_BASE 0xfeb00000UL
#define MICROVM_SLOT 512

/* ACPI small/large resource descriptors in a _CRS buffer */
#define ACPI_MEM32_FIXED 0x86
#define ACPI_EXT_IRQ 0x89
#define ACPI_EXT_IRQ_EDGE 0x02
#define ACPI_EXT_IRQ_LOW 0x04

struct mmio_dev {
	struct virtio_dev d;
	volatile uint8_t *regs;
	uint64_t pa;
	unsigned gsi, irq_flags;
};

static struct mmio_dev devs[MMIO_MAX];
static int nr_devs;
static bool searched;

static uint32_t rd(struct mmio_dev *m, unsigned off) { return *(volatile uint32_t *)(m->regs + off); }
static void wr(struct mmio_dev *m, unsigned off, uint32_t v) { *(volatile uint32_t *)(m->regs + off) = v; }
static struct mmio_dev *M(struct virtio_dev *d) { return container_of(d, struct mmio_dev, d); }

static uint64_t mmio_get_features(struct virtio_dev *d)
{
	struct mmio_dev *m = M(d);
	wr(m, VIRTIO_MMIO_DEVICE_FEATURES_SEL, 0);
	uint64_t f = rd(m, VIRTIO_MMIO_DEVICE_FEATURES);
	if (!d->legacy) {
		wr(m, VIRTIO_MMIO_DEVICE_FEATURES_SEL, 1);
		f |= (uint64_t)rd(m, VIRTIO_MMIO_DEVICE_FEATURES) << 32;
	}
	return f;
}

static void mmio_set_features(struct virtio_dev *d, uint64_t f)
{
	struct mmio_dev *m = M(d);
	wr(m, VIRTIO_MMIO_DRIVER_FEATURES_SEL, 0);
	wr(m, VIRTIO_MMIO_DRIVER_FEATURES, (uint32_t)f);
	wr(m, VIRTIO_MMIO_DRIVER_FEATURES_SEL, 1);
	wr(m, VIRTIO_MMIO_DRIVER_FEATURES, (uint32_t)(f >> 32));
	if (d->legacy) /* the unit of QUEUE_PFN */
		wr(m, VIRTIO_MMIO_GUEST_PAGE_SIZE, PAGE_SIZE);
}

static uint8_t mmio_get_status(struct virtio_dev *d) { return (uint8_t)rd(M(d), VIRTIO_MMIO_STATUS); }
static void mmio_set_status(struct virtio_dev *d, uint8_t s) { wr(M(d), VIRTIO_MMIO_STATUS, s); }

/* Byte by byte; a modern device's generation counter says whether a multi-byte
 * field changed under us, and then we read again. */
static void mmio_read_config(struct virtio_dev *d, unsigned off, void *buf, unsigned len)
{
	struct mmio_dev *m = M(d);
	uint32_t gen;
	do {
		gen = d->legacy ? 0 : rd(m, VIRTIO_MMIO_CONFIG_GENERATION);
		for (unsigned i = 0; i < len; i++)
			((uint8_t *)buf)[i] = *(volatile uint8_t *)(m->regs + VIRTIO_MMIO_CONFIG + off + i);
	} while (!d->legacy && gen != rd(m, VIRTIO_MMIO_CONFIG_GENERATION));
}

static unsigned mmio_queue_max(struct virtio_dev *d, unsigned index)
{
	struct mmio_dev *m = M(d);
	wr(m, VIRTIO_MMIO_QUEUE_SEL, index);
	if (!d->legacy && rd(m, VIRTIO_MMIO_QUEUE_READY))
		return 0; /* already in use: not ours to set up */
	if (d->legacy && rd(m, VIRTIO_MMIO_QUEUE_PFN))
		return 0;
	return rd(m, VIRTIO_MMIO_QUEUE_NUM_MAX);
}

static int mmio_queue_enable(struct virtio_dev *d, struct virtq *q)
{
	struct mmio_dev *m = M(d);
	wr(m, VIRTIO_MMIO_QUEUE_SEL, q->index);
	wr(m, VIRTIO_MMIO_QUEUE_NUM, q->size);
	if (d->legacy) {
		/* one block: descriptors, avail, used at the next QUEUE_ALIGN boundary */
		wr(m, VIRTIO_MMIO_QUEUE_ALIGN, PAGE_SIZE);
		wr(m, VIRTIO_MMIO_QUEUE_PFN, (uint32_t)(q->ring_pa >> PAGE_SHIFT));
	} else {
		uint64_t desc = va_to_pa(q->vr.desc), avail = va_to_pa(q->vr.avail),
			 used = va_to_pa(q->vr.used);
		wr(m, VIRTIO_MMIO_QUEUE_DESC_LOW, (uint32_t)desc);
		wr(m, VIRTIO_MMIO_QUEUE_DESC_HIGH, (uint32_t)(desc >> 32));
		wr(m, VIRTIO_MMIO_QUEUE_AVAIL_LOW, (uint32_t)avail);
		wr(m, VIRTIO_MMIO_QUEUE_AVAIL_HIGH, (uint32_t)(avail >> 32));
		wr(m, VIRTIO_MMIO_QUEUE_USED_LOW, (uint32_t)used);
		wr(m, VIRTIO_MMIO_QUEUE_USED_HIGH, (uint32_t)(used >> 32));
		wr(m, VIRTIO_MMIO_QUEUE_READY, 1);
	}
	q->notify_at = m->regs + VIRTIO_MMIO_QUEUE_NOTIFY;
	q->notify_val = q->index;
	return 0;
}

static void mmio_notify(struct virtq *q)
{
	*(volatile uint32_t *)q->notify_at = q->notify_val;
}

static uint32_t mmio_ack_irq(struct virtio_dev *d)
{
	struct mmio_dev *m = M(d);
	uint32_t isr = rd(m, VIRTIO_MMIO_INTERRUPT_STATUS);
	if (isr)
		wr(m, VIRTIO_MMIO_INTERRUPT_ACK, isr);
	return isr;
}

static void mmio_irq(void *arg)
{
	virtio_interrupt(arg);
}

static int mmio_request_irq(struct virtio_dev *d)
{
	struct mmio_dev *m = M(d);
	int v = irq_request_gsi(m->gsi, m->irq_flags, mmio_irq, d);
	return v < 0 ? v : 0;
}

static const struct virtio_transport mmio_transport = {
	.get_features = mmio_get_features,
	.set_features = mmio_set_features,
	.get_status = mmio_get_status,
	.set_status = mmio_set_status,
	.read_config = mmio_read_config,
	.queue_max = mmio_queue_max,
	.queue_enable = mmio_queue_enable,
	.notify = mmio_notify,
	.request_irq = mmio_request_irq,
	.ack_irq = mmio_ack_irq,
};

/* A candidate window: keep it if a device answers there. */
static void consider(uint64_t pa, unsigned gsi, unsigned flags, const char *how)
{
	for (int i = 0; i < nr_devs; i++)
		if (devs[i].pa == pa)
			return;
	if (nr_devs == MMIO_MAX)
		return;
	struct mmio_dev *m = &devs[nr_devs];
	m->regs = mmio_map(pa, MICROVM_SLOT);
	if (!m->regs)
		return;
	uint32_t magic = rd(m, VIRTIO_MMIO_MAGIC_VALUE), ver = rd(m, VIRTIO_MMIO_VERSION);
	uint32_t id = rd(m, VIRTIO_MMIO_DEVICE_ID);
	if (magic != MMIO_MAGIC || (ver != 1 && ver != 2) || id == 0)
		return;
	m->pa = pa;
	m->gsi = gsi;
	m->irq_flags = flags;
	m->d.t = &mmio_transport;
	m->d.tp = m;
	m->d.device_id = id;
	m->d.legacy = ver == 1;
	/* drivers print this once they have the device up: say everything here */
	snprintf(m->d.where, sizeof(m->d.where), "virtio-mmio@%#lx (%s, GSI %u %s, from %s)", pa,
		 ver == 1 ? "legacy" : "virtio 1.x", gsi, flags & IRQ_LEVEL ? "level" : "edge", how);
	nr_devs++;
}

/* A decimal or 0x-hex number at *p; *p moves past it. */
static uint64_t parse_num(const char **p)
{
	const char *s = *p;
	uint64_t v = 0;
	unsigned base = 10;
	if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))
		base = 16, s += 2;
	for (;; s++) {
		unsigned d;
		if (*s >= '0' && *s <= '9')
			d = *s - '0';
		else if (base == 16 && (*s | 0x20) >= 'a' && (*s | 0x20) <= 'f')
			d = (*s | 0x20) - 'a' + 10;
		else
			break;
		v = v * base + d;
	}
	*p = s;
	return v;
}

/*
 * "virtio_mmio.device=512@0xfeb00e00:12" words (the size may end in K or M).
 * By now cmdline_parse has cut the line into NUL-terminated words in
 * place (it skips these), so the whole buffer is searched, NUL or space
 * ending a word; what follows the original line is zeroes.
 */
static void from_cmdline(void)
{
	static const char key[] = "virtio_mmio.device=";
	const char *line = boot_info.cmdline;
	for (size_t i = 0; i + sizeof(key) < BOOT_CMDLINE_MAX; i++) {
		if ((i > 0 && line[i - 1] && line[i - 1] != ' ') || strncmp(line + i, key, sizeof(key) - 1))
			continue;
		const char *p = line + i + sizeof(key) - 1;
		uint64_t size = parse_num(&p), base, irq;
		if (*p == 'K' || *p == 'k')
			size <<= 10, p++;
		else if (*p == 'M' || *p == 'm')
			size <<= 20, p++;
		if (*p++ != '@')
			continue;
		base = parse_num(&p);
		if (*p++ != ':')
			continue;
		irq = parse_num(&p);
		/* edge: what Linux assumes for these, and right for Firecracker's
		 * pulsed lines; QEMU's level line works too (see the top) */
		if (size)
			consider(base, (unsigned)irq, IRQ_EDGE, "the command line");
	}
}

/* ACPI: an LNRO0005 object's Memory32Fixed(512 bytes) + Extended Interrupt pair */
static void from_dsdt(const uint8_t *t, uint32_t len)
{
	for (uint32_t i = 64; i + 12 + 9 <= len; i++) {
		if (t[i] != ACPI_MEM32_FIXED || t[i + 1] != 9 || t[i + 2] != 0)
			continue;
		const uint8_t *irq = t + i + 12;
		uint32_t base, size, gsi;
		memcpy(&base, t + i + 4, 4);
		memcpy(&size, t + i + 8, 4);
		if (size != MICROVM_SLOT || irq[0] != ACPI_EXT_IRQ || irq[1] < 6 || irq[4] < 1)
			continue;
		bool named = false; /* only windows the AML says are virtio-mmio */
		for (uint32_t k = i - 64; k + 8 <= i && !named; k++)
			named = !memcmp(t + k, "LNRO0005", 8);
		if (!named)
			continue;
		memcpy(&gsi, irq + 5, 4);
		unsigned flags = (irq[3] & ACPI_EXT_IRQ_EDGE ? IRQ_EDGE : IRQ_LEVEL) |
				 (irq[3] & ACPI_EXT_IRQ_LOW ? IRQ_ACTIVE_LOW : 0);
		consider(base, gsi, flags, "ACPI");
	}
}

static bool mentions(const uint8_t *t, uint32_t len, const char *s)
{
	size_t n = strlen(s);
	for (uint32_t i = 0; i + n <= len; i++)
		if (!memcmp(t + i, s, n))
			return true;
	return false;
}

/* QEMU microvm's fixed layout (hw/i386/microvm.c, QEMU 5.2 to 7.2 at least) */
static void from_window(bool acpi)
{
	unsigned first_gsi = 5, slots = 8;
	if (acpi && ioapic_has_gsi(24))
		first_gsi = 24, slots = 24;
	else if (acpi)
		first_gsi = 16;
	/* QEMU fills the slots from the top, in -device order: keep that order */
	for (unsigned i = slots; i-- > 0;)
		consider(MICROVM_BASE + i * MICROVM_SLOT, first_gsi + i, IRQ_LEVEL,
			 "microvm's layout");
}

int virtio_mmio_find(struct virtio_dev **out, int max)
{
	if (!searched) {
		searched = true;
		uint32_t len;
		from_cmdline();
		const uint8_t *dsdt = acpi_table("DSDT", 0, &len);
		if (dsdt)
			from_dsdt(dsdt, len);
		/*
		 * The fixed window is read only where it must be microvm's: with
		 * no ACPI at all (q35 and pc always have it, and there PCI BARs
		 * may sit at those addresses), or when the DSDT names virtio-mmio
		 * devices in a form from_dsdt did not recognise.
		 */
		if (nr_devs == 0 && (!dsdt || mentions(dsdt, len, "LNRO0005")))
			from_window(dsdt != NULL);
	}
	int n = 0;
	for (int i = 0; i < nr_devs && n < max; i++)
		out[n++] = &devs[i].d;
	return n;
}
