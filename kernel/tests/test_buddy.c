/*
 * test_buddy.c - host unit tests for the buddy allocator (buddy.c).
 *
 * Every test checks the allocator against an independent view: check_zone()
 * walks the free lists and verifies links, flags, alignment, that no free
 * block overlaps another or a reserved frame, that nr_free matches, and that
 * no two free buddies were left unmerged. The stress test keeps a shadow
 * owner map of live blocks so overlaps and misalignment are caught at once.
 * buddy_corrupt() is defined here to count reports instead of panicking.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buddy.h"
#include "tests/hosttest.h"

static int corrupt_calls;

void buddy_corrupt(const char *what, uint64_t pfn)
{
	corrupt_calls++;
	fprintf(stderr, "(expected) buddy_corrupt: %s at pfn %#llx\n", what,
		(unsigned long long)pfn);
}

static uint64_t rng = 0x9e3779b97f4a7c15ULL;

static uint64_t rnd(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

/* Walk all free lists. Return: true if every invariant holds; counts blocks per order. */
static bool check_zone(struct buddy_zone *z, uint64_t nblocks[BUDDY_MAX_ORDER + 1])
{
	uint8_t *seen = calloc(z->npages, 1);
	uint64_t total = 0;
	bool ok = true;

	for (unsigned k = 0; k <= BUDDY_MAX_ORDER; k++) {
		uint32_t prev = PAGE_NIL;

		nblocks[k] = 0;
		for (uint32_t i = z->free_head[k]; i != PAGE_NIL; i = z->pages[i].next) {
			uint64_t pfn = z->base_pfn + i, buddy = pfn ^ (1ULL << k);
			struct page *p = &z->pages[i];

			ok &= (p->flags & PG_FREE) && p->order == k && p->prev == prev;
			ok &= (pfn & ((1ULL << k) - 1)) == 0 && i + (1ULL << k) <= z->npages;
			for (uint64_t j = i; ok && j < i + (1ULL << k); j++) {
				ok &= !seen[j] && !(z->pages[j].flags & PG_RESERVED);
				ok &= j == i || !(z->pages[j].flags & PG_FREE);
				seen[j] = 1;
			}
			/* A free buddy of the same order would have been merged. */
			if (k < BUDDY_MAX_ORDER && buddy >= z->base_pfn &&
			    buddy - z->base_pfn < z->npages) {
				struct page *b = &z->pages[buddy - z->base_pfn];
				ok &= !((b->flags & PG_FREE) && b->order == k);
			}
			total += 1ULL << k;
			nblocks[k]++;
			prev = i;
			if (!ok)
				break;
		}
	}
	/* Every other page must not claim to head a free block. */
	for (uint64_t j = 0; j < z->npages; j++)
		ok &= seen[j] || !(z->pages[j].flags & PG_FREE);
	free(seen);
	return ok && total == z->nr_free;
}

static bool zone_ok(struct buddy_zone *z)
{
	uint64_t n[BUDDY_MAX_ORDER + 1];

	return check_zone(z, n);
}

/* Blocks in the greedy decomposition of [pfn, end) into maximal aligned blocks. */
static uint64_t greedy_blocks(uint64_t pfn, uint64_t end)
{
	uint64_t n = 0;

	while (pfn < end) {
		unsigned k = BUDDY_MAX_ORDER;

		while ((pfn & ((1ULL << k) - 1)) || pfn + (1ULL << k) > end)
			k--;
		pfn += 1ULL << k;
		n++;
	}
	return n;
}

/* Ranges with holes (frames 100-149, 1000, 4097) and odd alignment. */
static const uint64_t ranges[][2] = { { 3, 100 }, { 150, 1000 }, { 1001, 4097 }, { 4098, 5003 } };
#define NRANGES (sizeof(ranges) / sizeof(ranges[0]))
#define ZBASE 3
#define ZPAGES 5000

static void setup_holes(struct buddy_zone *z, struct page *pg, uint64_t *managed)
{
	buddy_init(z, ZBASE, ZPAGES, pg);
	*managed = 0;
	for (unsigned r = 0; r < NRANGES; r++) {
		buddy_add_range(z, ranges[r][0], ranges[r][1] - ranges[r][0]);
		*managed += ranges[r][1] - ranges[r][0];
	}
}

static uint64_t expected_blocks(void)
{
	uint64_t n = 0;

	for (unsigned r = 0; r < NRANGES; r++)
		n += greedy_blocks(ranges[r][0], ranges[r][1]);
	return n;
}

static uint64_t count_blocks(struct buddy_zone *z)
{
	uint64_t n[BUDDY_MAX_ORDER + 1], total = 0;

	check_zone(z, n);
	for (unsigned k = 0; k <= BUDDY_MAX_ORDER; k++)
		total += n[k];
	return total;
}

static bool is_reserved_hole(uint64_t pfn)
{
	for (unsigned r = 0; r < NRANGES; r++)
		if (pfn >= ranges[r][0] && pfn < ranges[r][1])
			return false;
	return true;
}

static void test_holes_and_exhaust(void)
{
	static struct page pg[ZPAGES];
	static int64_t got[ZPAGES];
	struct buddy_zone z;
	uint64_t managed, n = 0;
	bool ok = true;

	setup_holes(&z, pg, &managed);
	CHECK(z.nr_managed == managed && z.nr_free == managed);
	CHECK(zone_ok(&z));
	CHECK(count_blocks(&z) == expected_blocks());
	CHECK(buddy_alloc(&z, BUDDY_MAX_ORDER + 1) == -1);
	CHECK(buddy_alloc(&z, 200) == -1);

	/* Take every frame one at a time; none may be a hole or repeat. */
	for (int64_t pfn; (pfn = buddy_alloc(&z, 0)) >= 0; n++) {
		ok &= n < managed && !is_reserved_hole((uint64_t)pfn);
		ok &= (uint64_t)pfn >= ZBASE && (uint64_t)pfn < ZBASE + ZPAGES;
		if (!ok)
			break;
		ok &= pg[pfn - ZBASE].order == 0;
		got[n] = pfn;
	}
	CHECK(ok);
	CHECK(n == managed);
	CHECK(z.nr_free == 0);
	CHECK(buddy_alloc(&z, 0) == -1 && buddy_alloc(&z, 3) == -1);
	CHECK(zone_ok(&z));
	for (uint64_t i = 0; i < n; i++)
		ok &= pg[got[i] - ZBASE].flags == 0;
	CHECK(ok);

	/* Free in a scrambled order; the zone must coalesce back exactly. */
	for (uint64_t i = n; i > 1; i--) {
		uint64_t j = rnd() % i, t = (uint64_t)got[i - 1];
		got[i - 1] = got[j];
		got[j] = (int64_t)t;
	}
	for (uint64_t i = 0; i < n; i++)
		buddy_free(&z, (uint64_t)got[i], 0);
	CHECK(corrupt_calls == 0);
	CHECK(z.nr_free == managed);
	CHECK(zone_ok(&z));
	CHECK(count_blocks(&z) == expected_blocks());
	for (uint64_t p = 100; p < 150; p++)
		ok &= pg[p - ZBASE].flags == PG_RESERVED;
	CHECK(ok && pg[1000 - ZBASE].flags == PG_RESERVED);

	/* The biggest block in [1001, 4097) is order 11 at 2048. */
	int64_t big = buddy_alloc(&z, 11);
	CHECK(big == 2048);
	CHECK(buddy_alloc(&z, 11) == -1 && buddy_alloc(&z, 12) == -1);
	buddy_free(&z, 2048, 11);
	CHECK(z.nr_free == managed && zone_ok(&z));
}

/* A zone of 2^18 + 2^17 frames added piecemeal must coalesce to max order. */
static void test_coalesce_max(void)
{
	const uint64_t base = 1ULL << BUDDY_MAX_ORDER, npages = 3ULL << (BUDDY_MAX_ORDER - 1);
	struct page *pg = malloc(npages * sizeof(*pg));
	uint64_t n[BUDDY_MAX_ORDER + 1];
	struct buddy_zone z;
	uint64_t pfn = base;

	buddy_init(&z, base, npages, pg);
	/* Odd-sized pieces, added low to high, then the tail. */
	while (pfn < base + npages) {
		uint64_t len = 1 + rnd() % 777;
		if (pfn + len > base + npages)
			len = base + npages - pfn;
		buddy_add_range(&z, pfn, len);
		pfn += len;
	}
	CHECK(z.nr_free == npages && z.nr_managed == npages);
	CHECK(check_zone(&z, n));
	CHECK(n[BUDDY_MAX_ORDER] == 1 && n[BUDDY_MAX_ORDER - 1] == 1);
	CHECK(count_blocks(&z) == 2);
	CHECK(buddy_alloc(&z, BUDDY_MAX_ORDER) == (int64_t)base);
	CHECK(buddy_alloc(&z, BUDDY_MAX_ORDER) == -1);
	buddy_free(&z, base, BUDDY_MAX_ORDER);
	CHECK(z.nr_free == npages && count_blocks(&z) == 2);
	CHECK(corrupt_calls == 0);
	free(pg);
}

#define MAXLIVE 4096

/* Shadow model for the stress test: which live block owns each frame (-1: none). */
static int32_t owner[ZPAGES];
static struct { uint64_t pfn; unsigned order; } live[MAXLIVE];
static unsigned nlive;

/* Record frames [pfn, pfn + 2^order) as owned by live[idx]. Return: false on overlap. */
static bool claim(uint64_t pfn, unsigned order, int32_t idx, bool must_be_unowned)
{
	for (uint64_t f = pfn; f < pfn + (1ULL << order); f++) {
		if (f < ZBASE || f >= ZBASE + ZPAGES || is_reserved_hole(f))
			return false;
		if (must_be_unowned && owner[f - ZBASE] != -1)
			return false;
		owner[f - ZBASE] = idx;
	}
	return true;
}

/* Allocate a random order. Return: frames taken (0 if none free), or -1 if wrong. */
static int64_t stress_alloc(struct buddy_zone *z)
{
	unsigned order = (unsigned)(rnd() % 100 < 80 ? rnd() % 3 : rnd() % 10);
	int64_t pfn = buddy_alloc(z, order);

	if (pfn < 0)
		return 0;
	if (((uint64_t)pfn & ((1ULL << order) - 1)) ||
	    !claim((uint64_t)pfn, order, (int32_t)nlive, true))
		return -1;
	live[nlive].pfn = (uint64_t)pfn;
	live[nlive++].order = order;
	return 1LL << order;
}

/* Free a random live block. Return: frames given back. */
static uint64_t stress_free(struct buddy_zone *z)
{
	unsigned i = (unsigned)(rnd() % nlive);
	uint64_t pfn = live[i].pfn;
	unsigned order = live[i].order;

	claim(pfn, order, -1, false);
	buddy_free(z, pfn, order);
	live[i] = live[--nlive];
	if (i < nlive) /* the last entry moved into slot i */
		claim(live[i].pfn, live[i].order, (int32_t)i, false);
	return 1ULL << order;
}

/* Random alloc/free against the shadow model: no overlap, right alignment, exact counts. */
static void test_stress(void)
{
	static struct page pg[ZPAGES];
	uint64_t managed, used = 0;
	unsigned fails = 0;
	struct buddy_zone z;
	bool ok = true, accounting = true;

	setup_holes(&z, pg, &managed);
	memset(owner, -1, sizeof(owner));
	nlive = 0;
	for (int it = 0; it < 200000 && ok; it++) {
		if (nlive < MAXLIVE && (nlive == 0 || rnd() % 100 < 55)) {
			int64_t got = stress_alloc(&z);
			ok &= got >= 0;
			fails += got == 0;
			used += got > 0 ? (uint64_t)got : 0;
		} else {
			used -= stress_free(&z);
		}
		accounting &= z.nr_free == managed - used;
		if (it % 20000 == 0)
			ok &= zone_ok(&z);
	}
	CHECK(ok);
	CHECK(accounting);
	CHECK(fails > 0); /* the big requests must sometimes find no room */
	CHECK(corrupt_calls == 0);
	while (nlive)
		used -= stress_free(&z);
	CHECK(used == 0 && z.nr_free == managed && zone_ok(&z));
	CHECK(count_blocks(&z) == expected_blocks());
}

/* A double free is caught even after the block has merged with its buddy. */
static void test_double_free_merged(void)
{
	static struct page pg[16];
	struct buddy_zone z;
	int64_t a, b;

	buddy_init(&z, 32, 16, pg);
	buddy_add_range(&z, 32, 16);
	corrupt_calls = 0;
	a = buddy_alloc(&z, 0);
	b = buddy_alloc(&z, 0);
	CHECK(a == 32 && b == 33); /* splitting hands out the lower halves first */
	buddy_free(&z, 32, 0);
	CHECK(corrupt_calls == 0 && pg[0].flags == PG_FREE && pg[0].order == 0);
	buddy_free(&z, 32, 0); /* head still PG_FREE */
	CHECK(corrupt_calls == 1 && z.nr_free == 15);
	buddy_free(&z, 33, 0); /* merges all the way back to one order-4 block */
	CHECK(corrupt_calls == 1 && z.nr_free == 16 && pg[0].order == 4 && count_blocks(&z) == 1);
	buddy_free(&z, 33, 0); /* 33 is no longer a head, but lies in a free block */
	buddy_free(&z, 32, 0);
	buddy_free(&z, 40, 3);
	CHECK(corrupt_calls == 4);
	CHECK(z.nr_free == 16 && count_blocks(&z) == 1 && zone_ok(&z));
	a = buddy_alloc(&z, 4);
	CHECK(a == 32 && z.nr_free == 0 && buddy_alloc(&z, 0) == -1);
	buddy_free(&z, 32, 4);
	CHECK(corrupt_calls == 4 && z.nr_free == 16 && zone_ok(&z));
	corrupt_calls = 0;
}

/* A block running from an allocated frame into a reserved one is refused. */
static void test_free_into_reserved(void)
{
	static struct page pg[8];
	struct buddy_zone z;

	buddy_init(&z, 0x40, 8, pg);
	buddy_add_range(&z, 0x40, 3); /* 0x43 and up stay reserved */
	corrupt_calls = 0;
	CHECK(buddy_alloc(&z, 0) == 0x42); /* the lone order-0 block */
	buddy_free(&z, 0x42, 1);
	CHECK(corrupt_calls == 1 && z.nr_free == 2 && zone_ok(&z));
	CHECK(pg[3].flags == PG_RESERVED);
	buddy_free(&z, 0x42, 0);
	CHECK(corrupt_calls == 1 && z.nr_free == 3 && count_blocks(&z) == 2 && zone_ok(&z));
	corrupt_calls = 0;
}

/* Caller bugs are reported and ignored without damaging the zone. */
static void test_bad_frees(void)
{
	static struct page pg[ZPAGES];
	struct buddy_zone z;
	uint64_t managed;
	int64_t a;

	setup_holes(&z, pg, &managed);
	corrupt_calls = 0;
	buddy_free(&z, 120, 0);  /* in a hole */
	buddy_free(&z, 1000, 0); /* the one-frame hole */
	buddy_free(&z, 4096, 1); /* 4097 is reserved */
	CHECK(corrupt_calls == 3);
	a = buddy_alloc(&z, 3);
	CHECK(a >= 0);
	buddy_free(&z, (uint64_t)a + 2, 2); /* misaligned */
	buddy_free(&z, (uint64_t)a, BUDDY_MAX_ORDER + 1);
	buddy_free(&z, ZBASE + ZPAGES, 0); /* past the zone */
	buddy_free(&z, 1, 0);              /* below the zone */
	CHECK(corrupt_calls == 7);
	buddy_add_range(&z, 500, 4);    /* already managed */
	buddy_add_range(&z, 4990, 100); /* runs past the zone */
	buddy_add_range(&z, 1, 5);      /* starts below the zone */
	CHECK(corrupt_calls == 10);
	CHECK(z.nr_managed == managed && z.nr_free == managed - 8 && zone_ok(&z));
	buddy_free(&z, (uint64_t)a, 3);
	CHECK(corrupt_calls == 10 && z.nr_free == managed && zone_ok(&z));
	CHECK(count_blocks(&z) == expected_blocks());

	/* Filling a hole later merges it with its neighbours. */
	buddy_add_range(&z, 1000, 1);
	CHECK(z.nr_managed == managed + 1 && z.nr_free == managed + 1 && zone_ok(&z));
	CHECK(count_blocks(&z) == expected_blocks() - greedy_blocks(150, 1000) -
				  greedy_blocks(1001, 4097) + greedy_blocks(150, 4097));
	CHECK(corrupt_calls == 10);
	corrupt_calls = 0;
}

int main(void)
{
	test_holes_and_exhaust();
	test_coalesce_max();
	test_stress();
	test_double_free_merged();
	test_free_into_reserved();
	test_bad_frees();
	return TEST_END();
}
