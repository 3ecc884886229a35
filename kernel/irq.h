/*
 * irq.h - device interrupts: I/O APIC routing, vectors for drivers, and the
 * few ACPI tables the kernel reads to find its interrupt hardware.
 *
 * A driver asks for an interrupt line (a GSI, "global system interrupt",
 * as ACPI numbers the inputs of all I/O APICs together) or for a bare
 * vector (MSI/MSI-X, which the device sends to the local APIC itself) and
 * gets its handler called with its own argument, in interrupt context
 * (interrupts off, on the interrupted thread's kernel stack). The local
 * APIC EOI is sent after the handler returns, so a handler never calls
 * apic_eoi() itself, and a level-triggered line must have been deasserted
 * (the device acknowledged) by then or it fires again at once.
 *
 * Device vectors are handed out from IRQ_VEC_FIRST upwards; the timer
 * (VEC_TIMER) and the spurious vector stay where cpu.h puts them.
 */
#ifndef KEEL_IRQ_H
#define KEEL_IRQ_H

#include <stdint.h>
#include <stdbool.h>

#define IRQ_VEC_FIRST 0x30
#define IRQ_VEC_LAST 0xef

/* trigger and polarity of a GSI (ACPI "Level"/"Edge", "ActiveHigh"/"ActiveLow") */
#define IRQ_EDGE 0
#define IRQ_LEVEL 1
#define IRQ_ACTIVE_LOW 2

typedef void (*irq_fn_t)(void *arg);

/* ioapic.c */
/*
 * Give fn(arg) a vector of its own and route gsi to it (flags: IRQ_LEVEL,
 * IRQ_ACTIVE_LOW), unmasked, to the boot CPU. May be called from boot code
 * only (not from interrupt handlers). Return: the vector, or -ENOSPC (no
 * vector left), -ENODEV (no I/O APIC has that GSI).
 */
int irq_request_gsi(unsigned gsi, unsigned flags, irq_fn_t fn, void *arg);
/* A vector for fn(arg) with no I/O APIC behind it (MSI-X). Return: it, or -ENOSPC. */
int irq_request_vector(irq_fn_t fn, void *arg);
/* The routing step alone: gsi -> vector, masked or not. Return: 0 or -ENODEV. */
int ioapic_route(unsigned gsi, unsigned vector, unsigned flags, bool masked);
int ioapic_mask(unsigned gsi, bool masked);
bool ioapic_has_gsi(unsigned gsi); /* some I/O APIC has an input for it */

/* acpi.c: read-only access to the firmware's ACPI tables (none on acpi=off) */
/*
 * The index'th table with signature sig ("APIC", "DSDT", ...; the DSDT is
 * found through the FADT), mapped and checksummed, and its length in *len.
 * Return: the table (header included), or NULL.
 */
const void *acpi_table(const char *sig, unsigned index, uint32_t *len);

#endif
