/*
 * selftest_mm.c - self-tests of memory: the heap and page allocator on the
 * real machine, demand-zero paging, running out of memory, and the fatal
 * fault report.
 */
#include "selftest.h"
#include "mm.h"
#include "vma.h"
#include "time.h"
#include "cpu.h"

#define TEST_VA 0x10000000UL /* lower half, nothing else mapped there yet */

int selftest_boot(const char *arg)
{
	(void)arg;
	uint64_t free0 = palloc_free_pages();
	ST_CHECK(free0 > 0 && free0 <= palloc_total_pages());

	void *small = kmalloc(100), *big = kmalloc(100000);
	ST_CHECK(small && big);
	memset(small, 0xab, 100);
	memset(big, 0xcd, 100000);
	ST_CHECK(((uint8_t *)big)[99999] == 0xcd);
	kfree(small);
	kfree(big);

	uint64_t pa = palloc_pages(0), pa2;
	unsigned prot;
	ST_CHECK(pa != 0);
	ST_CHECK(pt_lookup(kernel_pml4, (uint64_t)pa_to_va(pa), &pa2, &prot) && pa2 == pa);
	ST_CHECK(prot == (PROT_R | PROT_W));
	pfree_pages(pa, 0);
	ST_CHECK(pt_lookup(kernel_pml4, (uint64_t)selftest_boot, &pa2, &prot));
	ST_CHECK(prot == (PROT_R | PROT_X)); /* text is read-only and executable */
	ST_CHECK(!pt_lookup(kernel_pml4, 0x1000, &pa2, &prot)); /* no identity map left */

	uint64_t t0 = clock_ns();
	thread_sleep_ns(2000000);
	uint64_t slept = clock_ns() - t0;
	ST_CHECK(slept >= 2000000);
	printk("selftest boot: 2 ms sleep took %lu us, %lu timer interrupts so far\n",
	       slept / 1000, timer_interrupts());
	return 0;
}

int selftest_pagefault(const char *arg)
{
	(void)arg;
	printk("selftest pagefault: writing to %#lx, which no VMA covers\n", TEST_VA);
	*(volatile uint64_t *)TEST_VA = 42;
	printk("selftest pagefault: the write did not fault\n");
	return 1;
}

int selftest_panic(const char *arg)
{
	(void)arg;
	panic("selftest: deliberate panic (%d)", 42);
}

int selftest_demandzero(const char *arg)
{
	(void)arg;
	struct vma v;
	const uint64_t len = 64 * PAGE_SIZE;

	ST_CHECK(mm_map_anon(TEST_VA, len, PROT_R | PROT_W, &v) == 0);
	struct vma dup;
	ST_CHECK(mm_map_anon(TEST_VA + PAGE_SIZE, PAGE_SIZE, PROT_R, &dup) < 0);
	uint64_t free0 = palloc_free_pages();
	volatile uint64_t *p = (volatile uint64_t *)TEST_VA;
	bool zero = true;
	for (uint64_t off = 0; off < len / 8; off += PAGE_SIZE / 8 * 2) /* every other page */
		zero &= p[off] == 0;
	ST_CHECK(zero);
	uint64_t touched = free0 - palloc_free_pages();
	ST_CHECK(touched >= 32); /* one page each, plus page tables */
	ST_CHECK(touched <= 32 + 3);
	for (uint64_t i = 0; i < len / 8; i++)
		p[i] = i * 7;
	uint64_t sum = 0;
	for (uint64_t i = 0; i < len / 8; i++)
		sum += p[i] == i * 7;
	ST_CHECK(sum == len / 8);
	printk("selftest demandzero: %lu pages allocated on first touch of 32, all zero\n", touched);
	mm_unmap_anon(&v);
	ST_CHECK(palloc_free_pages() >= free0 - 3);
	return 0;
}

struct chunk {
	struct chunk *next;
};

/* Allocate size-byte objects until kmalloc fails; free them. Return: count. */
static uint64_t exhaust(size_t size)
{
	struct chunk *head = NULL;
	uint64_t n = 0;
	for (;;) {
		struct chunk *c = kmalloc(size);
		if (!c)
			break;
		c->next = head;
		head = c;
		n++;
	}
	while (head) {
		struct chunk *next = head->next;
		kfree(head);
		head = next;
	}
	return n;
}

int selftest_oom(const char *arg)
{
	(void)arg;
	uint64_t free0 = palloc_free_pages();
	uint64_t big = exhaust(64 * 1024);
	printk("selftest oom: %lu x 64 KiB (%lu MiB) before kmalloc returned NULL\n", big,
	       big * 64 / 1024);
	ST_CHECK(big * 64 * 1024 >= free0 * PAGE_SIZE / 2);
	ST_CHECK(palloc_free_pages() == free0);

	uint64_t small = exhaust(256);
	printk("selftest oom: %lu x 256 B before kmalloc returned NULL\n", small);
	ST_CHECK(small > free0 * (PAGE_SIZE / 256) / 2);
	/* the heap may keep one empty slab per size class cached */
	ST_CHECK(palloc_free_pages() + 8 >= free0);

	/* take every page, chained through the pages themselves, then give them back */
	uint64_t pages = 0, head = 0, pa;
	while ((pa = palloc_pages(0))) {
		*(uint64_t *)pa_to_va(pa) = head;
		head = pa;
		pages++;
	}
	ST_CHECK(palloc_free_pages() == 0);
	ST_CHECK(kmalloc(8192) == NULL);
	printk("selftest oom: took every one of %lu pages; allocations now fail cleanly\n", pages);
	while (head) {
		pa = head;
		head = *(uint64_t *)pa_to_va(pa);
		pfree_pages(pa, 0);
	}
	ST_CHECK(palloc_free_pages() == pages);
	return 0;
}

int selftest_oom_fault(const char *arg)
{
	(void)arg;
	struct vma v;
	uint64_t len = mm_phys_end() * 2;

	ST_CHECK(mm_map_anon(TEST_VA, len, PROT_R | PROT_W, &v) == 0);
	printk("selftest oom-fault: touching %lu MiB of anonymous memory\n", len >> 20);
	for (uint64_t a = TEST_VA; a < TEST_VA + len; a += PAGE_SIZE)
		*(volatile char *)a = 1;
	printk("selftest oom-fault: touched more than there is\n");
	return 1;
}
