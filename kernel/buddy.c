/*
 * buddy.c - a binary buddy allocator over one zone of page frames.
 *
 * Design: a block of order k is 2^k frames whose first frame number is a
 * multiple of 2^k (aligned in absolute frame numbers, not relative to the
 * zone, so an order-9 block is a 2 MiB-aligned physical range). Its buddy is
 * the block whose frame number differs only in bit k. Everything lives in
 * the struct page array: each free block's head page carries PG_FREE and its
 * order, and sits on free_head[order], a doubly linked list whose next/prev
 * are indices into pages[] (PAGE_NIL ends it). The frames themselves are
 * never read or written, so the same code runs in host unit tests.
 *
 * Reserved frames (holes, the kernel image, firmware) keep PG_RESERVED and
 * never carry PG_FREE, so a merge can never reach across them; a merge also
 * stops when the buddy would lie partly outside the zone.
 *
 * Frees are checked cheaply for caller bugs (double free, a reserved or
 * misaligned frame): the head page and the O(BUDDY_MAX_ORDER) aligned
 * blocks that could contain it are inspected. A bug is reported through
 * buddy_corrupt() and the request is ignored, so the lists stay intact.
 * Freeing with a larger order than was allocated is not detected.
 *
 * No locking here: palloc.c owns the zone and serialises all calls.
 * Callers: palloc.c in the kernel, kernel/tests/ on the host.
 */
#include "buddy.h"

static struct page *pfn_page(struct buddy_zone *z, uint64_t pfn)
{
	return &z->pages[pfn - z->base_pfn];
}

/* Does [pfn, pfn + count) lie inside the zone? Written to avoid overflow. */
static bool range_in_zone(const struct buddy_zone *z, uint64_t pfn, uint64_t count)
{
	if (pfn < z->base_pfn)
		return false;
	pfn -= z->base_pfn;
	return pfn <= z->npages && count <= z->npages - pfn;
}

static void list_add(struct buddy_zone *z, uint64_t pfn, unsigned order)
{
	uint32_t idx = (uint32_t)(pfn - z->base_pfn);
	struct page *p = &z->pages[idx];
	uint32_t head = z->free_head[order];

	p->flags |= PG_FREE;
	p->order = (uint8_t)order;
	p->prev = PAGE_NIL;
	p->next = head;
	if (head != PAGE_NIL)
		z->pages[head].prev = idx;
	z->free_head[order] = idx;
}

static void list_del(struct buddy_zone *z, uint64_t pfn, unsigned order)
{
	struct page *p = pfn_page(z, pfn);

	if (p->prev != PAGE_NIL)
		z->pages[p->prev].next = p->next;
	else
		z->free_head[order] = p->next;
	if (p->next != PAGE_NIL)
		z->pages[p->next].prev = p->prev;
	p->next = p->prev = PAGE_NIL;
	p->flags &= ~PG_FREE;
}

/*
 * Put a block on the free lists, first merging it with its buddy for as
 * long as the buddy is a whole free block of the same order. The caller
 * has already validated the block and accounts nr_free.
 */
static void free_block(struct buddy_zone *z, uint64_t pfn, unsigned order)
{
	while (order < BUDDY_MAX_ORDER) {
		uint64_t buddy = pfn ^ (1ULL << order);
		struct page *b;

		if (!range_in_zone(z, buddy, 1ULL << order))
			break;
		b = pfn_page(z, buddy);
		/* PG_FREE marks only heads, so this means "buddy is wholly free". */
		if (!(b->flags & PG_FREE) || b->order != order)
			break;
		list_del(z, buddy, order);
		pfn &= ~(1ULL << order);
		order++;
	}
	list_add(z, pfn, order);
}

void buddy_init(struct buddy_zone *z, uint64_t base_pfn, uint64_t npages, struct page *pages)
{
	/* List links are 32-bit indices; PAGE_NIL itself must stay unused. */
	if (npages >= PAGE_NIL) {
		buddy_corrupt("zone too large", base_pfn + npages);
		npages = PAGE_NIL - 1;
	}
	z->base_pfn = base_pfn;
	z->npages = npages;
	z->pages = pages;
	z->nr_free = 0;
	z->nr_managed = 0;
	for (unsigned k = 0; k <= BUDDY_MAX_ORDER; k++)
		z->free_head[k] = PAGE_NIL;
	for (uint64_t i = 0; i < npages; i++) {
		pages[i].next = pages[i].prev = PAGE_NIL;
		pages[i].order = 0;
		pages[i].flags = PG_RESERVED;
		pages[i].slab_class = 0;
		pages[i].slab_info = 0;
	}
}

/* Largest order of an aligned block starting at pfn that fits in count frames. */
static unsigned fit_order(uint64_t pfn, uint64_t count)
{
	unsigned k = BUDDY_MAX_ORDER;

	if (pfn && (unsigned)__builtin_ctzll(pfn) < k)
		k = (unsigned)__builtin_ctzll(pfn);
	while ((1ULL << k) > count)
		k--;
	return k;
}

/*
 * Frames must be in the zone and still reserved: adding a frame twice
 * would put it on two lists. The range is carved into maximal aligned
 * blocks, each freed through the merging path, so ranges added one by one
 * coalesce exactly as if they had been added together.
 */
void buddy_add_range(struct buddy_zone *z, uint64_t pfn, uint64_t count)
{
	if (!range_in_zone(z, pfn, count)) {
		buddy_corrupt("add_range outside zone", pfn);
		return;
	}
	for (uint64_t i = 0; i < count; i++) {
		if (!(pfn_page(z, pfn + i)->flags & PG_RESERVED)) {
			buddy_corrupt("add_range of a managed frame", pfn + i);
			return;
		}
	}
	for (uint64_t i = 0; i < count; i++)
		pfn_page(z, pfn + i)->flags &= ~PG_RESERVED;
	z->nr_managed += count;
	z->nr_free += count;
	while (count) {
		unsigned k = fit_order(pfn, count);

		free_block(z, pfn, k);
		pfn += 1ULL << k;
		count -= 1ULL << k;
	}
}

/*
 * Take the smallest free block of at least the wanted order and split it,
 * returning the upper halves to the lists. The head page of the result
 * records its order (palloc and kmalloc read it back) and loses PG_FREE.
 */
int64_t buddy_alloc(struct buddy_zone *z, unsigned order)
{
	unsigned k = order;
	uint64_t pfn;

	if (order > BUDDY_MAX_ORDER)
		return -1;
	while (k <= BUDDY_MAX_ORDER && z->free_head[k] == PAGE_NIL)
		k++;
	if (k > BUDDY_MAX_ORDER)
		return -1;
	pfn = z->base_pfn + z->free_head[k];
	list_del(z, pfn, k);
	while (k > order) {
		k--;
		list_add(z, pfn + (1ULL << k), k);
	}
	pfn_page(z, pfn)->order = (uint8_t)order;
	z->nr_free -= 1ULL << order;
	return (int64_t)pfn;
}

/* Is pfn inside a free block bigger than order (i.e. already merged away)? */
static bool inside_larger_free(struct buddy_zone *z, uint64_t pfn, unsigned order)
{
	for (unsigned k = order + 1; k <= BUDDY_MAX_ORDER; k++) {
		uint64_t head = pfn & ~((1ULL << k) - 1);
		struct page *p;

		if (head < z->base_pfn)
			break; /* larger blocks start lower still */
		p = pfn_page(z, head);
		if ((p->flags & PG_FREE) && p->order >= k)
			return true;
	}
	return false;
}

/* Return: NULL if freeing this block is plausible, else what is wrong. */
static const char *check_free(struct buddy_zone *z, uint64_t pfn, unsigned order)
{
	struct page *head, *last;

	if (order > BUDDY_MAX_ORDER)
		return "free with order too large";
	if (pfn & ((1ULL << order) - 1))
		return "free of a misaligned block";
	if (!range_in_zone(z, pfn, 1ULL << order))
		return "free outside zone";
	head = pfn_page(z, pfn);
	last = pfn_page(z, pfn + (1ULL << order) - 1);
	if ((head->flags | last->flags) & PG_RESERVED)
		return "free of a reserved frame";
	if ((head->flags & PG_FREE) || inside_larger_free(z, pfn, order))
		return "double free";
	return NULL;
}

void buddy_free(struct buddy_zone *z, uint64_t pfn, unsigned order)
{
	const char *bad = check_free(z, pfn, order);

	if (bad) {
		buddy_corrupt(bad, pfn);
		return;
	}
	z->nr_free += 1ULL << order;
	free_block(z, pfn, order);
}
