/*
 * test_pgtable.c - host unit tests for the page-table code (kernel/pgtable.c).
 *
 * pgtable.c gets its table pages from pgtable_alloc_table() and reaches
 * them through pgtable_table_va(); in the kernel both live in paging.c.
 * Here they hand out zeroed pages of a malloc'd arena under made-up
 * physical addresses (TABLE_PHYS upwards), so a table address that leaks
 * into a mapping, or a translation of something that is not a table,
 * is caught. Free arena pages are poisoned for ASan. A budget makes the
 * allocator fail on demand, for the -ENOMEM paths.
 *
 * The checks do not trust pgtable.c to read back what it wrote: they walk
 * the raw entries themselves (raw_entry) to see whether a 2 MiB page was
 * used, which flag bits are set, and what a split left behind, and use
 * pt_lookup() as a second, independent view.
 *
 * Built and run by `make test` through kernel/tests/more.mk.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <asm-generic/errno-base.h>

#include "mm.h"
#include "hosttest.h"

#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/asan_interface.h>
#define POISON(p, n) ASAN_POISON_MEMORY_REGION(p, n)
#define UNPOISON(p, n) ASAN_UNPOISON_MEMORY_REGION(p, n)
#else
#define POISON(p, n) ((void)(p), (void)(n))
#define UNPOISON(p, n) ((void)(p), (void)(n))
#endif

#define ARENA_PAGES 4096
/* Far from every physical address the tests map, so the two cannot be confused. */
#define TABLE_PHYS 0x40000000000UL

#define SZ_4K PAGE_SIZE
#define SZ_2M LARGE_PAGE_SIZE
#define KERNEL_HALF 0xffff800000000000UL /* first canonical kernel-half address */

uint64_t pgtable_alloc_table(void);
void *pgtable_table_va(uint64_t pa);

static uint8_t *arena;
static unsigned tables_used;
static int alloc_budget = -1; /* tables still allowed; -1 = no limit */

uint64_t pgtable_alloc_table(void)
{
	if (alloc_budget == 0 || tables_used == ARENA_PAGES)
		return 0;
	if (alloc_budget > 0)
		alloc_budget--;
	uint8_t *p = arena + (uint64_t)tables_used * PAGE_SIZE;
	UNPOISON(p, PAGE_SIZE);
	memset(p, 0, PAGE_SIZE);
	return TABLE_PHYS + (uint64_t)tables_used++ * PAGE_SIZE;
}

/* Only addresses this allocator handed out are tables; anything else is a bug. */
void *pgtable_table_va(uint64_t pa)
{
	if (pa < TABLE_PHYS || pa >= TABLE_PHYS + (uint64_t)tables_used * PAGE_SIZE ||
	    (pa & (PAGE_SIZE - 1))) {
		fprintf(stderr, "pgtable_table_va(%#llx): not a table this test handed out\n",
			(unsigned long long)pa);
		abort();
	}
	return arena + (pa - TABLE_PHYS);
}

static uint64_t *new_pml4(void)
{
	alloc_budget = -1;
	uint64_t pa = pgtable_alloc_table();
	if (!pa) {
		fprintf(stderr, "test arena exhausted\n");
		exit(2);
	}
	return pgtable_table_va(pa);
}

/*
 * Return: the entry for va at level (3 = PML4 ... 0 = PT), read straight
 * from the tables, or NULL if the walk stops above level at a missing
 * table or at a 2 MiB page.
 */
static uint64_t *raw_entry(uint64_t *pml4, uint64_t va, int level)
{
	uint64_t *t = pml4;

	for (int l = 3; l > level; l--) {
		uint64_t e = t[(va >> (12 + 9 * l)) & 511];
		if (!(e & PTE_P) || (e & PTE_PS))
			return NULL;
		t = pgtable_table_va(e & PTE_ADDR);
	}
	return &t[(va >> (12 + 9 * level)) & 511];
}

static uint64_t pde(uint64_t *pml4, uint64_t va)
{
	uint64_t *e = raw_entry(pml4, va, 1);
	return e ? *e : 0;
}

static uint64_t pte(uint64_t *pml4, uint64_t va)
{
	uint64_t *e = raw_entry(pml4, va, 0);
	return e ? *e : 0;
}

/* pt_lookup agrees that va maps to pa with protection prot. */
static bool maps(uint64_t *pml4, uint64_t va, uint64_t pa, unsigned prot)
{
	uint64_t got_pa = ~0UL;
	unsigned got_prot = ~0u;

	if (!pt_lookup(pml4, va, &got_pa, &got_prot)) {
		fprintf(stderr, "  va %#llx: not mapped, want pa %#llx\n", (unsigned long long)va,
			(unsigned long long)pa);
		return false;
	}
	if (got_pa != pa || got_prot != prot) {
		fprintf(stderr, "  va %#llx: pa %#llx prot %#x, want pa %#llx prot %#x\n",
			(unsigned long long)va, (unsigned long long)got_pa, got_prot,
			(unsigned long long)pa, prot);
		return false;
	}
	return true;
}

static bool unmapped(uint64_t *pml4, uint64_t va)
{
	uint64_t pa;
	unsigned prot;

	return !pt_lookup(pml4, va, &pa, &prot);
}

/* Every 4 KiB page of [va, va+size) maps linearly to pa with prot (and offsets carry over). */
static bool maps_range(uint64_t *pml4, uint64_t va, uint64_t pa, uint64_t size, unsigned prot)
{
	for (uint64_t off = 0; off < size; off += SZ_4K)
		if (!maps(pml4, va + off, pa + off, prot) ||
		    !maps(pml4, va + off + 0x123, pa + off + 0x123, prot))
			return false;
	return true;
}

static void test_map_small(void)
{
	uint64_t *pml4 = new_pml4();
	uint64_t va = 0x400000, pa = 0x1234000;
	unsigned before = tables_used;

	CHECK(pt_map(pml4, va, pa, 3 * SZ_4K, PROT_R | PROT_W) == 0);
	CHECK(tables_used - before == 3); /* PDPT, PD, PT */
	CHECK(maps_range(pml4, va, pa, 3 * SZ_4K, PROT_R | PROT_W));
	CHECK(maps(pml4, va + 2 * SZ_4K + 0xfff, pa + 2 * SZ_4K + 0xfff, PROT_R | PROT_W));
	CHECK(unmapped(pml4, va - SZ_4K));
	CHECK(unmapped(pml4, va + 3 * SZ_4K));

	/* The leaf: present, writable, not executable, not global, not a large page. */
	uint64_t e = pte(pml4, va + SZ_4K);
	CHECK((e & PTE_ADDR) == pa + SZ_4K);
	CHECK((e & (PTE_P | PTE_W | PTE_NX)) == (PTE_P | PTE_W | PTE_NX));
	CHECK(!(e & (PTE_G | PTE_PS | PTE_PCD | PTE_PWT | PTE_U)));
	/* Intermediate entries leave the decision to the leaf: writable, executable. */
	uint64_t top = pml4[0];
	CHECK((top & (PTE_P | PTE_W)) == (PTE_P | PTE_W) && !(top & PTE_NX));
	CHECK(!(pde(pml4, va) & PTE_PS));

	/* Lookups allocate nothing. */
	before = tables_used;
	CHECK(unmapped(pml4, 0x7f0000000000UL));
	CHECK(unmapped(pml4, va + SZ_2M));
	CHECK(tables_used == before);

	/* The highest physical address a PTE can hold round-trips exactly. */
	CHECK(pt_map(pml4, 0x10000, PTE_ADDR, SZ_4K, PROT_R) == 0);
	CHECK(maps(pml4, 0x10fff, PTE_ADDR + 0xfff, PROT_R));
	CHECK((pte(pml4, 0x10000) & ~PTE_ADDR) == (PTE_P | PTE_NX | (1UL << 9) /* PTE_MAPPED */));
}

static void test_map_large(void)
{
	uint64_t *pml4 = new_pml4();
	uint64_t va = 0x40000000, pa = 0x80000000;
	unsigned before = tables_used;

	CHECK(pt_map(pml4, va, pa, 2 * SZ_2M, PROT_R | PROT_X) == 0);
	CHECK(tables_used - before == 2); /* PDPT and PD: no page table under a 2 MiB page */
	for (int i = 0; i < 2; i++) {
		uint64_t e = pde(pml4, va + i * SZ_2M);
		CHECK(e & PTE_PS);
		CHECK((e & PTE_ADDR) == pa + i * SZ_2M);
		CHECK((e & PTE_P) && !(e & (PTE_W | PTE_NX | PTE_G)));
		CHECK(raw_entry(pml4, va + i * SZ_2M, 0) == NULL);
	}
	CHECK(maps(pml4, va, pa, PROT_R | PROT_X));
	CHECK(maps(pml4, va + 0x12345, pa + 0x12345, PROT_R | PROT_X));
	CHECK(maps(pml4, va + SZ_2M + 0x1fffff, pa + SZ_2M + 0x1fffff, PROT_R | PROT_X));
	CHECK(unmapped(pml4, va + 2 * SZ_2M));
	CHECK(unmapped(pml4, va - 1));

	/* Enough budget for a 2 MiB page but not for a page table: must still work. */
	pml4 = new_pml4();
	alloc_budget = 2;
	CHECK(pt_map(pml4, va, pa, SZ_2M, PROT_R) == 0);
	CHECK(pde(pml4, va) & PTE_PS);
	alloc_budget = -1;

	/* va and pa both 2 MiB aligned but only 1 MiB long: small pages. */
	pml4 = new_pml4();
	CHECK(pt_map(pml4, va, pa, SZ_2M / 2, PROT_R) == 0);
	CHECK(!(pde(pml4, va) & PTE_PS));
	CHECK(maps_range(pml4, va, pa, SZ_2M / 2, PROT_R));
	CHECK(unmapped(pml4, va + SZ_2M / 2));

	/* va 2 MiB aligned, pa not: a 2 MiB page would map the wrong frames. */
	pml4 = new_pml4();
	before = tables_used;
	CHECK(pt_map(pml4, va, pa + SZ_4K, SZ_2M, PROT_R | PROT_W) == 0);
	CHECK(tables_used - before == 3);
	CHECK(!(pde(pml4, va) & PTE_PS));
	CHECK(maps_range(pml4, va, pa + SZ_4K, SZ_2M, PROT_R | PROT_W));

	/* pa aligned, va not. */
	pml4 = new_pml4();
	CHECK(pt_map(pml4, va + SZ_4K, pa, SZ_2M, PROT_R) == 0);
	CHECK(!(pde(pml4, va) & PTE_PS) && !(pde(pml4, va + SZ_2M) & PTE_PS));
	CHECK(maps_range(pml4, va + SZ_4K, pa, SZ_2M, PROT_R));
}

/* 4 KiB head up to a 2 MiB boundary, one 2 MiB page, 4 KiB tail. */
static void test_map_mixed(void)
{
	uint64_t *pml4 = new_pml4();
	uint64_t va = 0x200000 - 2 * SZ_4K, pa = 0x7400000 - 2 * SZ_4K;
	uint64_t size = 2 * SZ_4K + SZ_2M + 3 * SZ_4K;

	CHECK(pt_map(pml4, va, pa, size, PROT_R | PROT_W) == 0);
	CHECK(!(pde(pml4, va) & PTE_PS));
	CHECK((pte(pml4, va) & PTE_ADDR) == pa);
	CHECK((pte(pml4, va + SZ_4K) & PTE_ADDR) == pa + SZ_4K);
	CHECK(pte(pml4, va - SZ_4K) == 0);

	uint64_t mid = pde(pml4, 0x200000);
	CHECK((mid & PTE_PS) && (mid & PTE_ADDR) == 0x7400000);

	CHECK(!(pde(pml4, 0x400000) & PTE_PS));
	for (int i = 0; i < 3; i++)
		CHECK((pte(pml4, 0x400000 + i * SZ_4K) & PTE_ADDR) == 0x7600000 + i * SZ_4K);
	CHECK(pte(pml4, 0x403000) == 0);

	CHECK(maps_range(pml4, va, pa, size, PROT_R | PROT_W));
	CHECK(unmapped(pml4, va - SZ_4K));
	CHECK(unmapped(pml4, va + size));
}

/* Every protection maps to the right bits, and pt_lookup decodes them back. */
static void test_prot_bits(void)
{
	uint64_t *pml4 = new_pml4();

	for (unsigned prot = 0; prot < 16; prot++) {
		uint64_t va = 0x10000000 + prot * SZ_4K, pa = 0x5000000 + prot * SZ_4K;
		CHECK(pt_map(pml4, va, pa, SZ_4K, prot) == 0);
		uint64_t e = pte(pml4, va);
		CHECK(!!(e & PTE_NX) == !(prot & PROT_X));
		CHECK(!!(e & PTE_W) == !!(prot & PROT_W));
		CHECK(!!(e & PTE_PCD) == !!(prot & PROT_NOCACHE));
		CHECK(!!(e & PTE_PWT) == !!(prot & PROT_NOCACHE));
		CHECK(!(e & (PTE_G | PTE_U | PTE_PS)));
		/* x86 cannot map a page that is not readable: any access right reads
		 * back with PROT_R; with none (PROT_NONE) the page is kept but not
		 * present, so every access faults */
		unsigned rwx = prot & (PROT_R | PROT_W | PROT_X);
		CHECK(maps(pml4, va + 8, pa + 8, rwx ? prot | PROT_R : prot));
		CHECK(!!(e & PTE_P) == !!rwx);
	}

	/* The same for 2 MiB pages. */
	for (unsigned prot = 0; prot < 16; prot++) {
		uint64_t va = 0x80000000 + prot * SZ_2M, pa = 0x100000000 + prot * SZ_2M;
		CHECK(pt_map(pml4, va, pa, SZ_2M, prot) == 0);
		uint64_t e = pde(pml4, va);
		CHECK(e & PTE_PS);
		CHECK(!!(e & PTE_NX) == !(prot & PROT_X));
		CHECK(!!(e & PTE_W) == !!(prot & PROT_W));
		CHECK(!!(e & PTE_PCD) == !!(prot & PROT_NOCACHE));
		unsigned rwx = prot & (PROT_R | PROT_W | PROT_X);
		CHECK(maps(pml4, va + 0x1ff008, pa + 0x1ff008, rwx ? prot | PROT_R : prot));
		CHECK(!!(e & PTE_P) == !!rwx);
	}
}

/* Kernel-half leaves are global (they survive CR3 reloads); lower-half ones never. */
static void test_global(void)
{
	uint64_t *pml4 = new_pml4();

	CHECK(pt_map(pml4, KERNEL_VMA, 0x1000000, SZ_2M + SZ_4K, PROT_R | PROT_X) == 0);
	CHECK((pde(pml4, KERNEL_VMA) & (PTE_PS | PTE_G)) == (PTE_PS | PTE_G));
	CHECK(pte(pml4, KERNEL_VMA + SZ_2M) & PTE_G);
	CHECK(!(pte(pml4, KERNEL_VMA + SZ_2M) & PTE_NX));
	CHECK(maps(pml4, KERNEL_VMA + 0x1234, 0x1001234, PROT_R | PROT_X));
	CHECK(maps(pml4, KERNEL_VMA + SZ_2M, 0x1200000, PROT_R | PROT_X));

	CHECK(pt_map(pml4, KERNEL_HALF, 0x3000, SZ_4K, PROT_R) == 0);
	CHECK(pte(pml4, KERNEL_HALF) & PTE_G);

	/* The last lower-half page, and a large lower-half page. */
	CHECK(pt_map(pml4, USER_TOP - SZ_4K, 0x4000, SZ_4K, PROT_R | PROT_W) == 0);
	CHECK(pte(pml4, USER_TOP - SZ_4K) & PTE_P);
	CHECK(!(pte(pml4, USER_TOP - SZ_4K) & PTE_G));
	CHECK(pt_map(pml4, 0x200000, 0x200000, SZ_2M, PROT_R) == 0);
	CHECK((pde(pml4, 0x200000) & (PTE_PS | PTE_G)) == PTE_PS);

	/* Both halves use separate PML4 slots. */
	CHECK(pml4[511] & PTE_P);
	CHECK(pml4[256] & PTE_P);
	CHECK(pml4[255] & PTE_P);
	CHECK(pml4[0] & PTE_P);
}

/* Unmapping part of a 2 MiB page splits it; the rest keeps frames and attributes. */
static void test_unmap_split(void)
{
	uint64_t *pml4 = new_pml4();
	uint64_t va = 0xffff888000200000UL, pa = 0x600000;
	unsigned prot = PROT_R | PROT_W;

	CHECK(pt_map(pml4, va, pa, SZ_2M, prot) == 0);
	uint64_t large = pde(pml4, va);
	CHECK(large & PTE_PS);

	unsigned before = tables_used;
	CHECK(pt_unmap(pml4, va + 3 * SZ_4K, 2 * SZ_4K) == 0);
	CHECK(tables_used - before == 1);
	/* The PD entry now points to a table: an intermediate entry, writable and executable. */
	uint64_t d = pde(pml4, va);
	CHECK((d & (PTE_P | PTE_W)) == (PTE_P | PTE_W) && !(d & (PTE_PS | PTE_NX)));

	bool ok = true;
	for (unsigned i = 0; i < 512; i++) {
		uint64_t e = pte(pml4, va + i * SZ_4K);
		if (i == 3 || i == 4) {
			ok &= e == 0 && unmapped(pml4, va + i * SZ_4K);
			continue;
		}
		/* Same flags as the large page had, minus PS, plus this page's frame. */
		ok &= e == ((pa + i * SZ_4K) | (large & ~PTE_ADDR & ~PTE_PS));
		ok &= maps(pml4, va + i * SZ_4K + 0x10, pa + i * SZ_4K + 0x10, prot);
	}
	CHECK(ok);
	CHECK(pte(pml4, va) & PTE_G);

	/* Unmapping the whole of a 2 MiB page needs no split and no table. */
	CHECK(pt_map(pml4, va + SZ_2M, pa + SZ_2M, SZ_2M, prot) == 0);
	before = tables_used;
	CHECK(pt_unmap(pml4, va + SZ_2M, SZ_2M) == 0);
	CHECK(tables_used == before);
	CHECK(pde(pml4, va + SZ_2M) == 0);
	CHECK(unmapped(pml4, va + SZ_2M) && unmapped(pml4, va + 2 * SZ_2M - 1));

	/* A range straddling two large pages splits both ends, leaves the outside. */
	uint64_t v2 = 0x40000000;
	CHECK(pt_map(pml4, v2, 0x80000000, 2 * SZ_2M, PROT_R) == 0);
	CHECK(pt_unmap(pml4, v2 + SZ_2M - SZ_4K, 2 * SZ_4K) == 0);
	CHECK(!(pde(pml4, v2) & PTE_PS) && !(pde(pml4, v2 + SZ_2M) & PTE_PS));
	CHECK(maps_range(pml4, v2, 0x80000000, SZ_2M - SZ_4K, PROT_R));
	CHECK(unmapped(pml4, v2 + SZ_2M - SZ_4K) && unmapped(pml4, v2 + SZ_2M));
	CHECK(maps_range(pml4, v2 + SZ_2M + SZ_4K, 0x80200000 + SZ_4K, SZ_2M - SZ_4K, PROT_R));

	/* Then unmap everything: nothing is left. */
	CHECK(pt_unmap(pml4, v2, 2 * SZ_2M) == 0);
	ok = true;
	for (uint64_t off = 0; off < 2 * SZ_2M; off += SZ_4K)
		ok &= unmapped(pml4, v2 + off);
	CHECK(ok);
}

static void test_protect(void)
{
	uint64_t *pml4 = new_pml4();
	uint64_t va = 0x40000000, pa = 0x80000000;
	unsigned rw = PROT_R | PROT_W;

	/* One 4 KiB piece of a 2 MiB page becomes executable and read-only. */
	CHECK(pt_map(pml4, va, pa, SZ_2M, rw) == 0);
	CHECK(pt_protect(pml4, va + 16 * SZ_4K, SZ_4K, PROT_R | PROT_X) == 0);
	CHECK(!(pde(pml4, va) & PTE_PS));
	CHECK(maps(pml4, va + 16 * SZ_4K, pa + 16 * SZ_4K, PROT_R | PROT_X));
	uint64_t e = pte(pml4, va + 16 * SZ_4K);
	CHECK(!(e & (PTE_NX | PTE_W)) && (e & PTE_ADDR) == pa + 16 * SZ_4K);
	CHECK(maps_range(pml4, va, pa, 16 * SZ_4K, rw));
	CHECK(maps_range(pml4, va + 17 * SZ_4K, pa + 17 * SZ_4K, SZ_2M - 17 * SZ_4K, rw));
	CHECK(pte(pml4, va + 17 * SZ_4K) & PTE_NX);

	/* A whole 2 MiB page is re-protected in place: still large, same frame. */
	uint64_t v2 = va + SZ_2M;
	CHECK(pt_map(pml4, v2, pa + SZ_2M, SZ_2M, rw) == 0);
	unsigned before = tables_used;
	CHECK(pt_protect(pml4, v2, SZ_2M, PROT_R | PROT_NOCACHE) == 0);
	CHECK(tables_used == before);
	e = pde(pml4, v2);
	CHECK((e & PTE_PS) && (e & PTE_ADDR) == pa + SZ_2M);
	CHECK((e & (PTE_PCD | PTE_PWT | PTE_NX)) == (PTE_PCD | PTE_PWT | PTE_NX) && !(e & PTE_W));
	CHECK(maps(pml4, v2 + 0x54321, pa + SZ_2M + 0x54321, PROT_R | PROT_NOCACHE));

	/* A range over the middle of two large pages: both split, outside unchanged. */
	uint64_t v3 = 0x80000000, p3 = 0xc0000000;
	CHECK(pt_map(pml4, v3, p3, 2 * SZ_2M, rw) == 0);
	CHECK(pt_protect(pml4, v3 + SZ_2M / 2, SZ_2M, PROT_R) == 0);
	CHECK(maps_range(pml4, v3, p3, SZ_2M / 2, rw));
	CHECK(maps_range(pml4, v3 + SZ_2M / 2, p3 + SZ_2M / 2, SZ_2M, PROT_R));
	CHECK(maps_range(pml4, v3 + 3 * SZ_2M / 2, p3 + 3 * SZ_2M / 2, SZ_2M / 2, rw));

	/* Small pages in a kernel-half range keep PTE_G when re-protected. */
	uint64_t k = KERNEL_VMA + 0x100000;
	CHECK(pt_map(pml4, k, 0x100000, 2 * SZ_4K, PROT_R | PROT_X) == 0);
	CHECK(pt_protect(pml4, k, 2 * SZ_4K, rw) == 0);
	CHECK((pte(pml4, k) & (PTE_G | PTE_W | PTE_NX)) == (PTE_G | PTE_W | PTE_NX));
	CHECK(maps_range(pml4, k, 0x100000, 2 * SZ_4K, rw));

	/* Mapping a 4 KiB page inside a 2 MiB page replaces only that page. */
	uint64_t v4 = 0xc0000000, p4 = 0x40000000;
	CHECK(pt_map(pml4, v4, p4, SZ_2M, rw) == 0);
	CHECK(pt_map(pml4, v4 + 5 * SZ_4K, 0x9999000, SZ_4K, PROT_R) == 0);
	CHECK(maps(pml4, v4 + 5 * SZ_4K + 1, 0x9999001, PROT_R));
	CHECK(maps_range(pml4, v4, p4, 5 * SZ_4K, rw));
	CHECK(maps_range(pml4, v4 + 6 * SZ_4K, p4 + 6 * SZ_4K, SZ_2M - 6 * SZ_4K, rw));
}

static void test_einval(void)
{
	uint64_t *pml4 = new_pml4();
	unsigned before = tables_used;

	CHECK(pt_map(pml4, 0x400001, 0x1000, SZ_4K, PROT_R) == -EINVAL);
	CHECK(pt_map(pml4, 0x400000, 0x1800, SZ_4K, PROT_R) == -EINVAL);
	CHECK(pt_map(pml4, 0x400000, 0x1000, SZ_4K + 1, PROT_R) == -EINVAL);
	CHECK(pt_map(pml4, 0x400000, 0x1000, 100, PROT_R) == -EINVAL);
	CHECK(tables_used == before); /* rejected before anything was touched */
	CHECK(unmapped(pml4, 0x400000));

	CHECK(pt_map(pml4, 0x400000, 0x1000, SZ_4K, PROT_R) == 0);
	CHECK(pt_unmap(pml4, 0x400800, SZ_4K) == -EINVAL);
	CHECK(pt_unmap(pml4, 0x400000, 0x800) == -EINVAL);
	CHECK(pt_protect(pml4, 0x400010, SZ_4K, PROT_R | PROT_W) == -EINVAL);
	CHECK(pt_protect(pml4, 0x400000, SZ_4K - 1, PROT_R | PROT_W) == -EINVAL);
	CHECK(maps(pml4, 0x400000, 0x1000, PROT_R)); /* and nothing changed */

	/* Size 0 is a valid, empty request. */
	CHECK(pt_map(pml4, 0x800000, 0x1000, 0, PROT_R) == 0);
	CHECK(unmapped(pml4, 0x800000));
	CHECK(pt_unmap(pml4, 0x400000, 0) == 0);
	CHECK(maps(pml4, 0x400000, 0x1000, PROT_R));
}

static void test_enomem(void)
{
	uint64_t *pml4 = new_pml4();
	uint64_t va = 0x40000000, pa = 0x80000000;

	alloc_budget = 0;
	CHECK(pt_map(pml4, va, pa, SZ_4K, PROT_R) == -ENOMEM);
	CHECK(pt_map(pml4, va, pa, SZ_2M, PROT_R) == -ENOMEM);
	alloc_budget = 1; /* the PDPT, but not the PD */
	CHECK(pt_map(pml4, va, pa, SZ_4K, PROT_R) == -ENOMEM);
	alloc_budget = 1; /* the PD, but not the PT */
	CHECK(pt_map(pml4, va, pa, SZ_4K, PROT_R) == -ENOMEM);
	CHECK(unmapped(pml4, va));
	alloc_budget = 1; /* now the PT is all that is missing */
	CHECK(pt_map(pml4, va, pa, SZ_4K, PROT_R) == 0);
	CHECK(maps(pml4, va, pa, PROT_R));

	/* Running out part way through a range reports it. */
	pml4 = new_pml4();
	alloc_budget = 3; /* one PT: enough for the first 2 MiB only */
	CHECK(pt_map(pml4, va, pa + SZ_4K, 2 * SZ_2M, PROT_R) == -ENOMEM);
	CHECK(maps(pml4, va, pa + SZ_4K, PROT_R));

	/* No table for a split: the 2 MiB page must stay whole and intact. */
	pml4 = new_pml4();
	CHECK(pt_map(pml4, va, pa, SZ_2M, PROT_R | PROT_W) == 0);
	uint64_t large = pde(pml4, va);
	alloc_budget = 0;
	CHECK(pt_unmap(pml4, va + SZ_4K, SZ_4K) == -ENOMEM);
	CHECK(pt_protect(pml4, va + SZ_4K, SZ_4K, PROT_R) == -ENOMEM);
	CHECK(pt_map(pml4, va + SZ_4K, 0x1000, SZ_4K, PROT_R) == -ENOMEM);
	CHECK(pde(pml4, va) == large);
	CHECK(maps_range(pml4, va, pa, SZ_2M, PROT_R | PROT_W));
	/* ... while whole-page operations need no table. */
	CHECK(pt_protect(pml4, va, SZ_2M, PROT_R) == 0);
	CHECK(maps(pml4, va + SZ_4K, pa + SZ_4K, PROT_R));
	CHECK(pt_unmap(pml4, va, SZ_2M) == 0);
	CHECK(unmapped(pml4, va));
	alloc_budget = -1;
}

/* Unmapping or protecting what is not mapped succeeds and creates no tables. */
static void test_unmapped_ranges(void)
{
	uint64_t *pml4 = new_pml4();
	unsigned before = tables_used;

	CHECK(pt_unmap(pml4, 0x40000000, 2 * SZ_2M) == 0);
	CHECK(pt_protect(pml4, 0x40000000, 2 * SZ_2M, PROT_R) == 0);
	CHECK(pt_unmap(pml4, KERNEL_VMA, SZ_4K) == 0);
	CHECK(tables_used == before);
	CHECK(unmapped(pml4, 0x40000000));

	/* Partly mapped: the mapped pages go, the rest is untouched. */
	uint64_t va = 0x600000;
	CHECK(pt_map(pml4, va, 0x2000000, 2 * SZ_4K, PROT_R) == 0);
	CHECK(pt_map(pml4, va + 8 * SZ_4K, 0x3000000, SZ_4K, PROT_R) == 0);
	before = tables_used;
	CHECK(pt_unmap(pml4, va - 4 * SZ_4K, 8 * SZ_4K) == 0);
	CHECK(tables_used == before);
	CHECK(unmapped(pml4, va) && unmapped(pml4, va + SZ_4K));
	CHECK(maps(pml4, va + 8 * SZ_4K, 0x3000000, PROT_R));

	/* Again: a second unmap of the same range is harmless. */
	CHECK(pt_unmap(pml4, va - 4 * SZ_4K, 8 * SZ_4K) == 0);
	CHECK(maps(pml4, va + 8 * SZ_4K, 0x3000000, PROT_R));
	/* Protecting holes does not make them present. */
	CHECK(pt_protect(pml4, va, 9 * SZ_4K, PROT_R | PROT_W) == 0);
	CHECK(unmapped(pml4, va) && pte(pml4, va) == 0);
	CHECK(maps(pml4, va + 8 * SZ_4K, 0x3000000, PROT_R | PROT_W));
}

int main(void)
{
	arena = aligned_alloc(PAGE_SIZE, (size_t)ARENA_PAGES * PAGE_SIZE);
	if (!arena) {
		perror("arena");
		return 2;
	}
	POISON(arena, (size_t)ARENA_PAGES * PAGE_SIZE);

	test_map_small();
	test_map_large();
	test_map_mixed();
	test_prot_bits();
	test_global();
	test_unmap_split();
	test_protect();
	test_einval();
	test_enomem();
	test_unmapped_ranges();
	return TEST_END();
}
