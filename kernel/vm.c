/*
 * vm.c - the program's address space: the mechanism behind mmap, munmap,
 * mprotect, mremap and brk (the sys_* wrappers are in sys_mman.c).
 *
 * The lower half is a set of VMAs (vma.c) plus the page-table entries of
 * the pages already touched. Anonymous memory is demand-zero (fault.c).
 * File-backed mappings are populated when they are made: the file's bytes
 * are copied into fresh pages (ramfs files live in memory anyway, so there
 * is nothing to gain from faulting them in later). Every present lower-half
 * page belongs to exactly one VMA and is freed when unmapped. MAP_SHARED
 * file mappings are therefore copies too: stores do not reach the file
 * (documented limitation; no program we run relies on it).
 *
 * Locking: vm_mutex serialises address-space changes (they may sleep: they
 * allocate and read files). mm_lock (fault.c, interrupts off) is taken
 * inside it, only around the tree and page-table updates themselves, so
 * the page-fault handler, which cannot sleep, sees a consistent tree.
 * Lock order: vm_mutex, then mm_lock.
 */
#include "mm.h"
#include "vma.h"
#include "klib.h"
#include "sched.h"
#include "spinlock.h"
#include <asm-generic/errno.h>

extern struct spinlock mm_lock;
static struct mutex vm_mutex = MUTEX_INIT(vm_mutex);

#define MMAP_TOP 0x00007f0000000000UL /* mmap areas grow down from here */
#define MMAP_BOTTOM 0x0000000010000UL /* never map page 0..64 KiB (NULL derefs fault) */

static uint64_t mmap_top = MMAP_TOP;

void vm_set_mmap_top(uint64_t top)
{
	mmap_top = top;
}

/* Free the pages present in [s, e). Called with mm_lock held. */
static void free_pages_locked(uint64_t s, uint64_t e)
{
	for (uint64_t a = s; a < e; a += PAGE_SIZE) {
		uint64_t pa;
		unsigned prot;
		if (pt_lookup(kernel_pml4, a, &pa, &prot)) {
			pt_unmap(kernel_pml4, a, PAGE_SIZE);
			pfree_pages(pa & PAGE_MASK, 0);
		}
	}
}

/*
 * Remove [s, e) from the address space, splitting VMAs that straddle its
 * ends. spare[0..1] are preallocated nodes for the splits; used ones are
 * set to NULL. Freed VMA nodes are chained on *dead for kfree after
 * mm_lock is dropped. Called with mm_lock held.
 */
static void unmap_locked(uint64_t s, uint64_t e, struct vma **spare, struct vma **dead)
{
	struct vma *v = vma_find_above(user_vmas, s);
	while (v && v->start < e) {
		struct vma *next = vma_next(v);
		if (v->start < s) { /* keep the head [v->start, s) */
			vma_split(user_vmas, v, s, spare[0]);
			v = spare[0];
			spare[0] = spare[1];
			spare[1] = NULL;
			next = vma_next(v);
		}
		if (v->end > e) { /* keep the tail [e, v->end) */
			vma_split(user_vmas, v, e, spare[0]);
			spare[0] = spare[1];
			spare[1] = NULL;
			next = NULL;
		}
		free_pages_locked(v->start, v->end);
		vma_remove(user_vmas, v);
		v->left = *dead; /* chain for kfree outside the lock */
		*dead = v;
		v = next;
	}
}

static void free_dead(struct vma *dead, struct vma **spare)
{
	while (dead) {
		struct vma *n = dead->left;
		kfree(dead);
		dead = n;
	}
	kfree(spare[0]);
	kfree(spare[1]);
}

static bool range_ok(uint64_t addr, uint64_t len)
{
	return !(addr & (PAGE_SIZE - 1)) && len && addr < USER_TOP && len <= USER_TOP - addr;
}

/*
 * Map [addr, addr+len) (addr chosen by us unless VM_FIXED), prot PROT_*,
 * anonymous if pages == NULL, else populated with the given pages (one
 * physical address per page, 0 for "demand-zero from here").
 * Return: the address, or -ENOMEM / -EEXIST / -EINVAL.
 */
long vm_map(uint64_t addr, uint64_t len, unsigned prot, unsigned flags, const uint64_t *pages)
{
	struct vma *spare[2] = { kmalloc(sizeof(struct vma)), kmalloc(sizeof(struct vma)) };
	struct vma *v = kmalloc(sizeof(*v)), *dead = NULL;
	long ret;

	len = PAGE_ALIGN_UP(len);
	if (!spare[0] || !spare[1] || !v) {
		ret = -ENOMEM;
		goto out_free;
	}
	mutex_lock(&vm_mutex);
	if (!(flags & (VM_FIXED | VM_FIXED_NOREPLACE)) || !range_ok(addr, len)) {
		if (flags & (VM_FIXED | VM_FIXED_NOREPLACE)) {
			ret = -EINVAL;
			goto out_unlock;
		}
		if (addr && range_ok(addr, len)) { /* a free hint is honoured, as Linux does */
			struct vma *above = vma_find_above(user_vmas, addr);
			if (above && above->start < addr + len)
				addr = 0;
		} else {
			addr = 0;
		}
		if (!addr)
			addr = vma_find_gap(user_vmas, len, MMAP_BOTTOM, mmap_top);
		if (!addr) {
			ret = -ENOMEM;
			goto out_unlock;
		}
	}
	unsigned long irq = spin_lock_irqsave(&mm_lock);
	if (flags & VM_FIXED_NOREPLACE) {
		struct vma *above = vma_find_above(user_vmas, addr);
		if (above && above->start < addr + len) {
			spin_unlock_irqrestore(&mm_lock, irq);
			ret = -EEXIST;
			goto out_unlock;
		}
	}
	unmap_locked(addr, addr + len, spare, &dead);
	*v = (struct vma){ .start = addr, .end = addr + len, .prot = prot, .flags = VMA_ANON };
	vma_insert(user_vmas, v);
	v = NULL;
	ret = (long)addr;
	for (uint64_t i = 0; pages && i < len / PAGE_SIZE && pages[i]; i++) {
		if (pt_map(kernel_pml4, addr + i * PAGE_SIZE, pages[i], PAGE_SIZE, prot) < 0) {
			ret = -ENOMEM; /* page-table page: undo the whole mapping */
			unmap_locked(addr, addr + len, spare, &dead);
			break;
		}
	}
	spin_unlock_irqrestore(&mm_lock, irq);
out_unlock:
	mutex_unlock(&vm_mutex);
out_free:
	kfree(v);
	free_dead(dead, spare);
	return ret;
}

int vm_unmap(uint64_t addr, uint64_t len)
{
	struct vma *spare[2] = { kmalloc(sizeof(struct vma)), kmalloc(sizeof(struct vma)) }, *dead = NULL;
	len = PAGE_ALIGN_UP(len);
	if (!range_ok(addr, len)) {
		free_dead(NULL, spare);
		return -EINVAL;
	}
	if (!spare[0] || !spare[1]) {
		free_dead(NULL, spare);
		return -ENOMEM;
	}
	mutex_lock(&vm_mutex);
	unsigned long irq = spin_lock_irqsave(&mm_lock);
	unmap_locked(addr, addr + len, spare, &dead);
	spin_unlock_irqrestore(&mm_lock, irq);
	mutex_unlock(&vm_mutex);
	free_dead(dead, spare);
	return 0;
}

/* Return: 0, -ENOMEM if part of the range is not mapped (as Linux), -EINVAL. */
int vm_protect(uint64_t addr, uint64_t len, unsigned prot)
{
	struct vma *spare[2] = { kmalloc(sizeof(struct vma)), kmalloc(sizeof(struct vma)) };
	int ret = 0;
	len = PAGE_ALIGN_UP(len);
	if (!range_ok(addr, len)) {
		free_dead(NULL, spare);
		return -EINVAL;
	}
	if (!spare[0] || !spare[1]) {
		free_dead(NULL, spare);
		return -ENOMEM;
	}
	uint64_t e = addr + len;
	mutex_lock(&vm_mutex);
	unsigned long irq = spin_lock_irqsave(&mm_lock);
	for (uint64_t a = addr; a < e;) { /* the range must be fully mapped */
		struct vma *v = vma_find(user_vmas, a);
		if (!v) {
			ret = -ENOMEM;
			goto out_unlock;
		}
		a = v->end;
	}
	for (struct vma *v = vma_find(user_vmas, addr); v && v->start < e; v = vma_next(v)) {
		if (v->start < addr) {
			vma_split(user_vmas, v, addr, spare[0]);
			v = spare[0];
			spare[0] = spare[1];
			spare[1] = NULL;
		}
		if (v->end > e) {
			vma_split(user_vmas, v, e, spare[0]);
			spare[0] = spare[1];
			spare[1] = NULL;
		}
		v->prot = prot;
		pt_protect(kernel_pml4, v->start, v->end - v->start, prot);
	}
out_unlock:
	spin_unlock_irqrestore(&mm_lock, irq);
	mutex_unlock(&vm_mutex);
	free_dead(NULL, spare);
	return ret;
}

/* Return: true if [addr, addr+len) is entirely covered by VMAs. */
bool vm_range_mapped(uint64_t addr, uint64_t len)
{
	bool ok = true;
	unsigned long irq = spin_lock_irqsave(&mm_lock);
	for (uint64_t a = addr; a < addr + len && ok;) {
		struct vma *v = vma_find(user_vmas, a);
		ok = v != NULL;
		if (v)
			a = v->end;
	}
	spin_unlock_irqrestore(&mm_lock, irq);
	return ok;
}

/* Drop the pages of [addr, addr+len) but keep the mappings (MADV_DONTNEED). */
int vm_discard(uint64_t addr, uint64_t len)
{
	mutex_lock(&vm_mutex);
	unsigned long irq = spin_lock_irqsave(&mm_lock);
	free_pages_locked(addr, addr + len);
	spin_unlock_irqrestore(&mm_lock, irq);
	mutex_unlock(&vm_mutex);
	return 0;
}

/* Protection of the VMA at addr, or -EFAULT if none. */
static int prot_at(uint64_t addr)
{
	unsigned long irq = spin_lock_irqsave(&mm_lock);
	struct vma *v = vma_find(user_vmas, addr);
	int prot = v ? (int)v->prot : -EFAULT;
	spin_unlock_irqrestore(&mm_lock, irq);
	return prot;
}

/*
 * mremap: shrink in place, grow in place when the pages above are free, or
 * (may_move) move to a new range -- new_addr if >= 0, else anywhere -- by
 * moving the page-table entries, so no data is copied.
 * Return: the new address or -errno.
 */
long vm_remap(uint64_t old, uint64_t old_len, uint64_t new_len, bool may_move, long new_addr)
{
	int prot = prot_at(old);
	if (prot < 0 || !vm_range_mapped(old, old_len))
		return -EFAULT;
	if (new_addr < 0 && new_len <= old_len) {
		if (new_len < old_len)
			vm_unmap(old + new_len, old_len - new_len);
		return (long)old;
	}
	if (new_addr < 0 && vm_map(old + old_len, new_len - old_len, prot, VM_FIXED_NOREPLACE, NULL) >= 0)
		return (long)old;
	if (!may_move)
		return -ENOMEM;
	long to = vm_map(new_addr >= 0 ? (uint64_t)new_addr : 0, new_len, prot,
			 new_addr >= 0 ? VM_FIXED : 0, NULL);
	if (to < 0)
		return to;
	bool lost = false;
	mutex_lock(&vm_mutex);
	unsigned long irq = spin_lock_irqsave(&mm_lock);
	for (uint64_t off = 0; off < MIN(old_len, new_len); off += PAGE_SIZE) {
		uint64_t pa;
		unsigned p;
		if (pt_lookup(kernel_pml4, old + off, &pa, &p)) {
			pt_unmap(kernel_pml4, old + off, PAGE_SIZE);
			if (pt_map(kernel_pml4, to + off, pa & PAGE_MASK, PAGE_SIZE, p) < 0) {
				pfree_pages(pa & PAGE_MASK, 0);
				lost = true; /* no memory for a page table */
			}
		}
	}
	spin_unlock_irqrestore(&mm_lock, irq);
	mutex_unlock(&vm_mutex);
	vm_unmap(old, old_len);
	if (lost) {
		vm_unmap((uint64_t)to, new_len);
		return -ENOMEM;
	}
	return to;
}

/*
 * Label the mappings in [addr, addr+len) for /proc/self/maps: a file's
 * path with its offset, or a bracketed name such as "[stack]". Names are
 * interned once and never freed, so split VMAs can share them; there are
 * only as many as distinct files a program maps.
 */
struct name {
	struct name *next;
	char s[];
};
static struct name *names; /* vm_mutex */

static const char *intern(const char *s)
{
	for (struct name *n = names; n; n = n->next)
		if (strcmp(n->s, s) == 0)
			return n->s;
	struct name *n = kmalloc(sizeof(*n) + strlen(s) + 1);
	if (!n)
		return NULL;
	memcpy(n->s, s, strlen(s) + 1);
	n->next = names;
	names = n;
	return n->s;
}

void vm_name(uint64_t addr, uint64_t len, const char *name, uint64_t file_offset)
{
	mutex_lock(&vm_mutex);
	const char *k = intern(name);
	unsigned long irq = spin_lock_irqsave(&mm_lock);
	for (struct vma *v = vma_find_above(user_vmas, addr); v && v->start < addr + len;
	     v = vma_next(v)) {
		v->name = k;
		v->offset = file_offset + (v->start > addr ? v->start - addr : 0);
	}
	spin_unlock_irqrestore(&mm_lock, irq);
	mutex_unlock(&vm_mutex);
}
