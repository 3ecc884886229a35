/*
 * buddy.h - a binary buddy allocator over one range of page frames.
 *
 * Pure mechanism: it touches only the struct page array it is given, never
 * the frames themselves, so it runs unchanged in host unit tests. palloc.c
 * wraps one zone over all RAM and adds the locking (interrupts off).
 */
#ifndef KEEL_BUDDY_H
#define KEEL_BUDDY_H

#include "mm.h"

#define BUDDY_MAX_ORDER 18 /* largest block: 2^18 pages = 1 GiB */

struct buddy_zone {
	uint64_t base_pfn;  /* frame number of pages[0] */
	uint64_t npages;    /* frames covered by pages[] */
	struct page *pages; /* one entry per frame */
	uint32_t free_head[BUDDY_MAX_ORDER + 1]; /* index into pages[], PAGE_NIL if empty */
	uint64_t nr_free;   /* free frames */
	uint64_t nr_managed;/* frames ever given by buddy_add_range */
};

/* Set up a zone whose frames all start out reserved (not allocatable). */
void buddy_init(struct buddy_zone *z, uint64_t base_pfn, uint64_t npages, struct page *pages);
/* Give frames [pfn, pfn+count) to the allocator; they must lie in the zone. */
void buddy_add_range(struct buddy_zone *z, uint64_t pfn, uint64_t count);
/* Return: the first frame number of a 2^order block, or -1 when none is free. */
int64_t buddy_alloc(struct buddy_zone *z, unsigned order);
/* Free a block returned by buddy_alloc with the same order; merges buddies. */
void buddy_free(struct buddy_zone *z, uint64_t pfn, unsigned order);

/*
 * Called on a caller bug the allocator can see (double free, freeing a
 * reserved or misaligned frame, a range outside the zone); the request is
 * then ignored. Defined by the user of buddy.c: the kernel panics, host
 * tests record the call.
 */
void buddy_corrupt(const char *what, uint64_t pfn);

#endif
