/*
 * loader.h - what the boot path hands the kernel: the memory map, the
 * command line and the boot modules (the initrd), copied out of the PVH
 * start-info page into kernel memory so nothing depends on where the
 * hypervisor put them.
 */
#ifndef KEEL_LOADER_H
#define KEEL_LOADER_H

#include <stdint.h>

#define BOOT_MAX_MEMMAP 64
#define BOOT_MAX_MODULES 4
#define BOOT_CMDLINE_MAX 4096

/* memory map entry types, as in the E820/PVH map */
#define MEM_USABLE 1
#define MEM_RESERVED 2
#define MEM_ACPI 3
#define MEM_NVS 4
#define MEM_UNUSABLE 5

struct boot_mem {
	uint64_t addr, size;
	uint32_t type;
};

struct boot_module {
	uint64_t addr, size; /* physical */
};

struct boot_info {
	uint64_t entry_tsc;  /* TSC at the first instruction of pvh_start32 */
	uint32_t nr_mem;
	struct boot_mem mem[BOOT_MAX_MEMMAP];
	uint32_t nr_modules;
	struct boot_module modules[BOOT_MAX_MODULES];
	uint64_t rsdp;
	char cmdline[BOOT_CMDLINE_MAX];
};

extern struct boot_info boot_info;

/* boot.c: parse the PVH start info (identity mapped at this point). Return: 0 or -EINVAL. */
int boot_parse_pvh(uint32_t start_info_pa);
const char *boot_mem_type_name(uint32_t type);

/* symbols from pvh.S and keel.ld */
extern uint64_t boot_tsc;
extern char boot_stack_bottom[], boot_stack_top[];
extern char __kernel_start[], __kernel_end[], __text_start[], __text_end[];
extern char __rodata_start[], __rodata_end[], __data_start[], __data_end[];
extern char __bss_start[], __bss_end[], __ksyms_start[];

#endif
