/*
 * acpi.c - find the firmware's ACPI tables, read-only.
 *
 * keel reads ACPI for two facts only: where the I/O APICs are and which GSI
 * each starts at (the MADT, for ioapic.c), and how the virtio-mmio devices
 * are wired (the DSDT, for virtio_mmio.c). No AML is interpreted: callers
 * scan the tables for the fixed byte patterns they need.
 *
 * The RSDP comes from the PVH start info (QEMU's firmware fills it); if it
 * is 0 the BIOS area 0xe0000-0xfffff is searched as the ACPI spec allows.
 * Tables live in memory the direct map leaves out (reserved, ACPI NVS), so
 * each page is mapped on first use with mmio_map(); pages already in the
 * direct map (tables placed in RAM) are read where they are.
 * Called from boot code only; nothing here takes a lock.
 */
#include "irq.h"
#include "klib.h"
#include "mm.h"
#include "loader.h"

struct acpi_header {
	char sig[4];
	uint32_t length;
	uint8_t revision, checksum;
	char oem_id[6], oem_table_id[8];
	uint32_t oem_revision, creator_id, creator_revision;
} __attribute__((packed));

struct acpi_rsdp {
	char sig[8];
	uint8_t checksum;
	char oem_id[6];
	uint8_t revision;
	uint32_t rsdt;
	uint32_t length;  /* revision >= 2 from here */
	uint64_t xsdt;
} __attribute__((packed));

#define FADT_DSDT 40    /* 32-bit DSDT address in the FADT */
#define FADT_X_DSDT 140 /* 64-bit one, preferred when present */

/* Make [pa, pa+len) readable through the direct map. Return: false if it cannot. */
static bool acpi_map(uint64_t pa, uint64_t len)
{
	for (uint64_t p = ALIGN_DOWN(pa, PAGE_SIZE); p < pa + len; p += PAGE_SIZE) {
		uint64_t found;
		unsigned prot;
		if (pt_lookup(kernel_pml4, (uint64_t)pa_to_va(p), &found, &prot))
			continue;
		if (!mmio_map(p, PAGE_SIZE))
			return false;
	}
	return true;
}

static bool sum_ok(const void *p, size_t n)
{
	uint8_t s = 0;
	for (size_t i = 0; i < n; i++)
		s += ((const uint8_t *)p)[i];
	return s == 0;
}

/* A table's header and body, checked. Return: it, or NULL. */
static const struct acpi_header *map_table(uint64_t pa)
{
	if (!pa || !acpi_map(pa, sizeof(struct acpi_header)))
		return NULL;
	const struct acpi_header *h = pa_to_va(pa);
	if (h->length < sizeof(*h) || h->length > (16u << 20) || !acpi_map(pa, h->length))
		return NULL;
	return sum_ok(h, h->length) ? h : NULL;
}

static const struct acpi_rsdp *find_rsdp(void)
{
	static const struct acpi_rsdp *rsdp;
	static bool looked;
	if (looked)
		return rsdp;
	looked = true;
	uint64_t pa = boot_info.rsdp;
	if (!pa && acpi_map(0xe0000, 0x20000)) {
		for (uint64_t p = 0xe0000; p < 0x100000 && !pa; p += 16)
			if (!memcmp(pa_to_va(p), "RSD PTR ", 8) && sum_ok(pa_to_va(p), 20))
				pa = p;
	}
	if (!pa || !acpi_map(pa, sizeof(*rsdp)))
		return NULL;
	const struct acpi_rsdp *r = pa_to_va(pa);
	if (memcmp(r->sig, "RSD PTR ", 8) || !sum_ok(r, 20))
		return NULL;
	rsdp = r;
	return rsdp;
}

static const struct acpi_header *dsdt_of(const struct acpi_header *fadt)
{
	uint64_t pa = 0;
	if (fadt->length >= FADT_X_DSDT + 8)
		memcpy(&pa, (const char *)fadt + FADT_X_DSDT, 8);
	if (!pa && fadt->length >= FADT_DSDT + 4) {
		uint32_t pa32;
		memcpy(&pa32, (const char *)fadt + FADT_DSDT, 4);
		pa = pa32;
	}
	return map_table(pa);
}

const void *acpi_table(const char *sig, unsigned index, uint32_t *len)
{
	const struct acpi_rsdp *r = find_rsdp();
	if (!r)
		return NULL;
	bool wide = r->revision >= 2 && r->xsdt;
	const struct acpi_header *root = map_table(wide ? r->xsdt : r->rsdt);
	if (!root)
		return NULL;
	bool want_dsdt = !memcmp(sig, "DSDT", 4);
	unsigned esz = wide ? 8 : 4, n = (root->length - sizeof(*root)) / esz;
	for (unsigned i = 0; i < n; i++) {
		uint64_t pa = 0;
		memcpy(&pa, (const char *)(root + 1) + i * esz, esz);
		const struct acpi_header *h = map_table(pa);
		if (!h)
			continue;
		if (want_dsdt && !memcmp(h->sig, "FACP", 4))
			h = dsdt_of(h);
		else if (memcmp(h->sig, sig, 4))
			continue;
		if (h && index-- == 0) {
			*len = h->length;
			return h;
		}
	}
	return NULL;
}
