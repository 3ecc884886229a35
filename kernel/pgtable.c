/*
 * pgtable.c - map, unmap, protect and look up addresses in a 4-level x86-64
 * page table, with 4 KiB and 2 MiB pages.
 *
 * A range is mapped with 2 MiB pages wherever virtual and physical address
 * and the remaining length allow it, and with 4 KiB pages elsewhere. A
 * 2 MiB page that must change only in part (unmap or protect a piece of
 * it) is first split into 512 small pages with the same attributes.
 * Intermediate tables are writable and executable; the leaf decides.
 * Table pages come from paging.c (pgtable_alloc_table), which also says how
 * to reach a table's memory, so this file works both before and after the
 * direct map exists. Callers serialise changes to one hierarchy.
 */
#include "mm.h"
#include "klib.h"
#include <asm-generic/errno-base.h>

#define LARGE_MASK (LARGE_PAGE_SIZE - 1)

uint64_t pgtable_alloc_table(void); /* paging.c: a zeroed page, or 0 */
void *pgtable_table_va(uint64_t pa);

static unsigned idx(uint64_t va, int level) /* level 3 = PML4 ... 0 = PT */
{
	return (va >> (12 + 9 * level)) & 511;
}

/*
 * A leaf that maps a page has PTE_MAPPED (a bit the CPU ignores); PTE_P is
 * set only if some access is allowed. So a PROT_NONE page keeps its frame
 * (mprotect can give access back, munmap can free it) but faults on any
 * access, as on Linux.
 */
#define PTE_MAPPED (1UL << 9)

static uint64_t leaf_flags(uint64_t va, unsigned prot)
{
	uint64_t f = PTE_MAPPED | (prot & (PROT_R | PROT_W | PROT_X) ? PTE_P : 0);
	if (prot & PROT_W)
		f |= PTE_W;
	if (!(prot & PROT_X))
		f |= PTE_NX;
	if (prot & PROT_NOCACHE)
		f |= PTE_PCD | PTE_PWT;
	if (va >= USER_TOP) /* kernel half: survives CR3 reloads */
		f |= PTE_G;
	return f;
}

static unsigned prot_of(uint64_t pte)
{
	unsigned p = pte & PTE_P ? PROT_R : 0;
	if (pte & PTE_W)
		p |= PROT_W;
	if (!(pte & PTE_NX))
		p |= PROT_X;
	if (pte & PTE_PCD)
		p |= PROT_NOCACHE;
	return p;
}

/* Replace the 2 MiB page in *pde by a table of 512 4 KiB pages. */
static int split_large(uint64_t *pde)
{
	uint64_t pt_pa = pgtable_alloc_table();
	if (!pt_pa)
		return -ENOMEM;
	uint64_t *pt = pgtable_table_va(pt_pa);
	uint64_t base = *pde & PTE_ADDR & ~LARGE_MASK;
	uint64_t flags = *pde & ~PTE_ADDR & ~PTE_PS;
	for (int i = 0; i < 512; i++)
		pt[i] = (base + ((uint64_t)i << PAGE_SHIFT)) | flags;
	*pde = pt_pa | PTE_P | PTE_W;
	return 0;
}

/*
 * Return: the entry for va at level stop (1 = PD, 0 = PT), creating tables
 * on the way if create is set, or NULL. If a 2 MiB page is met above the
 * requested level it is split when create is set, else returned as is.
 */
static uint64_t *walk(uint64_t *pml4, uint64_t va, int stop, bool create)
{
	uint64_t *table = pml4;
	for (int level = 3; level > stop; level--) {
		uint64_t *e = &table[idx(va, level)];
		if (level == 1 && (*e & (PTE_P | PTE_MAPPED)) && (*e & PTE_PS)) {
			if (!create)
				return e;
			if (split_large(e))
				return NULL;
		}
		if (!(*e & PTE_P)) {
			if (!create)
				return NULL;
			uint64_t pa = pgtable_alloc_table();
			if (!pa)
				return NULL;
			*e = pa | PTE_P | PTE_W;
		}
		table = pgtable_table_va(*e & PTE_ADDR);
	}
	return &table[idx(va, stop)];
}

int pt_map(uint64_t *pml4, uint64_t va, uint64_t pa, uint64_t size, unsigned prot)
{
	if ((va | pa | size) & (PAGE_SIZE - 1))
		return -EINVAL;
	while (size) {
		bool large = !((va | pa) & LARGE_MASK) && size >= LARGE_PAGE_SIZE;
		uint64_t *e = walk(pml4, va, large ? 1 : 0, true);
		if (!e)
			return -ENOMEM;
		uint64_t step = large ? LARGE_PAGE_SIZE : PAGE_SIZE;
		*e = pa | leaf_flags(va, prot) | (large ? PTE_PS : 0);
		tlb_flush_page(va);
		va += step, pa += step, size -= step;
	}
	return 0;
}

/* Clear (unmap) or re-protect every present leaf in [va, va+size), splitting
 * large pages that are only partly covered. */
static int for_each_leaf(uint64_t *pml4, uint64_t va, uint64_t size, unsigned prot, bool unmap)
{
	if ((va | size) & (PAGE_SIZE - 1))
		return -EINVAL;
	while (size) {
		uint64_t *e = walk(pml4, va, 1, false);
		uint64_t step = PAGE_SIZE;
		if (e && (*e & PTE_MAPPED) && (*e & PTE_PS)) {
			if (!(va & LARGE_MASK) && size >= LARGE_PAGE_SIZE) {
				step = LARGE_PAGE_SIZE;
			} else if (split_large(e)) {
				return -ENOMEM;
			}
		}
		if (step == PAGE_SIZE)
			e = walk(pml4, va, 0, false);
		if (e && (*e & PTE_MAPPED)) {
			if (unmap)
				*e = 0;
			else
				*e = (*e & PTE_ADDR) | (*e & PTE_PS) | leaf_flags(va, prot);
			tlb_flush_page(va);
		}
		va += step, size -= step;
	}
	return 0;
}

int pt_unmap(uint64_t *pml4, uint64_t va, uint64_t size)
{
	return for_each_leaf(pml4, va, size, 0, true);
}

int pt_protect(uint64_t *pml4, uint64_t va, uint64_t size, unsigned prot)
{
	return for_each_leaf(pml4, va, size, prot, false);
}

bool pt_lookup(uint64_t *pml4, uint64_t va, uint64_t *pa, unsigned *prot)
{
	uint64_t *e = walk(pml4, va, 1, false);
	if (!e || !(*e & (PTE_P | PTE_MAPPED)))
		return false;
	if ((*e & PTE_PS) && (*e & PTE_MAPPED)) {
		*pa = (*e & PTE_ADDR & ~LARGE_MASK) + (va & LARGE_MASK);
	} else {
		e = walk(pml4, va, 0, false);
		if (!e || !(*e & PTE_MAPPED))
			return false;
		*pa = (*e & PTE_ADDR) + (va & (PAGE_SIZE - 1));
	}
	*prot = prot_of(*e);
	return true;
}
