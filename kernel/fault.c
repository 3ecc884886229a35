/*
 * fault.c - page faults in the program's half: demand-zero paging.
 *
 * A VMA says what may be mapped; a page is only allocated when first
 * touched. The fault is resolved if the address lies in a VMA whose
 * protection allows the access and the page is simply not present yet.
 * Anything else is returned as an error for trap.c to report (and, once
 * programs run, to turn into SIGSEGV).
 *
 * Locking: mm_lock (interrupts off) guards user_vmas and the lower half of
 * the page table. Page faults arrive with interrupts off already.
 */
#include "mm.h"
#include "vma.h"
#include "klib.h"
#include "spinlock.h"
#include "vfs.h"
#include <asm-generic/errno-base.h>

#define PF_PRESENT 0x1
#define PF_WRITE 0x2
#define PF_IFETCH 0x10

static struct vma_tree the_vmas;
struct vma_tree *user_vmas = &the_vmas;
struct spinlock mm_lock = SPINLOCK_INIT("mm");

static bool access_allowed(const struct vma *v, uint64_t err)
{
	if (err & PF_WRITE)
		return v->prot & PROT_W;
	if (err & PF_IFETCH)
		return v->prot & PROT_X;
	return v->prot & (PROT_R | PROT_W | PROT_X);
}

/*
 * Return: 0 when the page is now mapped; -EFAULT (no VMA, or a kernel
 * address), -EACCES (the VMA forbids this access), -ENXIO (past the end
 * of a mapped file: SIGBUS), -ENOMEM (no page left).
 */
int mm_handle_fault(uint64_t addr, uint64_t err)
{
	int ret;

	if (addr >= USER_TOP)
		return -EFAULT;
	unsigned long flags = spin_lock_irqsave(&mm_lock);
	struct vma *v = vma_find(user_vmas, addr);
	if (!v) {
		ret = -EFAULT;
		goto out_unlock;
	}
	if (v->sigbus_from && addr >= v->sigbus_from) {
		ret = -ENXIO; /* a file mapping's pages past the end of the file */
		goto out_unlock;
	}
	if ((err & PF_PRESENT) || !access_allowed(v, err)) {
		ret = -EACCES;
		goto out_unlock;
	}
	uint64_t pa = palloc_zeroed_page();
	if (!pa) {
		ret = -ENOMEM;
		goto out_unlock;
	}
	ret = pt_map(kernel_pml4, addr & PAGE_MASK, pa, PAGE_SIZE, v->prot);
	if (ret)
		pfree_pages(pa, 0);
out_unlock:
	spin_unlock_irqrestore(&mm_lock, flags);
	return ret;
}

/* Map an anonymous demand-zero region (no pages yet). Return: 0 or -errno. */
int mm_map_anon(uint64_t start, uint64_t len, unsigned prot, struct vma *v)
{
	*v = (struct vma){ .start = start, .end = start + len, .prot = prot, .flags = VMA_ANON };
	unsigned long flags = spin_lock_irqsave(&mm_lock);
	int ret = vma_insert(user_vmas, v);
	spin_unlock_irqrestore(&mm_lock, flags);
	return ret;
}

/* Remove a region and free the pages that were touched. */
void mm_unmap_anon(struct vma *v)
{
	unsigned long flags = spin_lock_irqsave(&mm_lock);
	for (uint64_t a = v->start; a < v->end; a += PAGE_SIZE) {
		uint64_t pa;
		unsigned prot;
		if (pt_lookup(kernel_pml4, a, &pa, &prot)) {
			pt_unmap(kernel_pml4, a, PAGE_SIZE);
			pfree_pages(pa, 0);
		}
	}
	vma_remove(user_vmas, v);
	spin_unlock_irqrestore(&mm_lock, flags);
}

void vm_walk(void (*fn)(const struct vma *v, void *arg), void *arg)
{
	unsigned long flags = spin_lock_irqsave(&mm_lock);
	for (const struct vma *v = vma_first(user_vmas); v; v = vma_next(v))
		fn(v, arg);
	spin_unlock_irqrestore(&mm_lock, flags);
}

/*
 * Describe a program address for crash reports: "FILE+0xOFFSET" when a
 * named mapping holds it (the offset is the file offset, what addr2line
 * and objdump take), "[stack]+0x..." and the like otherwise.
 * Return: false if no VMA holds addr.
 */
bool mm_describe(uint64_t addr, char *buf, size_t n)
{
	unsigned long flags = spin_lock_irqsave(&mm_lock);
	struct vma *v = vma_find(user_vmas, addr);
	if (v)
		snprintf(buf, n, "%s+0x%lx", v->name ? v->name : "[anon]", addr - v->start + v->offset);
	spin_unlock_irqrestore(&mm_lock, flags);
	return v != NULL;
}

/*
 * A fault past the end of a shared file mapping (mm_handle_fault said
 * -ENXIO): the file may have grown since the mapping was made, and then
 * the page is the file's, as on Linux. Called for program faults with
 * interrupts enabled: it may sleep (the file system's lock).
 * Return: 0 when the page is now mapped, -ENXIO (still past the end: SIGBUS).
 */
int mm_fault_file_grown(uint64_t addr)
{
	unsigned long flags = spin_lock_irqsave(&mm_lock);
	struct vma *v = vma_find(user_vmas, addr);
	struct file *f = v && (v->flags & VMA_FILE) ? v->file : NULL;
	uint64_t index = v ? (addr - v->start + v->offset) / PAGE_SIZE : 0;
	if (f)
		file_get(f);
	spin_unlock_irqrestore(&mm_lock, flags);
	if (!f)
		return -ENXIO;
	uint64_t pa;
	long r = vfs_mmap_page(f, index, &pa);
	if (r == 0) {
		flags = spin_lock_irqsave(&mm_lock);
		v = vma_find(user_vmas, addr); /* still the same mapping? */
		uint64_t old;
		unsigned prot;
		if (v && v->file == f && !pt_lookup(kernel_pml4, addr & PAGE_MASK, &old, &prot))
			r = pt_map(kernel_pml4, addr & PAGE_MASK, pa, PAGE_SIZE, v->prot);
		spin_unlock_irqrestore(&mm_lock, flags);
	}
	file_put(f);
	return r ? -ENXIO : 0;
}
