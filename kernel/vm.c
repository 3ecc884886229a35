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
#include "vfs.h"
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
 * The VMA nodes one change may need: splitting at both ends of a range
 * takes at most two. They are allocated before mm_lock is taken (kmalloc
 * is not called with interrupts off for long), and the unused ones freed
 * after it is dropped.
 */
struct spares {
	struct vma *v[2];
};

static int spares_get(struct spares *sp)
{
	sp->v[0] = kmalloc(sizeof(struct vma));
	sp->v[1] = kmalloc(sizeof(struct vma));
	return sp->v[0] && sp->v[1] ? 0 : -ENOMEM;
}

static void spares_put(struct spares *sp)
{
	kfree(sp->v[0]);
	kfree(sp->v[1]);
}

/* Make a VMA boundary fall at addr if a VMA straddles it. mm_lock held. */
static void split_at(uint64_t addr, struct spares *sp)
{
	struct vma *v = vma_find(user_vmas, addr);
	if (!v || v->start == addr)
		return;
	struct vma **slot = sp->v[0] ? &sp->v[0] : &sp->v[1];
	vma_split(user_vmas, v, addr, *slot);
	if (v->file) /* both halves now map the file's pages */
		vfs_mmap_dup(v->file);
	*slot = NULL; /* now in the tree */
}

/*
 * Remove [s, e) from the address space and free its pages. Removed VMA
 * nodes are chained on *dead for kfree after mm_lock is dropped.
 * Called with mm_lock held.
 */
static void unmap_locked(uint64_t s, uint64_t e, struct spares *sp, struct vma **dead)
{
	split_at(s, sp);
	split_at(e, sp);
	struct vma *v = vma_find_above(user_vmas, s);
	while (v && v->start < e) {
		struct vma *next = vma_next(v);
		if (v->flags & VMA_FILE) /* the pages are the file's: only unmap them */
			pt_unmap(kernel_pml4, v->start, v->end - v->start);
		else
			free_pages_locked(v->start, v->end);
		vma_remove(user_vmas, v);
		v->left = *dead;
		*dead = v;
		v = next;
	}
}

static void free_dead(struct vma *dead, struct spares *sp)
{
	while (dead) {
		struct vma *n = dead->left;
		if (dead->file)
			vfs_mmap_release(dead->file);
		kfree(dead);
		dead = n;
	}
	spares_put(sp);
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
static long map_range(uint64_t addr, uint64_t len, unsigned prot, unsigned flags,
		      const uint64_t *pages, struct file *file)
{
	struct spares sp = { { NULL, NULL } };
	struct vma *v = kmalloc(sizeof(*v)), *dead = NULL;
	long ret;

	len = PAGE_ALIGN_UP(len);
	if (spares_get(&sp) || !v) {
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
	unmap_locked(addr, addr + len, &sp, &dead);
	*v = (struct vma){ .start = addr, .end = addr + len, .prot = prot,
			   .flags = file ? VMA_FILE : VMA_ANON, .file = file };
	vma_insert(user_vmas, v);
	v = NULL;
	ret = (long)addr;
	for (uint64_t i = 0; pages && i < len / PAGE_SIZE && pages[i]; i++) {
		if (pt_map(kernel_pml4, addr + i * PAGE_SIZE, pages[i], PAGE_SIZE, prot) < 0) {
			ret = -ENOMEM; /* page-table page: undo the whole mapping */
			unmap_locked(addr, addr + len, &sp, &dead);
			break;
		}
	}
	spin_unlock_irqrestore(&mm_lock, irq);
out_unlock:
	mutex_unlock(&vm_mutex);
out_free:
	kfree(v);
	free_dead(dead, &sp);
	return ret;
}

long vm_map(uint64_t addr, uint64_t len, unsigned prot, unsigned flags, const uint64_t *pages)
{
	return map_range(addr, len, prot, flags, pages, NULL);
}

/*
 * Map a file's own pages (MAP_SHARED): stores reach the file and other
 * mappings at once. The mapping takes over the caller's vfs_mmap_shared
 * reference on success (and drops it on failure).
 */
long vm_map_shared(uint64_t addr, uint64_t len, unsigned prot, unsigned flags,
		   const uint64_t *pages, struct file *file)
{
	long r = map_range(addr, len, prot, flags, pages, file);
	if (r < 0)
		vfs_mmap_release(file);
	return r;
}

int vm_unmap(uint64_t addr, uint64_t len)
{
	struct spares sp = { { NULL, NULL } };
	struct vma *dead = NULL;
	len = PAGE_ALIGN_UP(len);
	int err = !range_ok(addr, len) ? -EINVAL : spares_get(&sp);
	if (err) {
		spares_put(&sp);
		return err;
	}
	mutex_lock(&vm_mutex);
	unsigned long irq = spin_lock_irqsave(&mm_lock);
	unmap_locked(addr, addr + len, &sp, &dead);
	spin_unlock_irqrestore(&mm_lock, irq);
	mutex_unlock(&vm_mutex);
	free_dead(dead, &sp);
	return 0;
}

/* Return: 0, -ENOMEM if part of the range is not mapped (as Linux), -EINVAL. */
int vm_protect(uint64_t addr, uint64_t len, unsigned prot)
{
	struct spares sp = { { NULL, NULL } };
	len = PAGE_ALIGN_UP(len);
	int ret = !range_ok(addr, len) ? -EINVAL : spares_get(&sp);
	if (ret) {
		spares_put(&sp);
		return ret;
	}
	uint64_t e = addr + len;
	mutex_lock(&vm_mutex);
	unsigned long irq = spin_lock_irqsave(&mm_lock);
	/*
	 * Like Linux, change the mapped part up to the first hole, then fail
	 * with -ENOMEM: programs can observe the partial change (and mremap
	 * of the range then sees two VMAs).
	 */
	uint64_t stop = addr;
	for (struct vma *v = vma_find(user_vmas, addr); v && v->start <= stop && stop < e;
	     v = vma_next(v))
		stop = MIN(v->end, e);
	if (stop < e)
		ret = -ENOMEM;
	if (stop > addr) {
		split_at(addr, &sp);
		split_at(stop, &sp);
		for (struct vma *v = vma_find(user_vmas, addr); v && v->start < stop; v = vma_next(v)) {
			v->prot = prot;
			pt_protect(kernel_pml4, v->start, v->end - v->start, prot);
		}
	}

	spin_unlock_irqrestore(&mm_lock, irq);
	mutex_unlock(&vm_mutex);
	spares_put(&sp);
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
	for (struct vma *v = vma_find_above(user_vmas, addr); v && v->start < addr + len;
	     v = vma_next(v))
		if (!(v->flags & VMA_FILE)) /* shared file pages keep their data, as on Linux */
			free_pages_locked(MAX(v->start, addr), MIN(v->end, addr + len));
	spin_unlock_irqrestore(&mm_lock, irq);
	mutex_unlock(&vm_mutex);
	return 0;
}

/*
 * Protection of the mapping holding all of [addr, addr+len), or -EFAULT
 * (mremap's rule: one mapping). Linux merges neighbouring anonymous VMAs
 * that agree; keel does not, so contiguous VMAs with the same protection
 * and flags count as one here. Shared file mappings are not remapped
 * yet: -EINVAL.
 */
static int prot_of_range(uint64_t addr, uint64_t len)
{
	unsigned long irq = spin_lock_irqsave(&mm_lock);
	struct vma *v = vma_find(user_vmas, addr);
	int prot = v ? (int)v->prot : -EFAULT;
	for (struct vma *w = v; w && prot >= 0 && w->end < addr + len;) {
		struct vma *n = vma_next(w);
		if (!n || n->start != w->end || n->prot != v->prot || n->flags != v->flags)
			prot = -EFAULT;
		w = n;
	}
	if (v && (v->flags & VMA_FILE))
		prot = -EINVAL;
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
	int prot = prot_of_range(old, old_len);
	if (prot < 0)
		return prot;
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

/* Faults in [from, addr+len) of the mappings there are past the end of their file. */
void vm_sigbus_from(uint64_t addr, uint64_t len, uint64_t from)
{
	unsigned long irq = spin_lock_irqsave(&mm_lock);
	for (struct vma *v = vma_find_above(user_vmas, addr); v && v->start < addr + len;
	     v = vma_next(v))
		v->sigbus_from = from;
	spin_unlock_irqrestore(&mm_lock, irq);
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
