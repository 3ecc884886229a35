/*
 * boot.c - read the PVH start info into struct boot_info.
 *
 * The hvm_start_info layout is fixed by Xen's PVH ABI (arch/x86 start_info,
 * version 1 adds the memory map). QEMU and Firecracker both fill it. It is
 * read once, through the boot identity map, before paging.c drops that map.
 */
#include "loader.h"
#include <asm-generic/errno-base.h>

#define PVH_MAGIC 0x336ec578

struct hvm_start_info {
	uint32_t magic, version, flags, nr_modules;
	uint64_t modlist_paddr, cmdline_paddr, rsdp_paddr;
	uint64_t memmap_paddr; /* version >= 1 */
	uint32_t memmap_entries, reserved;
};

struct hvm_modlist_entry {
	uint64_t paddr, size, cmdline_paddr, reserved;
};

struct hvm_memmap_entry {
	uint64_t addr, size;
	uint32_t type, reserved;
};

struct boot_info boot_info;

static const void *phys(uint64_t pa)
{
	return (const void *)(uintptr_t)pa; /* identity mapped below 1 GiB */
}

int boot_parse_pvh(uint32_t start_info_pa)
{
	const struct hvm_start_info *si = phys(start_info_pa);
	struct boot_info *bi = &boot_info;

	bi->entry_tsc = boot_tsc;
	if (si->magic != PVH_MAGIC || si->version < 1)
		return -EINVAL;
	if (si->cmdline_paddr) {
		const char *s = phys(si->cmdline_paddr);
		unsigned i;
		for (i = 0; i + 1 < BOOT_CMDLINE_MAX && s[i]; i++)
			bi->cmdline[i] = s[i];
		bi->cmdline[i] = 0;
	}
	const struct hvm_memmap_entry *mm = phys(si->memmap_paddr);
	for (uint32_t i = 0; i < si->memmap_entries && bi->nr_mem < BOOT_MAX_MEMMAP; i++) {
		if (mm[i].size == 0) /* QEMU may end the table with an empty entry */
			continue;
		bi->mem[bi->nr_mem++] = (struct boot_mem){ mm[i].addr, mm[i].size, mm[i].type };
	}
	const struct hvm_modlist_entry *ml = phys(si->modlist_paddr);
	for (uint32_t i = 0; i < si->nr_modules && bi->nr_modules < BOOT_MAX_MODULES; i++)
		bi->modules[bi->nr_modules++] = (struct boot_module){ ml[i].paddr, ml[i].size };
	bi->rsdp = si->rsdp_paddr;
	return 0;
}

const char *boot_mem_type_name(uint32_t type)
{
	static const char *const names[] = {
		[MEM_USABLE] = "usable", [MEM_RESERVED] = "reserved", [MEM_ACPI] = "ACPI",
		[MEM_NVS] = "ACPI NVS", [MEM_UNUSABLE] = "unusable",
	};
	if (type < sizeof(names) / sizeof(names[0]) && names[type])
		return names[type];
	return "unknown";
}
