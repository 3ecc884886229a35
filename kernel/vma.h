/*
 * vma.h - virtual memory areas of the lower half, kept in a balanced tree.
 *
 * A VMA is a page-aligned range [start, end) with one protection and one
 * backing. The tree is pure mechanism (no allocation, no locking): callers
 * allocate nodes, hold the address-space lock, and do the page-table work.
 * It runs unchanged in host unit tests.
 */
#ifndef KEEL_VMA_H
#define KEEL_VMA_H

#include <stdint.h>
#include <stdbool.h>

#define VMA_ANON 0x1      /* zero-filled on first touch */
#define VMA_STACK 0x2     /* a thread stack (guard page below it) */
#define VMA_FILE 0x4      /* backed by a file (later issue) */

struct vma {
	uint64_t start, end;  /* [start, end), page aligned, start < end */
	unsigned prot;        /* PROT_R | PROT_W | PROT_X (mm.h) */
	unsigned flags;       /* VMA_* */
	void *file;           /* backing object for VMA_FILE, else NULL */
	uint64_t offset;      /* offset of start within file */
	const char *name;     /* for /proc/self/maps: a path or "[stack]"; never freed (vm_name) */
	uint64_t sigbus_from; /* file mappings: faults at or above are past EOF (SIGBUS); 0: none */
	/* tree links, owned by vma.c */
	struct vma *left, *right, *parent;
	int height;
};

struct vma_tree {
	struct vma *root;
	unsigned long count;
};

void vma_tree_init(struct vma_tree *t);
/* Return: 0, or -EEXIST if [v->start, v->end) overlaps a VMA already in t,
 * or -EINVAL if the range is empty or not page aligned. */
int vma_insert(struct vma_tree *t, struct vma *v);
void vma_remove(struct vma_tree *t, struct vma *v);
/* Return: the VMA containing addr, or NULL. */
struct vma *vma_find(const struct vma_tree *t, uint64_t addr);
/* Return: the lowest VMA with end > addr (contains addr or lies above), or NULL. */
struct vma *vma_find_above(const struct vma_tree *t, uint64_t addr);
/* In-order neighbours. */
struct vma *vma_first(const struct vma_tree *t);
struct vma *vma_next(const struct vma *v);
struct vma *vma_prev(const struct vma *v);
/*
 * Find the highest free gap of size bytes inside [lo, hi) (top-down, like
 * Linux's mmap). Return: its start address, or 0 if there is none.
 */
uint64_t vma_find_gap(const struct vma_tree *t, uint64_t size, uint64_t lo, uint64_t hi);
/*
 * Split v at addr (start < addr < end, page aligned): v keeps [start, addr),
 * the caller-provided node tail receives [addr, end) with the same prot,
 * flags, file, name and the offset advanced, and is inserted. Return: 0 or -EINVAL.
 */
int vma_split(struct vma_tree *t, struct vma *v, uint64_t addr, struct vma *tail);

#endif
