/*
 * mm.h - the memory subsystem's whole interface.
 *
 * Physical memory is handed out in pages by a buddy allocator (buddy.c,
 * wrapped by palloc.c), reached through the direct map (all RAM mapped at
 * DIRECT_MAP_BASE), carved into size classes by the kernel heap (kmalloc.c),
 * and mapped into the one address space through the page-table API
 * (pgtable.c). The lower half belongs to the program and is described by
 * VMAs (vma.c); a fault on a VMA page that is not yet present is filled
 * with a zeroed page (fault.c).
 *
 * Every function here may be called with interrupts enabled; none sleeps.
 */
#ifndef KEEL_MM_H
#define KEEL_MM_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

#define PAGE_SHIFT 12
#define PAGE_SIZE (1UL << PAGE_SHIFT)
#define PAGE_MASK (~(PAGE_SIZE - 1))
#define LARGE_PAGE_SIZE (1UL << 21)
#define PAGE_ALIGN_UP(x) (((x) + PAGE_SIZE - 1) & PAGE_MASK)

/* Kernel image: linked at KERNEL_VMA, loaded at physical KERNEL_LMA. */
#define KERNEL_VMA 0xffffffff80000000UL

/*
 * All physical memory is mapped at DIRECT_MAP_BASE (as on Linux). Host unit
 * tests point it at a malloc'd arena instead, so the allocators run unchanged.
 */
#ifdef KEEL_HOSTTEST
extern uintptr_t hosttest_direct_map_base;
#define DIRECT_MAP_BASE hosttest_direct_map_base
#else
#define DIRECT_MAP_BASE 0xffff888000000000UL
#endif

/* Top of the lower half that belongs to the program (47-bit canonical). */
#define USER_TOP 0x0000800000000000UL

static inline void *pa_to_va(uint64_t pa) { return (void *)(DIRECT_MAP_BASE + pa); }
/* Works for direct-map addresses and for the kernel image's own (static) data. */
static inline uint64_t va_to_pa(const void *va)
{
	if ((uintptr_t)va >= KERNEL_VMA)
		return (uintptr_t)va - KERNEL_VMA;
	return (uintptr_t)va - DIRECT_MAP_BASE;
}

/*
 * struct page - what the kernel knows about one physical page frame.
 * One per frame in an array (like Linux's mem_map), so allocators never
 * store bookkeeping inside the pages they hand out.
 */
struct page {
	uint32_t next, prev; /* buddy: free-list links, as frame indices (PAGE_NIL ends) */
	uint8_t order;       /* buddy: order of the free block or allocation this heads */
	uint8_t flags;       /* PG_* below */
	uint16_t slab_class; /* kmalloc: size class of the slab this page belongs to */
	uint32_t slab_info;  /* kmalloc: slab bookkeeping (owner-defined) */
};
#define PAGE_NIL 0xffffffffu
#define PG_FREE 0x01     /* heads a free buddy block */
#define PG_RESERVED 0x02 /* never given to the buddy allocator (hole, kernel, firmware) */
#define PG_SLAB 0x04     /* belongs to a kmalloc slab */
#define PG_LARGE 0x08    /* heads a kmalloc allocation larger than any size class */

/* palloc.c: the kernel's physical page allocator (one buddy zone over all RAM) */
struct boot_info;
void palloc_init(const struct boot_info *bi);
uint64_t palloc_pages(unsigned order);        /* phys addr, or 0 when out of memory */
uint64_t palloc_zeroed_page(void);            /* one zeroed page, or 0 */
void pfree_pages(uint64_t pa, unsigned order);
struct page *pa_to_page(uint64_t pa);         /* NULL if pa is outside managed RAM */
uint64_t palloc_free_pages(void);             /* count of free 4 KiB frames */
uint64_t palloc_total_pages(void);            /* count of frames ever given to the allocator */
uint64_t mm_phys_end(void);                   /* end of the highest RAM byte + 1 */

/* kmalloc.c: kernel heap. Objects are 16-byte aligned; sizes above the
 * largest class come straight from palloc and are page aligned. */
void *kmalloc(size_t size);  /* NULL when out of memory */
void *kzalloc(size_t size);
void kfree(void *p);         /* kfree(NULL) is a no-op */
size_t kmalloc_usable_size(const void *p);
/* Called when kfree/kmalloc_usable_size is handed a pointer that is not a
 * live heap object; the kernel panics, host tests record it. */
void kmalloc_corrupt(const char *what, const void *p);

/* pgtable.c: map/unmap/protect in one page table hierarchy (4 KiB and 2 MiB). */
#define PTE_P (1UL << 0)
#define PTE_W (1UL << 1)
#define PTE_U (1UL << 2)
#define PTE_PWT (1UL << 3)
#define PTE_PCD (1UL << 4)
#define PTE_A (1UL << 5)
#define PTE_D (1UL << 6)
#define PTE_PS (1UL << 7)
#define PTE_G (1UL << 8)
#define PTE_NX (1UL << 63)
#define PTE_ADDR 0x000ffffffffff000UL

/* protections for pt_map/pt_protect, independent of the PTE encoding */
#define PROT_R 1
#define PROT_W 2
#define PROT_X 4
#define PROT_NOCACHE 8

int pt_map(uint64_t *pml4, uint64_t va, uint64_t pa, uint64_t size, unsigned prot);
int pt_unmap(uint64_t *pml4, uint64_t va, uint64_t size);
int pt_protect(uint64_t *pml4, uint64_t va, uint64_t size, unsigned prot);
bool pt_lookup(uint64_t *pml4, uint64_t va, uint64_t *pa, unsigned *prot);

/* paging.c: the kernel's own page table (the only one) */
extern uint64_t *kernel_pml4;
void paging_init(void);
void *mmio_map(uint64_t pa, uint64_t size); /* uncached, in the direct map; NULL on failure */
#ifdef KEEL_HOSTTEST
static inline void tlb_flush_page(uint64_t va) { (void)va; } /* invlpg would fault in a host process */
#else
static inline void tlb_flush_page(uint64_t va) { __asm__ volatile("invlpg (%0)" ::"r"(va) : "memory"); }
#endif

/* fault.c: page faults in the lower half */
struct vma_tree;
extern struct vma_tree *user_vmas;
struct vma;
int mm_handle_fault(uint64_t addr, uint64_t error_code);
bool mm_describe(uint64_t addr, char *buf, size_t n); /* "FILE+0xOFFSET" for crash reports */
int mm_fault_file_grown(uint64_t addr); /* may sleep: program faults only */
int mm_map_anon(uint64_t start, uint64_t len, unsigned prot, struct vma *v);
void mm_unmap_anon(struct vma *v);
/*
 * Call fn on every VMA of the program, lowest address first, with mm_lock
 * held (interrupts off): fn must be short, must not allocate or sleep, and
 * must not keep v (copy what it needs; v->name strings are never freed).
 * For /proc/self/maps and friends (vfs/procfs_pid.c).
 */
void vm_walk(void (*fn)(const struct vma *v, void *arg), void *arg);

/* vm.c: the program's address space (mechanism of mmap, munmap, mprotect, brk) */
#define VM_FIXED 1          /* exactly at addr, replacing what is there */
#define VM_FIXED_NOREPLACE 2 /* exactly at addr, -EEXIST if anything is there */
long vm_map(uint64_t addr, uint64_t len, unsigned prot, unsigned flags, const uint64_t *pages);
struct file;
long vm_map_shared(uint64_t addr, uint64_t len, unsigned prot, unsigned flags,
		   const uint64_t *pages, struct file *file);
int vm_unmap(uint64_t addr, uint64_t len);
int vm_protect(uint64_t addr, uint64_t len, unsigned prot);
bool vm_range_mapped(uint64_t addr, uint64_t len);
int vm_discard(uint64_t addr, uint64_t len);
long vm_remap(uint64_t old, uint64_t old_len, uint64_t new_len, bool may_move, long new_addr);
void vm_set_mmap_top(uint64_t top);
void vm_name(uint64_t addr, uint64_t len, const char *name, uint64_t file_offset);
void vm_sigbus_from(uint64_t addr, uint64_t len, uint64_t from);

/* sys_mman.c */
long sys_mmap(uint64_t addr, uint64_t len, unsigned long prot, unsigned long flags, int fd, uint64_t off);
long sys_munmap(uint64_t addr, uint64_t len);
long sys_mprotect(uint64_t addr, uint64_t len, unsigned long prot);
long sys_madvise(uint64_t addr, uint64_t len, int advice);
long sys_msync(uint64_t addr, uint64_t len, int flags);
long sys_mincore(uint64_t addr, uint64_t len, unsigned char *vec);
long sys_mremap(uint64_t old, uint64_t old_len, uint64_t new_len, unsigned long flags, uint64_t new_addr);
long sys_brk(uint64_t want);

#endif
