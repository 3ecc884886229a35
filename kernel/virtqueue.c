/*
 * virtqueue.c - what every virtio device shares whatever its transport:
 * finding devices of a type, the status and feature handshake (virtio 1.x
 * section 3.1), interrupts, and split virtqueues (section 2.7).
 *
 * A split virtqueue is three rings in guest memory: the descriptor table
 * (buffers: address, length, flags, next), the available ring (heads of
 * chains the driver offers, written by us) and the used ring (heads the
 * device is done with and how much it wrote, written by the device). Free
 * descriptors are kept on a list threaded through their own .next fields.
 *
 * Memory ordering (x86: stores are not reordered with stores, nor loads
 * with loads, so only store->load needs a fence):
 *   (A) virtq_add writes the ring entry before the index that publishes it;
 *       the device reads the index, then the entry.
 *   (B) virtq_kick makes the new avail->idx globally visible before it reads
 *       used->flags; the device writes used->flags before it reads avail->idx
 *       for the last time, so one of the two sides sees the other's store.
 *   (C) virtq_get_used reads used->idx before the entries it publishes; the
 *       device writes the entries first (the mirror of A).
 */
#include "virtio.h"
#include "cpu.h"
#include "klib.h"
#include "mm.h"
#include <asm-generic/errno-base.h>

#define compiler_barrier() __asm__ volatile("" ::: "memory")
#define full_barrier() __asm__ volatile("mfence" ::: "memory")

#define MAX_DEVICES 32

int virtio_probe(uint32_t device_id, int (*attach)(struct virtio_dev *d))
{
	struct virtio_dev *all[MAX_DEVICES];
	int n = virtio_mmio_find(all, MAX_DEVICES);
	n += virtio_pci_find(all + n, MAX_DEVICES - n);
	int ok = 0;
	for (int i = 0; i < n; i++) {
		struct virtio_dev *d = all[i];
		if (d->device_id != device_id)
			continue;
		d->t->set_status(d, 0); /* reset: a device must read 0 before we go on */
		for (int spin = 0; spin < 1000000 && d->t->get_status(d) != 0; spin++)
			cpu_relax();
		d->t->set_status(d, VIRTIO_CONFIG_S_ACKNOWLEDGE);
		d->t->set_status(d, VIRTIO_CONFIG_S_ACKNOWLEDGE | VIRTIO_CONFIG_S_DRIVER);
		if (attach(d) == 0)
			ok++;
	}
	return ok;
}

int virtio_negotiate(struct virtio_dev *d, uint64_t wanted)
{
	uint64_t offered = d->t->get_features(d);
	if (!d->legacy) {
		if (!(offered & (1ULL << VIRTIO_F_VERSION_1))) {
			printk("virtio: %s: modern transport without VIRTIO_F_VERSION_1\n", d->where);
			return -EIO;
		}
		wanted |= 1ULL << VIRTIO_F_VERSION_1;
	}
	d->features = offered & wanted;
	d->t->set_features(d, d->features);
	if (d->legacy) /* legacy devices have no FEATURES_OK step */
		return 0;
	uint8_t s = d->t->get_status(d) | VIRTIO_CONFIG_S_FEATURES_OK;
	d->t->set_status(d, s);
	if (!(d->t->get_status(d) & VIRTIO_CONFIG_S_FEATURES_OK)) {
		printk("virtio: %s: device refused features %#lx\n", d->where, d->features);
		return -EIO;
	}
	return 0;
}

int virtio_request_irq(struct virtio_dev *d, void (*fn)(void *arg), void *arg)
{
	d->irq_fn = fn;
	d->irq_arg = arg;
	return d->t->request_irq(d);
}

void virtio_interrupt(struct virtio_dev *d)
{
	d->isr = d->t->ack_irq(d);
	d->interrupts++;
	if (d->irq_fn)
		d->irq_fn(d->irq_arg);
}

void virtio_driver_ok(struct virtio_dev *d)
{
	d->t->set_status(d, d->t->get_status(d) | VIRTIO_CONFIG_S_DRIVER_OK);
}

void virtio_fail(struct virtio_dev *d)
{
	d->t->set_status(d, d->t->get_status(d) | VIRTIO_CONFIG_S_FAILED);
}

void virtio_read_config(struct virtio_dev *d, unsigned off, void *buf, unsigned len)
{
	d->t->read_config(d, off, buf, len);
}

int virtq_init(struct virtq *q, struct virtio_dev *d, unsigned index, unsigned max)
{
	unsigned devmax = d->t->queue_max(d, index);
	if (devmax == 0)
		return -ENOENT;
	unsigned size = 1;
	while (size * 2 <= MIN(max, devmax) && size < 32768)
		size *= 2;

	memset(q, 0, sizeof(*q));
	q->dev = d;
	q->index = index;
	q->size = (uint16_t)size;
	size_t bytes = vring_size(size, PAGE_SIZE);
	while ((PAGE_SIZE << q->ring_order) < bytes)
		q->ring_order++;
	q->ring_pa = palloc_pages(q->ring_order);
	q->cookie = kmalloc(size * sizeof(void *));
	if (!q->ring_pa || !q->cookie) {
		if (q->ring_pa)
			pfree_pages(q->ring_pa, q->ring_order);
		kfree(q->cookie);
		return -ENOMEM;
	}
	void *ring = pa_to_va(q->ring_pa);
	memset(ring, 0, PAGE_SIZE << q->ring_order);
	memset(q->cookie, 0, size * sizeof(void *));
	vring_init(&q->vr, size, ring, PAGE_SIZE);
	for (unsigned i = 0; i < size; i++)
		q->vr.desc[i].next = (uint16_t)(i + 1);
	q->num_free = (uint16_t)size;
	return d->t->queue_enable(d, q);
}

int virtq_add(struct virtq *q, const struct virtq_buf *b, unsigned nout, unsigned nin, void *cookie)
{
	unsigned n = nout + nin;
	if (n == 0 || n > q->num_free)
		return -ENOSPC;
	uint16_t head = q->free_head, i = head;
	for (unsigned k = 0; k < n; k++) {
		struct vring_desc *desc = &q->vr.desc[i];
		desc->addr = b[k].pa;
		desc->len = b[k].len;
		desc->flags = (k >= nout ? VRING_DESC_F_WRITE : 0) | (k + 1 < n ? VRING_DESC_F_NEXT : 0);
		i = desc->next;
	}
	q->free_head = i;
	q->num_free -= n;
	q->cookie[head] = cookie;
	q->vr.avail->ring[q->avail_idx & (q->size - 1)] = head;
	compiler_barrier(); /* (A) the entry before the index */
	q->avail_idx++;
	*(volatile uint16_t *)&q->vr.avail->idx = q->avail_idx;
	q->added++;
	return 0;
}

void virtq_kick(struct virtq *q)
{
	if (!q->added)
		return;
	q->added = 0;
	full_barrier(); /* (B) avail->idx visible before we read used->flags */
	if (!(*(volatile uint16_t *)&q->vr.used->flags & VRING_USED_F_NO_NOTIFY))
		q->dev->t->notify(q);
}

void *virtq_get_used(struct virtq *q, uint32_t *len)
{
	for (;;) {
		if (*(volatile uint16_t *)&q->vr.used->idx == q->last_used)
			return NULL;
		compiler_barrier(); /* (C) the index before the entries */
		struct vring_used_elem e = q->vr.used->ring[q->last_used & (q->size - 1)];
		q->last_used++;
		uint32_t head = e.id;
		if (head >= q->size || !q->cookie[head]) {
			printk("virtio: %s: queue %u: device returned bad descriptor %u\n",
			       q->dev->where, q->index, head);
			continue;
		}
		/* the chain goes back on the free list; we wrote its flags, the device does not */
		uint16_t last = (uint16_t)head, n = 1;
		while (q->vr.desc[last].flags & VRING_DESC_F_NEXT) {
			last = q->vr.desc[last].next;
			n++;
		}
		q->vr.desc[last].next = q->free_head;
		q->free_head = (uint16_t)head;
		q->num_free += n;
		void *cookie = q->cookie[head];
		q->cookie[head] = NULL;
		*len = e.len;
		return cookie;
	}
}

void virtq_no_interrupts(struct virtq *q, bool off)
{
	uint16_t *flags = &q->vr.avail->flags;
	*(volatile uint16_t *)flags = off ? VRING_AVAIL_F_NO_INTERRUPT : 0;
}
