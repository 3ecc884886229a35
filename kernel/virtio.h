/*
 * virtio.h - virtio devices: the transports (virtio-mmio, virtio-pci) and
 * split virtqueues, as device drivers (net/virtio_net.c, later virtio-blk)
 * use them. The register layouts, feature bits and ring structures are the
 * Linux UAPI ones (<linux/virtio_*.h>); this header adds only keel's view.
 *
 * A driver calls virtio_probe(VIRTIO_ID_x, attach): every device of that
 * type found by any transport is reset and acknowledged, and attach(d)
 * runs for it. The driver then follows the virtio 1.x initialisation
 * sequence with the helpers below:
 *   virtio_negotiate(d, wanted)     features both sides have; FEATURES_OK
 *   virtq_init(...) per queue       rings allocated and given to the device
 *   virtio_request_irq(d, fn, arg)  the device's interrupt to fn(arg)
 *   virtio_driver_ok(d)             the device may start
 * and on failure virtio_fail(d).
 *
 * Modern (virtio 1.x, VIRTIO_F_VERSION_1) devices are preferred; a legacy
 * virtio-mmio device (version 1 registers, QEMU's default unless
 * -global virtio-mmio.force-legacy=false) works too: d->legacy tells the
 * driver (headers differ, e.g. virtio-net's is 10 bytes without VERSION_1
 * and MRG_RXBUF).
 *
 * Interrupt handlers: fn runs in interrupt context after the transport has
 * read and acknowledged the interrupt status (d->isr holds what it said:
 * VIRTIO_ISR_QUEUE, VIRTIO_ISR_CONFIG), so work that arrives while fn runs
 * raises a new interrupt rather than being lost.
 *
 * Nothing here locks: each virtqueue belongs to its driver, which says in
 * its own file who may touch it when.
 */
#ifndef KEEL_VIRTIO_H
#define KEEL_VIRTIO_H

#include <stdint.h>
#include <stdbool.h>
#include <stddef.h>
#include <linux/virtio_config.h>
#include <linux/virtio_ids.h>
#include <linux/virtio_ring.h>

struct virtio_dev;
struct virtq;

/* interrupt status bits, the same in virtio-mmio and virtio-pci */
#define VIRTIO_ISR_QUEUE 1
#define VIRTIO_ISR_CONFIG 2

struct virtio_transport {
	uint64_t (*get_features)(struct virtio_dev *d);
	void (*set_features)(struct virtio_dev *d, uint64_t features);
	uint8_t (*get_status)(struct virtio_dev *d);
	void (*set_status)(struct virtio_dev *d, uint8_t status); /* 0 resets */
	void (*read_config)(struct virtio_dev *d, unsigned off, void *buf, unsigned len);
	unsigned (*queue_max)(struct virtio_dev *d, unsigned index); /* 0: no such queue */
	int (*queue_enable)(struct virtio_dev *d, struct virtq *q);
	void (*notify)(struct virtq *q);
	int (*request_irq)(struct virtio_dev *d);
	uint32_t (*ack_irq)(struct virtio_dev *d); /* read and acknowledge the ISR bits */
};

struct virtio_dev {
	const struct virtio_transport *t;
	void *tp;              /* the transport's own state */
	char where[80];        /* "virtio-mmio@0xfeb02e00 (virtio 1.x, GSI 47 level, from ACPI)" */
	uint32_t device_id;    /* VIRTIO_ID_* */
	bool legacy;           /* pre-1.0 interface (no VIRTIO_F_VERSION_1) */
	uint64_t features;     /* negotiated */
	void (*irq_fn)(void *arg);
	void *irq_arg;
	uint32_t isr;          /* the ISR bits of the interrupt being handled */
	uint64_t interrupts;
};

static inline bool virtio_has(const struct virtio_dev *d, unsigned bit)
{
	return d->features & (1ULL << bit);
}

/* virtio_mmio.c / virtio_pci.c: the transports' device lists (found once) */
int virtio_mmio_find(struct virtio_dev **out, int max);
int virtio_pci_find(struct virtio_dev **out, int max);

/* virtqueue.c: the common device steps */
/*
 * Call attach(d) for every device with that id (reset and acknowledged
 * first; attach continues the initialisation). Boot code only.
 * Return: how many attach calls returned 0.
 */
int virtio_probe(uint32_t device_id, int (*attach)(struct virtio_dev *d));
/*
 * Offer wanted & what the device has (VIRTIO_F_VERSION_1 is added for a
 * modern device), set FEATURES_OK and check that the device kept it.
 * Return: 0 (d->features set) or -EIO.
 */
int virtio_negotiate(struct virtio_dev *d, uint64_t wanted);
int virtio_request_irq(struct virtio_dev *d, void (*fn)(void *arg), void *arg);
void virtio_driver_ok(struct virtio_dev *d);
void virtio_fail(struct virtio_dev *d);
void virtio_read_config(struct virtio_dev *d, unsigned off, void *buf, unsigned len);
void virtio_interrupt(struct virtio_dev *d); /* the transports' handlers end here */

/*
 * struct virtq - one split virtqueue. The rings live in one physically
 * contiguous, zeroed block laid out as legacy devices need it (descriptors,
 * available ring, used ring at the next page), which modern ones accept too.
 */
struct virtq {
	struct virtio_dev *dev;
	unsigned index;
	uint16_t size;             /* entries, a power of two */
	struct vring vr;           /* desc, avail, used (direct-map addresses) */
	uint64_t ring_pa;
	unsigned ring_order;       /* palloc order of the block */
	uint16_t free_head;        /* chain of free descriptors through .next */
	uint16_t num_free;
	uint16_t avail_idx;        /* our copy of avail->idx */
	uint16_t last_used;        /* next used-ring entry to look at */
	uint16_t added;            /* published since the last kick */
	void **cookie;             /* per head descriptor: the driver's token */
	volatile void *notify_at;  /* transport: where to write the notification */
	uint32_t notify_val;
};

/* one buffer of a chain: device-readable (out) ones first, then writable (in) */
struct virtq_buf {
	uint64_t pa;
	uint32_t len;
};

/*
 * Allocate a queue of at most max entries (and at most what the device
 * allows) and give it to the device. Return: 0, -ENOENT (no such queue),
 * -ENOMEM, -EIO.
 */
int virtq_init(struct virtq *q, struct virtio_dev *d, unsigned index, unsigned max);
/*
 * Put a chain of nout device-readable then nin device-writable buffers on
 * the available ring; cookie (non-NULL) comes back from virtq_get_used.
 * The device may look at it at once but is not notified until virtq_kick.
 * Return: 0 or -ENOSPC (not enough free descriptors).
 */
int virtq_add(struct virtq *q, const struct virtq_buf *b, unsigned nout, unsigned nin, void *cookie);
/* Notify the device of what was added, unless it asked not to be. */
void virtq_kick(struct virtq *q);
/* The next chain the device is done with: its cookie, *len bytes written. NULL: none. */
void *virtq_get_used(struct virtq *q, uint32_t *len);
/* Ask the device not to interrupt for this queue (a hint, VRING_AVAIL_F_NO_INTERRUPT). */
void virtq_no_interrupts(struct virtq *q, bool off);

/*
 * net/virtio_net.c, beyond virtio_net_probe() (net.h): for its self-test
 * (kernel/selftest_net.c). A tap sees every received frame first, in
 * interrupt context; returning true keeps the frame from netdev_input.
 */
struct netdev;
typedef bool (*virtio_net_tap_t)(struct netdev *dev, const void *frame, size_t len);
struct netdev *virtio_net_get(unsigned i); /* the i'th device probed, or NULL */
void virtio_net_set_tap(virtio_net_tap_t fn); /* NULL: none */

#endif
