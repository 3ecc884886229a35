/*
 * vdso.c - map the vDSO into the program's half at exec time.
 *
 * Two pieces: a read-only "vvar" page holding pointers to the kernel's
 * clock functions, and right above it a copy of the vDSO shared object
 * (elf/vdso/vdso.c explains why it calls the kernel directly). Both are
 * made once per program; the vDSO's address goes to AT_SYSINFO_EHDR.
 */
#include "elf.h"
#include "exec.h"
#include "mm.h"
#include "klib.h"
#include "proc.h"
#include "time.h"

extern const char vdso_image[], vdso_image_end[];

struct vdso_table {
	long (*clock_gettime)(long clk, void *ts);
	long (*gettimeofday)(void *tv, void *tz);
	long (*time)(long *t);
	long (*getcpu)(unsigned *cpu, unsigned *node, void *cache);
};

/* Return: the vDSO's address, or 0 if it could not be mapped (programs then use syscalls). */
uint64_t vdso_map(void)
{
	uint64_t size = PAGE_ALIGN_UP((uint64_t)(vdso_image_end - vdso_image));
	uint64_t npages = 1 + size / PAGE_SIZE;
	uint64_t pages[npages + 1];

	for (uint64_t i = 0; i < npages; i++) {
		if (!(pages[i] = palloc_zeroed_page())) {
			while (i--)
				pfree_pages(pages[i], 0);
			return 0;
		}
	}
	pages[npages] = 0;
	struct vdso_table *t = pa_to_va(pages[0]);
	t->clock_gettime = (void *)sys_clock_gettime;
	t->gettimeofday = (void *)sys_gettimeofday;
	t->time = (void *)sys_time;
	t->getcpu = (void *)sys_getcpu;
	for (uint64_t i = 1; i < npages; i++) {
		uint64_t off = (i - 1) * PAGE_SIZE;
		uint64_t n = MIN(PAGE_SIZE, (uint64_t)(vdso_image_end - vdso_image) - off);
		memcpy(pa_to_va(pages[i]), vdso_image + off, n);
	}
	/* reserve both parts together so the code sits right above the table */
	long base = vm_map(0, npages * PAGE_SIZE, 0, 0, NULL);
	if (base < 0) {
		for (uint64_t i = 0; i < npages; i++)
			pfree_pages(pages[i], 0);
		return 0;
	}
	if (vm_map(base, PAGE_SIZE, PROT_R, VM_FIXED, pages) < 0 ||
	    vm_map(base + PAGE_SIZE, size, PROT_R | PROT_X, VM_FIXED, pages + 1) < 0) {
		/* out of memory for page tables: pages already mapped are freed
		 * with the range; the rest are lost to this (near-dead) program */
		vm_unmap(base, npages * PAGE_SIZE);
		return 0;
	}
	vm_name(base, PAGE_SIZE, "[vvar]", 0);
	vm_name(base + PAGE_SIZE, size, "[vdso]", 0);
	return (uint64_t)base + PAGE_SIZE;
}
