/*
 * ioapic.c - the I/O APICs and the vectors handed to device drivers.
 *
 * Where the I/O APICs are comes from the ACPI MADT (one "I/O APIC" entry
 * each: its address and the first GSI it serves). Without ACPI (QEMU
 * microvm with acpi=off, Firecracker) there is exactly the one at the
 * standard address 0xfec00000 serving GSI 0 upwards. QEMU microvm with
 * ACPI (its default) has a second one at 0xfec10000 for GSIs 24..47, which
 * is where it wires its virtio-mmio devices. Every pin starts masked; a
 * pin is unmasked when a driver routes it.
 *
 * A routed GSI is delivered as a fixed interrupt, physical destination
 * mode, to the boot CPU (the only one keel schedules on). irq_request_*
 * give each handler a vector of its own and register one trampoline for it
 * with trap.c; the trampoline calls the driver and then sends the local
 * APIC EOI, which (for a level-triggered vector) the local APIC forwards to
 * the I/O APICs to clear the pin's remote IRR.
 *
 * Locking: the register-select/window pair of an I/O APIC is one
 * operation, done under ioapic_lock (interrupts off) so a mask from an
 * interrupt handler cannot split a routing in progress. The vector table is
 * written at boot only, before the vector is routed, and read in
 * interrupts.
 */
#include "irq.h"
#include "cpu.h"
#include "klib.h"
#include "mm.h"
#include "time.h"
#include "spinlock.h"
#include <asm-generic/errno-base.h>

#define IOAPIC_DEFAULT_BASE 0xfec00000UL
#define IOAPIC_MAX 8
#define IOREGSEL 0            /* in 32-bit words */
#define IOWIN 4               /* offset 0x10 */
#define IOAPIC_REG_VER 1
#define IOAPIC_REG_REDTBL 0x10 /* two registers per pin: low, high */

/* redirection entry, low word */
#define RTE_POLARITY_LOW (1u << 13)
#define RTE_LEVEL (1u << 15)
#define RTE_MASKED (1u << 16)

#define MADT_IOAPIC 1

struct ioapic {
	volatile uint32_t *regs;
	unsigned gsi_base, pins;
};

static struct ioapic ioapics[IOAPIC_MAX];
static unsigned nr_ioapics;
static bool ioapic_ready;
static struct spinlock ioapic_lock = SPINLOCK_INIT("ioapic");

static struct {
	irq_fn_t fn;
	void *arg;
} vectors[256];
static unsigned next_vector = IRQ_VEC_FIRST;

static uint32_t ioapic_read(struct ioapic *io, unsigned reg)
{
	io->regs[IOREGSEL] = reg;
	return io->regs[IOWIN];
}

static void ioapic_write(struct ioapic *io, unsigned reg, uint32_t v)
{
	io->regs[IOREGSEL] = reg;
	io->regs[IOWIN] = v;
}

static void ioapic_add(uint64_t pa, unsigned gsi_base)
{
	if (nr_ioapics == IOAPIC_MAX)
		return;
	struct ioapic *io = &ioapics[nr_ioapics];
	io->regs = mmio_map(pa, PAGE_SIZE);
	if (!io->regs)
		return;
	uint32_t ver = ioapic_read(io, IOAPIC_REG_VER);
	if (ver == 0xffffffff) /* nothing answers there */
		return;
	io->gsi_base = gsi_base;
	io->pins = ((ver >> 16) & 0xff) + 1;
	for (unsigned pin = 0; pin < io->pins; pin++)
		ioapic_write(io, IOAPIC_REG_REDTBL + 2 * pin, RTE_MASKED);
	nr_ioapics++;
}

/* MADT: 36-byte header, local APIC address and flags, then typed entries. */
static void ioapic_init(void)
{
	uint32_t len;
	const uint8_t *madt = acpi_table("APIC", 0, &len);

	ioapic_ready = true;
	for (uint32_t off = 44; madt && off + 2 <= len && madt[off + 1] >= 2; off += madt[off + 1]) {
		if (madt[off] != MADT_IOAPIC || madt[off + 1] < 12 || off + 12 > len)
			continue;
		uint32_t addr, base;
		memcpy(&addr, madt + off + 4, 4);
		memcpy(&base, madt + off + 8, 4);
		ioapic_add(addr, base);
	}
	if (nr_ioapics == 0)
		ioapic_add(IOAPIC_DEFAULT_BASE, 0);
	if (nr_ioapics == 0)
		printk("ioapic: none found (%s): device interrupts will not work\n",
		       madt ? "the MADT lists none that answer" : "no MADT, nothing at 0xfec00000");
}

static struct ioapic *ioapic_of(unsigned gsi, unsigned *pin)
{
	if (!ioapic_ready)
		ioapic_init();
	for (unsigned i = 0; i < nr_ioapics; i++) {
		struct ioapic *io = &ioapics[i];
		if (gsi >= io->gsi_base && gsi < io->gsi_base + io->pins) {
			*pin = gsi - io->gsi_base;
			return io;
		}
	}
	return NULL;
}

bool ioapic_has_gsi(unsigned gsi)
{
	unsigned pin;
	return ioapic_of(gsi, &pin) != NULL;
}

int ioapic_route(unsigned gsi, unsigned vector, unsigned flags, bool masked)
{
	unsigned pin;
	struct ioapic *io = ioapic_of(gsi, &pin);
	if (!io)
		return -ENODEV;
	uint32_t lo = (vector & 0xff) | (flags & IRQ_LEVEL ? RTE_LEVEL : 0) |
		      (flags & IRQ_ACTIVE_LOW ? RTE_POLARITY_LOW : 0) | (masked ? RTE_MASKED : 0);
	unsigned long f = spin_lock_irqsave(&ioapic_lock);
	/* masked while the destination and vector change, then the final low word */
	ioapic_write(io, IOAPIC_REG_REDTBL + 2 * pin, RTE_MASKED);
	ioapic_write(io, IOAPIC_REG_REDTBL + 2 * pin + 1, apic_id() << 24);
	ioapic_write(io, IOAPIC_REG_REDTBL + 2 * pin, lo);
	spin_unlock_irqrestore(&ioapic_lock, f);
	return 0;
}

int ioapic_mask(unsigned gsi, bool masked)
{
	unsigned pin;
	struct ioapic *io = ioapic_of(gsi, &pin);
	if (!io)
		return -ENODEV;
	unsigned long f = spin_lock_irqsave(&ioapic_lock);
	uint32_t lo = ioapic_read(io, IOAPIC_REG_REDTBL + 2 * pin);
	ioapic_write(io, IOAPIC_REG_REDTBL + 2 * pin, masked ? lo | RTE_MASKED : lo & ~RTE_MASKED);
	spin_unlock_irqrestore(&ioapic_lock, f);
	return 0;
}

static void irq_trampoline(struct trap_frame *f)
{
	unsigned v = f->vector & 0xff;
	vectors[v].fn(vectors[v].arg);
	apic_eoi();
}

int irq_request_vector(irq_fn_t fn, void *arg)
{
	if (next_vector > IRQ_VEC_LAST)
		return -ENOSPC;
	unsigned v = next_vector++;
	vectors[v].fn = fn;
	vectors[v].arg = arg;
	irq_register(v, irq_trampoline);
	return (int)v;
}

int irq_request_gsi(unsigned gsi, unsigned flags, irq_fn_t fn, void *arg)
{
	unsigned pin;
	if (!ioapic_of(gsi, &pin))
		return -ENODEV;
	int v = irq_request_vector(fn, arg);
	if (v < 0)
		return v;
	ioapic_route(gsi, (unsigned)v, flags, false);
	return v;
}
