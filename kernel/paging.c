/*
 * paging.c - the kernel's page table, the only one (one CR3 for everything).
 *
 * Layout (DESIGN.md "Address space"):
 *   0 .. USER_TOP            the program's; nothing of the kernel's is here
 *   DIRECT_MAP_BASE + pa     every usable RAM range, read-write, no-execute,
 *                            2 MiB pages where alignment allows
 *   KERNEL_VMA + pa          the kernel image: text RX, rodata R, data RW NX
 *
 * paging_init builds this from scratch and switches to it, dropping the
 * boot tables' identity map. Until palloc is up, table pages come from a
 * small pool inside .bss; they are reachable through the boot tables'
 * KERNEL_VMA window before the switch and through the direct map after it.
 */
#include "mm.h"
#include "cpu.h"
#include "klib.h"
#include "loader.h"

#define EARLY_POOL_PAGES 96 /* direct map of up to ~90 GiB with 2 MiB pages */

uint64_t *kernel_pml4;
static uint8_t early_pool[EARLY_POOL_PAGES][PAGE_SIZE] __attribute__((aligned(PAGE_SIZE)));
static unsigned early_used;
static bool direct_map_live, palloc_live;

void paging_palloc_ready(void)
{
	palloc_live = true;
}

uint64_t pgtable_alloc_table(void)
{
	if (palloc_live)
		return palloc_zeroed_page();
	if (early_used == EARLY_POOL_PAGES)
		panic("paging: early page-table pool exhausted (too much RAM for %d pages)",
		      EARLY_POOL_PAGES);
	uint8_t *p = early_pool[early_used++];
	memset(p, 0, PAGE_SIZE);
	return va_to_pa(p);
}

void *pgtable_table_va(uint64_t pa)
{
	if (direct_map_live)
		return pa_to_va(pa);
	return (void *)(KERNEL_VMA + pa); /* boot tables map the first GiB here */
}

static void map_or_die(uint64_t va, uint64_t pa, uint64_t size, unsigned prot, const char *what)
{
	int err = pt_map(kernel_pml4, va, pa, size, prot);
	if (err)
		panic("paging: cannot map %s (%d)", what, err);
}

static void map_image(char *start, char *end, unsigned prot, const char *what)
{
	uint64_t s = ALIGN_DOWN((uint64_t)start, PAGE_SIZE), e = ALIGN_UP((uint64_t)end, PAGE_SIZE);
	if (e > s)
		map_or_die(s, s - KERNEL_VMA, e - s, prot, what);
}

void paging_init(void)
{
	kernel_pml4 = pgtable_table_va(pgtable_alloc_table());

	map_image(__text_start, __text_end, PROT_R | PROT_X, "kernel text");
	map_image(__rodata_start, __rodata_end, PROT_R, "kernel rodata");
	map_image(__data_start, __data_end, PROT_R | PROT_W, "kernel data");
	map_image(__ksyms_start, __kernel_end, PROT_R, "kernel symbols");

	for (uint32_t i = 0; i < boot_info.nr_mem; i++) {
		const struct boot_mem *m = &boot_info.mem[i];
		if (m->type != MEM_USABLE)
			continue;
		uint64_t s = ALIGN_UP(m->addr, PAGE_SIZE), e = ALIGN_DOWN(m->addr + m->size, PAGE_SIZE);
		if (e > s)
			map_or_die(DIRECT_MAP_BASE + s, s, e - s, PROT_R | PROT_W, "the direct map");
	}
	write_cr3(va_to_pa(kernel_pml4));
	direct_map_live = true;
	kernel_pml4 = pa_to_va(va_to_pa(kernel_pml4));
}

void *mmio_map(uint64_t pa, uint64_t size)
{
	uint64_t s = ALIGN_DOWN(pa, PAGE_SIZE), e = ALIGN_UP(pa + size, PAGE_SIZE);
	if (pt_map(kernel_pml4, DIRECT_MAP_BASE + s, s, e - s, PROT_R | PROT_W | PROT_NOCACHE))
		return NULL;
	return pa_to_va(pa);
}
