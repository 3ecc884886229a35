/*
 * palloc.c - the physical page allocator: one buddy zone (buddy.c) over
 * all RAM, with the struct page array placed in the first usable range
 * big enough for it.
 *
 * Frames never given to the allocator: everything below 1 MiB (firmware
 * data; it also keeps physical address 0, our "no page" value, out), the
 * kernel image (which includes the early page-table pool), the boot modules
 * (the initrd) and the struct page array itself.
 *
 * Locking: palloc_lock (interrupts off) guards the zone.
 */
#include "buddy.h"
#include "mm.h"
#include "klib.h"
#include "loader.h"
#include "spinlock.h"

#define LOW_RESERVED (1UL << 20)
#define MAX_HOLES (BOOT_MAX_MODULES + 3)

static struct buddy_zone zone;
static struct spinlock palloc_lock = SPINLOCK_INIT("palloc");
static uint64_t phys_end;

struct range {
	uint64_t start, end;
};

void paging_palloc_ready(void);

/* Give [s, e) to the buddy allocator, minus every hole. */
static void add_free(uint64_t s, uint64_t e, const struct range *holes, int nholes)
{
	for (int i = 0; i < nholes && s < e; i++) {
		if (holes[i].end <= s || holes[i].start >= e)
			continue;
		if (holes[i].start > s)
			add_free(s, holes[i].start, holes + i + 1, nholes - i - 1);
		s = holes[i].end;
	}
	s = PAGE_ALIGN_UP(s);
	e &= PAGE_MASK;
	if (s < e)
		buddy_add_range(&zone, s >> PAGE_SHIFT, (e - s) >> PAGE_SHIFT);
}

static bool overlaps(uint64_t s, uint64_t e, const struct range *holes, int n)
{
	for (int i = 0; i < n; i++)
		if (s < holes[i].end && holes[i].start < e)
			return true;
	return false;
}

void palloc_init(const struct boot_info *bi)
{
	struct range holes[MAX_HOLES];
	int nholes = 0;

	holes[nholes++] = (struct range){ 0, LOW_RESERVED };
	holes[nholes++] = (struct range){ va_to_pa(__kernel_start), va_to_pa(__kernel_end) };
	for (uint32_t i = 0; i < bi->nr_modules; i++)
		holes[nholes++] = (struct range){ bi->modules[i].addr & PAGE_MASK,
						  PAGE_ALIGN_UP(bi->modules[i].addr + bi->modules[i].size) };
	for (uint32_t i = 0; i < bi->nr_mem; i++)
		if (bi->mem[i].type == MEM_USABLE)
			phys_end = MAX(phys_end, bi->mem[i].addr + bi->mem[i].size);

	uint64_t npages = phys_end >> PAGE_SHIFT;
	uint64_t array = PAGE_ALIGN_UP(npages * sizeof(struct page)), at = 0;
	for (uint32_t i = 0; i < bi->nr_mem && !at; i++) {
		const struct boot_mem *m = &bi->mem[i];
		uint64_t s = PAGE_ALIGN_UP(MAX(m->addr, LOW_RESERVED)), e = m->addr + m->size;
		/* first fit that avoids the holes, trying page-aligned starts after each hole */
		for (int h = -1; h < nholes && !at && m->type == MEM_USABLE; h++) {
			uint64_t c = h < 0 ? s : PAGE_ALIGN_UP(holes[h].end);
			if (c >= s && c + array <= e && !overlaps(c, c + array, holes, nholes))
				at = c;
		}
	}
	if (!at)
		panic("palloc: no room for the page array (%lu KiB)", array >> 10);
	holes[nholes++] = (struct range){ at, at + array };

	buddy_init(&zone, 0, npages, pa_to_va(at));
	for (uint32_t i = 0; i < bi->nr_mem; i++)
		if (bi->mem[i].type == MEM_USABLE)
			add_free(bi->mem[i].addr, bi->mem[i].addr + bi->mem[i].size, holes, nholes);
	paging_palloc_ready();
}

uint64_t palloc_pages(unsigned order)
{
	unsigned long flags = spin_lock_irqsave(&palloc_lock);
	int64_t pfn = buddy_alloc(&zone, order);
	spin_unlock_irqrestore(&palloc_lock, flags);
	return pfn < 0 ? 0 : (uint64_t)pfn << PAGE_SHIFT;
}

uint64_t palloc_zeroed_page(void)
{
	uint64_t pa = palloc_pages(0);
	if (pa)
		memset(pa_to_va(pa), 0, PAGE_SIZE);
	return pa;
}

void pfree_pages(uint64_t pa, unsigned order)
{
	unsigned long flags = spin_lock_irqsave(&palloc_lock);
	buddy_free(&zone, pa >> PAGE_SHIFT, order);
	spin_unlock_irqrestore(&palloc_lock, flags);
}

struct page *pa_to_page(uint64_t pa)
{
	uint64_t pfn = pa >> PAGE_SHIFT;
	if (pfn < zone.base_pfn || pfn >= zone.base_pfn + zone.npages)
		return NULL;
	return &zone.pages[pfn - zone.base_pfn];
}

uint64_t palloc_free_pages(void)
{
	return zone.nr_free;
}

uint64_t palloc_total_pages(void)
{
	return zone.nr_managed;
}

uint64_t mm_phys_end(void)
{
	return phys_end;
}

void buddy_corrupt(const char *what, uint64_t pfn)
{
	panic("page allocator: %s (frame %#lx)", what, pfn);
}

void kmalloc_corrupt(const char *what, const void *p)
{
	panic("kmalloc: %s (%p)", what, p);
}
