/*
 * test_kmalloc.c - host unit tests for the kernel heap (kmalloc.c).
 *
 * kmalloc.c runs unchanged on top of palloc_host.c (buddy.c over a malloc'd
 * arena). Pages come from palloc filled with junk, so kzalloc must really
 * zero. Objects are filled with a per-object pattern and checked later, so
 * two live objects that overlap are caught. Page accounting is checked via
 * palloc_free_pages(): after everything is freed the heap may keep only
 * one cached empty slab per size class.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "mm.h"
#include "tests/hosttest.h"

#define ARENA_PAGES 2048 /* 8 MiB: small enough to run out of */
#define NCLASS 8

void palloc_host_init(uint64_t npages);
extern int buddy_corrupt_calls;
extern int kmalloc_corrupt_calls;
extern const char *kmalloc_corrupt_what;

static const size_t class_sizes[NCLASS] = { 16, 32, 64, 128, 256, 512, 1024, 2048 };

static uint64_t rng = 0x2545f4914f6cdd1dULL;

static uint64_t rnd(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

static void fill(void *p, size_t n, unsigned tag)
{
	memset(p, (int)(tag & 0xff) | 1, n);
}

static bool filled(const void *p, size_t n, unsigned tag)
{
	const unsigned char *c = p;

	for (size_t i = 0; i < n; i++)
		if (c[i] != ((tag & 0xff) | 1))
			return false;
	return true;
}

/* Allocate one object of every class and free it, so each class has its cached slab. */
static uint64_t warm_baseline(void)
{
	for (int c = 0; c < NCLASS; c++)
		kfree(kmalloc(class_sizes[c]));
	return palloc_free_pages();
}

static void test_classes(uint64_t baseline)
{
	static const size_t asks[] = { 0, 1, 15, 16, 17, 31, 32, 33, 64, 100, 128, 129, 255, 256,
				       257, 500, 512, 513, 1000, 1024, 1025, 2047, 2048 };
	void *p[sizeof(asks) / sizeof(asks[0])];
	bool ok = true;

	for (unsigned i = 0; i < sizeof(asks) / sizeof(asks[0]); i++) {
		size_t want = asks[i] < 16 ? 16 : asks[i], cls = 16;
		while (cls < want)
			cls *= 2;
		p[i] = kmalloc(asks[i]);
		ok &= p[i] != NULL && ((uintptr_t)p[i] & (cls - 1)) == 0;
		ok &= kmalloc_usable_size(p[i]) == cls;
		if (!ok) {
			fprintf(stderr, "size %zu: got %p usable %zu\n", asks[i], p[i],
				kmalloc_usable_size(p[i]));
			break;
		}
		fill(p[i], cls, i); /* the whole usable size is ours */
	}
	CHECK(ok);
	for (unsigned i = 0; ok && i < sizeof(asks) / sizeof(asks[0]); i++) {
		ok &= filled(p[i], kmalloc_usable_size(p[i]), i);
		for (unsigned j = 0; j < i; j++)
			ok &= p[i] != p[j];
	}
	CHECK(ok);
	for (unsigned i = 0; i < sizeof(asks) / sizeof(asks[0]); i++)
		kfree(p[i]);
	kfree(NULL);
	CHECK(kmalloc_usable_size(NULL) == 0);
	CHECK(palloc_free_pages() == baseline);
	CHECK(kmalloc_corrupt_calls == 0);
}

static void test_kzalloc(uint64_t baseline)
{
	bool ok = true;

	for (int c = 0; c < NCLASS; c++) {
		/* Dirty a recycled object first so kzalloc has something to clear. */
		unsigned char *d = kmalloc(class_sizes[c]);
		memset(d, 0xee, class_sizes[c]);
		kfree(d);
		unsigned char *z = kzalloc(class_sizes[c]);
		ok &= z != NULL;
		for (size_t i = 0; ok && i < class_sizes[c]; i++)
			ok &= z[i] == 0;
		kfree(z);
	}
	unsigned char *big = kzalloc(3 * PAGE_SIZE + 5);
	ok &= big != NULL;
	for (size_t i = 0; ok && i < 3 * PAGE_SIZE + 5; i++)
		ok &= big[i] == 0;
	kfree(big);
	CHECK(ok);
	CHECK(palloc_free_pages() == baseline);
}

/* Many objects of random classes, freed in random order: no overlap, all pages come back. */
#define NOBJ 3000
static void test_many(uint64_t baseline)
{
	static void *obj[NOBJ];
	static size_t sz[NOBJ];
	bool ok = true;

	for (int i = 0; i < NOBJ; i++) {
		sz[i] = 1 + rnd() % 600;
		obj[i] = kmalloc(sz[i]);
		ok &= obj[i] != NULL && ((uintptr_t)obj[i] & 15) == 0;
		if (!ok)
			break;
		fill(obj[i], sz[i], (unsigned)i);
	}
	CHECK(ok);
	CHECK(palloc_free_pages() < baseline - 50);
	for (int i = 0; ok && i < NOBJ; i++)
		ok &= filled(obj[i], sz[i], (unsigned)i);
	CHECK(ok);
	for (int i = NOBJ; i > 1; i--) {
		int j = (int)(rnd() % (uint64_t)i);
		void *t = obj[i - 1];
		size_t ts = sz[i - 1];
		obj[i - 1] = obj[j], sz[i - 1] = sz[j];
		obj[j] = t, sz[j] = ts;
	}
	/* Free half, check the rest survived, reuse, then free all. */
	for (int i = 0; i < NOBJ / 2; i++)
		kfree(obj[i]);
	for (int i = NOBJ / 2; ok && i < NOBJ; i++)
		ok &= kmalloc_usable_size(obj[i]) >= sz[i];
	for (int i = 0; i < NOBJ / 2; i++) {
		obj[i] = kmalloc(sz[i]);
		ok &= obj[i] != NULL;
		if (ok)
			memset(obj[i], 0, sz[i]);
	}
	CHECK(ok);
	for (int i = 0; i < NOBJ; i++)
		kfree(obj[i]);
	CHECK(palloc_free_pages() == baseline);
	CHECK(kmalloc_corrupt_calls == 0 && buddy_corrupt_calls == 0);
}

static void test_large(uint64_t baseline)
{
	static const size_t asks[] = { 2049, 4096, 4097, 8192, 3 * 4096, 100000, 1 << 18 };
	static const unsigned orders[] = { 0, 0, 1, 1, 2, 5, 6 };
	void *p[7];
	bool ok = true;

	for (int i = 0; i < 7; i++) {
		p[i] = kmalloc(asks[i]);
		ok &= p[i] && ((uintptr_t)p[i] & (PAGE_SIZE - 1)) == 0;
		ok &= kmalloc_usable_size(p[i]) == (PAGE_SIZE << orders[i]);
		if (!ok)
			break;
		struct page *pg = pa_to_page(va_to_pa(p[i]));
		ok &= (pg->flags & PG_LARGE) && pg->order == orders[i];
		fill(p[i], kmalloc_usable_size(p[i]), (unsigned)i);
	}
	CHECK(ok);
	for (int i = 0; ok && i < 7; i++)
		ok &= filled(p[i], asks[i], (unsigned)i);
	CHECK(ok);
	for (int i = 0; i < 7 && p[i]; i++) {
		struct page *pg = pa_to_page(va_to_pa(p[i]));
		kfree(p[i]);
		ok &= !(pg->flags & PG_LARGE); /* freed: flags restored */
	}
	CHECK(ok);
	CHECK(palloc_free_pages() == baseline);
	/* Too big for any buddy block, or overflowing the page rounding. */
	CHECK(kmalloc((size_t)PAGE_SIZE << 19) == NULL);
	CHECK(kmalloc(SIZE_MAX) == NULL && kmalloc(SIZE_MAX - 100) == NULL);
	CHECK(kzalloc(SIZE_MAX) == NULL);
	CHECK(palloc_free_pages() == baseline);
}

/* Exhaust the arena with small objects, then with a large one; recover after frees. */
static void test_oom(uint64_t baseline)
{
	void **objs = malloc(ARENA_PAGES * 32 * sizeof(void *));
	size_t n = 0;
	bool ok = true;

	while ((objs[n] = kmalloc(128)) != NULL) {
		n++;
		ok &= n < ARENA_PAGES * 32;
		if (!ok)
			break;
	}
	CHECK(ok);
	CHECK(palloc_free_pages() == 0);
	CHECK(n >= (baseline - 1) * (PAGE_SIZE / 128));
	CHECK(kmalloc(3000) == NULL && kmalloc(128) == NULL);
	/* Other classes may still have room in their cached slab, but not beyond it. */
	void *s = kmalloc(16);
	CHECK(s != NULL);
	kfree(s);
	for (size_t i = 0; i < n; i++)
		kfree(objs[i]);
	CHECK(palloc_free_pages() == baseline);
	void *big = kmalloc(PAGE_SIZE * 64);
	CHECK(big != NULL);
	kfree(big);
	CHECK(palloc_free_pages() == baseline);
	CHECK(kmalloc(PAGE_SIZE * ARENA_PAGES) == NULL); /* more than the arena */
	CHECK(kmalloc_corrupt_calls == 0);
	free(objs);
}

static void expect_corrupt(void *p, const char *label)
{
	int before = kmalloc_corrupt_calls;

	kfree(p);
	if (kmalloc_corrupt_calls != before + 1)
		fprintf(stderr, "not detected: %s\n", label);
	CHECK(kmalloc_corrupt_calls == before + 1);
}

static void test_bad_frees(uint64_t baseline)
{
	char *a = kmalloc(64), *b = kmalloc(64), *big = kmalloc(10000);
	static char not_heap[64];
	uint64_t free_before;

	kfree(a);
	free_before = palloc_free_pages();
	expect_corrupt(a, "double free");
	expect_corrupt(a + 16, "misaligned in a slab");
	expect_corrupt(b + 8, "misaligned");
	expect_corrupt(big + PAGE_SIZE, "inside a large allocation");
	expect_corrupt(big + 16, "inside a large allocation's first page");
	expect_corrupt(not_heap, "static object");
	uint64_t pa = palloc_pages(0);
	expect_corrupt(pa_to_va(pa), "page straight from palloc");
	pfree_pages(pa, 0);
	expect_corrupt(pa_to_va(pa), "free page");
	CHECK(palloc_free_pages() == free_before);
	CHECK(kmalloc_usable_size(b) == 64);
	int calls = kmalloc_corrupt_calls;
	CHECK(kmalloc_usable_size(b + 8) == 0 && kmalloc_usable_size(not_heap) == 0);
	CHECK(kmalloc_usable_size(big + 16) == 0);
	CHECK(kmalloc_corrupt_calls == calls + 3);
	/* The slab survived: a and b's neighbours are still handed out sanely. */
	char *c = kmalloc(64), *d = kmalloc(64);
	CHECK(c == a && d != b && d != c);
	kfree(c);
	kfree(d);
	kfree(b);
	expect_corrupt(b, "double free of last object in the slab");
	kfree(big);
	expect_corrupt(big, "double free of a large allocation");
	CHECK(palloc_free_pages() == baseline);

	/* A live object that happens to contain its own free tag is still live. */
	uint64_t *e = kmalloc(16);
	e[0] = 0xffff;
	e[1] = 0x6b65656c66726565ULL ^ (uintptr_t)e;
	int before = kmalloc_corrupt_calls;
	kfree(e);
	CHECK(kmalloc_corrupt_calls == before);
	CHECK(palloc_free_pages() == baseline);
	CHECK(buddy_corrupt_calls == 0);
	kmalloc_corrupt_calls = 0;
}

int main(void)
{
	uint64_t baseline;

	palloc_host_init(ARENA_PAGES);
	CHECK(palloc_free_pages() == ARENA_PAGES);
	baseline = warm_baseline();
	CHECK(baseline == ARENA_PAGES - NCLASS);
	test_classes(baseline);
	test_kzalloc(baseline);
	test_many(baseline);
	test_large(baseline);
	test_oom(baseline);
	test_bad_frees(baseline);
	return TEST_END();
}
