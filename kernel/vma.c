/*
 * vma.c - the VMA tree: non-overlapping page-aligned ranges in an AVL tree.
 *
 * Each struct vma is a node keyed by start. Because the ranges never
 * overlap, ordering by start also orders them by end, so one tree answers
 * both "which VMA holds addr" and "what is the next VMA above addr". The
 * tree is an AVL tree with parent pointers: every node stores its height,
 * and the heights of a node's two subtrees differ by at most one, so the
 * depth stays below 1.45 log2(n) and lookup, insert and remove are
 * O(log n). Parent pointers let vma_next/vma_prev step in order without a
 * stack and let insert and remove rebalance bottom-up.
 *
 * The nodes belong to the caller: insert links a node in, remove unlinks
 * it, and nothing here allocates, frees or locks. Removing a node with two
 * children therefore moves its in-order successor into its place by
 * relinking, never by copying fields, so pointers the caller holds to
 * other VMAs stay valid.
 *
 * Callers: the mmap/munmap/mprotect code and the page-fault handler, with
 * the address-space lock held; and kernel/tests/test_vma.c on the host.
 */
#include <stdint.h>
#include <stddef.h>
#include <stdbool.h>
#include <asm-generic/errno-base.h>
#include "vma.h"

/* Kept local so this file needs nothing but vma.h; it matches mm.h. */
#define VMA_PAGE 4096ULL
#define VMA_PAGE_OFF (VMA_PAGE - 1)

static int height(const struct vma *n)
{
	return n ? n->height : 0;
}

static void update_height(struct vma *n)
{
	int hl = height(n->left), hr = height(n->right);

	n->height = (hl > hr ? hl : hr) + 1;
}

static int balance(const struct vma *n)
{
	return height(n->left) - height(n->right);
}

/* Make whatever pointed at old (its parent, or the root) point at new. */
static void replace_child(struct vma_tree *t, struct vma *parent, struct vma *old,
			  struct vma *new)
{
	if (!parent)
		t->root = new;
	else if (parent->left == old)
		parent->left = new;
	else
		parent->right = new;
	if (new)
		new->parent = parent;
}

/*
 * Rotate n's right child r up into n's place:
 *     n              r
 *    / \            / \
 *   a   r    ->    n   c
 *      / \        / \
 *     b   c      a   b
 * Return: r, the new root of the subtree.
 */
static struct vma *rotate_left(struct vma_tree *t, struct vma *n)
{
	struct vma *r = n->right;

	replace_child(t, n->parent, n, r);
	n->right = r->left;
	if (n->right)
		n->right->parent = n;
	r->left = n;
	n->parent = r;
	update_height(n);
	update_height(r);
	return r;
}

/* The mirror image of rotate_left. Return: the new subtree root. */
static struct vma *rotate_right(struct vma_tree *t, struct vma *n)
{
	struct vma *l = n->left;

	replace_child(t, n->parent, n, l);
	n->left = l->right;
	if (n->left)
		n->left->parent = n;
	l->right = n;
	n->parent = l;
	update_height(n);
	update_height(l);
	return l;
}

/*
 * Restore the AVL invariant on the path from n up to the root after one
 * node was linked in or unlinked below n. Each node gets its height
 * recomputed, and a node whose subtrees now differ by two gets a single or
 * double rotation. The walk always goes to the root: that is O(log n)
 * anyway and saves reasoning about when an insert or remove can stop early.
 */
static void rebalance(struct vma_tree *t, struct vma *n)
{
	while (n) {
		int b;

		update_height(n);
		b = balance(n);
		if (b > 1) {
			if (balance(n->left) < 0)
				rotate_left(t, n->left);
			n = rotate_right(t, n);
		} else if (b < -1) {
			if (balance(n->right) > 0)
				rotate_right(t, n->right);
			n = rotate_left(t, n);
		}
		n = n->parent;
	}
}

void vma_tree_init(struct vma_tree *t)
{
	t->root = NULL;
	t->count = 0;
}

/*
 * Descend as a search for v->start would. Since the ranges in the tree are
 * sorted and disjoint, v's in-order neighbours are both on this path, so
 * any overlap is met on the way down; a node entirely above v sends us
 * left, one entirely below sends us right (touching is not overlapping).
 * The tree is only modified once the leaf slot is known to be free.
 */
int vma_insert(struct vma_tree *t, struct vma *v)
{
	struct vma *parent = NULL, **link = &t->root;

	if (v->start >= v->end || (v->start & VMA_PAGE_OFF) || (v->end & VMA_PAGE_OFF))
		return -EINVAL;
	while (*link) {
		parent = *link;
		if (v->end <= parent->start)
			link = &parent->left;
		else if (v->start >= parent->end)
			link = &parent->right;
		else
			return -EEXIST;
	}
	v->left = v->right = NULL;
	v->parent = parent;
	v->height = 1;
	*link = v;
	t->count++;
	rebalance(t, parent);
	return 0;
}

static struct vma *leftmost(struct vma *n)
{
	while (n && n->left)
		n = n->left;
	return n;
}

static struct vma *rightmost(struct vma *n)
{
	while (n && n->right)
		n = n->right;
	return n;
}

/*
 * Unlink v. With at most one child, that child takes v's place. With two,
 * v's successor s (leftmost in v's right subtree, so it has no left child)
 * is first cut out of its own spot and then takes over v's position and
 * children. Rebalancing starts at the lowest node whose subtree may have
 * lost a level: s's old parent, or s itself when s was v's right child.
 */
void vma_remove(struct vma_tree *t, struct vma *v)
{
	struct vma *fix;

	if (!v->left || !v->right) {
		struct vma *child = v->left ? v->left : v->right;

		fix = v->parent;
		replace_child(t, v->parent, v, child);
	} else {
		struct vma *s = leftmost(v->right);

		if (s->parent != v) {
			fix = s->parent;
			replace_child(t, s->parent, s, s->right);
			s->right = v->right;
			s->right->parent = s;
		} else {
			fix = s;
		}
		replace_child(t, v->parent, v, s);
		s->left = v->left;
		s->left->parent = s;
		/* s's height is stale until rebalance, whose walk from fix passes s. */
	}
	v->left = v->right = v->parent = NULL;
	v->height = 0;
	t->count--;
	rebalance(t, fix);
}

struct vma *vma_find(const struct vma_tree *t, uint64_t addr)
{
	struct vma *n = t->root;

	while (n) {
		if (addr < n->start)
			n = n->left;
		else if (addr >= n->end)
			n = n->right;
		else
			return n;
	}
	return NULL;
}

/* Ends increase with starts, so this is a lower-bound search on end. */
struct vma *vma_find_above(const struct vma_tree *t, uint64_t addr)
{
	struct vma *n = t->root, *best = NULL;

	while (n) {
		if (n->end > addr) {
			best = n;
			n = n->left;
		} else {
			n = n->right;
		}
	}
	return best;
}

struct vma *vma_first(const struct vma_tree *t)
{
	return leftmost(t->root);
}

struct vma *vma_next(const struct vma *v)
{
	const struct vma *n = v;

	if (n->right)
		return leftmost(n->right);
	while (n->parent && n->parent->right == n)
		n = n->parent;
	return n->parent;
}

struct vma *vma_prev(const struct vma *v)
{
	const struct vma *n = v;

	if (n->left)
		return rightmost(n->left);
	while (n->parent && n->parent->left == n)
		n = n->parent;
	return n->parent;
}

/* Return: the VMA with the highest start below addr, or NULL. O(log n). */
static struct vma *last_below(const struct vma_tree *t, uint64_t addr)
{
	struct vma *n = t->root, *best = NULL;

	while (n) {
		if (n->start < addr) {
			best = n;
			n = n->right;
		} else {
			n = n->left;
		}
	}
	return best;
}

/*
 * Top-down, like Linux's mmap: start at the highest VMA that begins below
 * hi and step down with vma_prev, looking at the free stretch above each
 * VMA, clipped to [lo, hi) rounded inwards to page boundaries. The first
 * stretch of at least size bytes wins, and the gap is taken from its top.
 * Cost: O(log n) to find the first VMA plus O(k) for the k VMAs stepped
 * over, so O(n) at worst; the nodes carry no per-subtree gap sizes that
 * would allow O(log n). Address 0 doubles as "no gap", so callers keep lo
 * at or above one page.
 */
uint64_t vma_find_gap(const struct vma_tree *t, uint64_t size, uint64_t lo, uint64_t hi)
{
	uint64_t top = hi & ~VMA_PAGE_OFF, bottom, gap_end, gap_start;
	struct vma *v;

	if (!size || (size & VMA_PAGE_OFF) || lo > top)
		return 0;
	bottom = (lo + VMA_PAGE_OFF) & ~VMA_PAGE_OFF; /* lo <= top, so no overflow */
	if (top - bottom < size)
		return 0;

	gap_end = top;
	for (v = last_below(t, top); ; v = vma_prev(v)) {
		gap_start = (v && v->end > bottom) ? v->end : bottom;
		if (gap_end > gap_start && gap_end - gap_start >= size)
			return gap_end - size;
		/* Everything below v starts below bottom too. */
		if (!v || v->start <= bottom)
			return 0;
		gap_end = v->start; /* below the previous gap_end: starts only fall */
	}
}

/*
 * Shrink v first, so the range handed to vma_insert is free by
 * construction and the insert cannot fail; all checks come before any
 * change, so on -EINVAL nothing is touched.
 */
int vma_split(struct vma_tree *t, struct vma *v, uint64_t addr, struct vma *tail)
{
	int err;

	if (addr <= v->start || addr >= v->end || (addr & VMA_PAGE_OFF))
		return -EINVAL;
	tail->start = addr;
	tail->end = v->end;
	tail->prot = v->prot;
	tail->flags = v->flags;
	tail->file = v->file;
	tail->name = v->name;
	tail->sigbus_from = v->sigbus_from;
	tail->offset = v->offset + (addr - v->start);
	v->end = addr;
	err = vma_insert(t, tail);
	if (err)
		v->end = tail->end; /* unreachable while v is in t; keep t intact */
	return err;
}
