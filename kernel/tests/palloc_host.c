/*
 * palloc_host.c - the palloc API of mm.h for host unit tests.
 *
 * One buddy zone (buddy.c, unchanged) over a malloc'd arena that pretends
 * to be physical memory starting at HOST_PHYS_BASE; hosttest_direct_map_base
 * is set so that pa_to_va() lands in the arena. Pages are filled with junk
 * when handed out and when freed, and freed pages are poisoned for ASan,
 * so code that relies on fresh pages being zero, or touches a page after
 * freeing it, fails loudly.
 *
 * It also defines buddy_corrupt() and kmalloc_corrupt(), which the kernel
 * defines to panic: here they only count and remember the last report.
 * Callers: test_kmalloc.c (palloc_host_init first).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buddy.h"
#include "mm.h"

#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/asan_interface.h>
#define POISON(p, n) ASAN_POISON_MEMORY_REGION(p, n)
#define UNPOISON(p, n) ASAN_UNPOISON_MEMORY_REGION(p, n)
#else
#define POISON(p, n) ((void)(p), (void)(n))
#define UNPOISON(p, n) ((void)(p), (void)(n))
#endif

#define HOST_PHYS_BASE 0x100000UL /* frame 0 must never be handed out: 0 means "no memory" */

uintptr_t hosttest_direct_map_base;

int buddy_corrupt_calls;
int kmalloc_corrupt_calls;
const char *kmalloc_corrupt_what;

static struct buddy_zone zone;
static struct page *pages;
static void *arena;
static uint64_t arena_pages;

void palloc_host_init(uint64_t npages);

void buddy_corrupt(const char *what, uint64_t pfn)
{
	buddy_corrupt_calls++;
	fprintf(stderr, "recorded buddy_corrupt: %s at pfn %#llx\n", what,
		(unsigned long long)pfn);
}

void kmalloc_corrupt(const char *what, const void *p)
{
	kmalloc_corrupt_calls++;
	kmalloc_corrupt_what = what;
	fprintf(stderr, "recorded kmalloc_corrupt: %s at %p\n", what, p);
}

/* Set up an arena of npages frames; call once per test program. */
void palloc_host_init(uint64_t npages)
{
	arena_pages = npages;
	arena = aligned_alloc(PAGE_SIZE, npages * PAGE_SIZE);
	pages = calloc(npages, sizeof(*pages));
	if (!arena || !pages) {
		perror("palloc_host_init");
		exit(2);
	}
	hosttest_direct_map_base = (uintptr_t)arena - HOST_PHYS_BASE;
	buddy_init(&zone, HOST_PHYS_BASE >> PAGE_SHIFT, npages, pages);
	buddy_add_range(&zone, HOST_PHYS_BASE >> PAGE_SHIFT, npages);
	POISON(arena, npages * PAGE_SIZE);
}

uint64_t palloc_pages(unsigned order)
{
	int64_t pfn = buddy_alloc(&zone, order);
	void *va;

	if (pfn < 0)
		return 0;
	va = pa_to_va((uint64_t)pfn << PAGE_SHIFT);
	UNPOISON(va, PAGE_SIZE << order);
	memset(va, 0xa5, PAGE_SIZE << order);
	return (uint64_t)pfn << PAGE_SHIFT;
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
	uint64_t before = zone.nr_free;

	buddy_free(&zone, pa >> PAGE_SHIFT, order);
	/* Only scribble on memory the buddy allocator accepted back. */
	if (zone.nr_free != before) {
		memset(pa_to_va(pa), 0x5a, PAGE_SIZE << order);
		POISON(pa_to_va(pa), PAGE_SIZE << order);
	}
}

struct page *pa_to_page(uint64_t pa)
{
	uint64_t pfn = pa >> PAGE_SHIFT;

	if (pfn < zone.base_pfn || pfn - zone.base_pfn >= zone.npages)
		return NULL;
	return &pages[pfn - zone.base_pfn];
}

uint64_t palloc_free_pages(void) { return zone.nr_free; }
uint64_t palloc_total_pages(void) { return zone.nr_managed; }
uint64_t mm_phys_end(void) { return HOST_PHYS_BASE + arena_pages * PAGE_SIZE; }
