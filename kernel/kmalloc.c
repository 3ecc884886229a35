/*
 * kmalloc.c - the kernel heap: small objects from slabs, big ones from palloc.
 *
 * Design: eight power-of-two size classes, 16 to 2048 bytes. A slab is one
 * 4 KiB page from palloc_pages(0), cut into equal objects; since the page is
 * page aligned, every object is aligned to its own size. The slab's
 * bookkeeping lives in its struct page, found with pa_to_page(va_to_pa(p)):
 *
 *   flags       PG_SLAB
 *   slab_class  index into class_size[]
 *   slab_info   bits 0-15: objects in use; bits 16-31: byte offset of the
 *               first free object, or SLAB_NONE
 *   next, prev  links of the class's partial list, as frame numbers (the
 *               buddy allocator only uses them while the frame is free;
 *               32 bits of frame number cover 16 TiB of RAM)
 *
 * Free objects hold the free list themselves: a struct free_obj with the
 * offset of the next free object and a tag (FREE_MAGIC mixed with the
 * object's address). The tag makes double frees cheap to catch: a live
 * object almost never carries its own tag, and when one does, walking that
 * slab's free list settles it.
 *
 * The partial list of a class holds every slab with at least one free
 * object; full slabs sit on no list. A slab that becomes empty stays cached
 * if it is the class's only empty slab, else it goes back to palloc, so the
 * heap does not keep memory after a burst of frees.
 *
 * Requests above 2048 bytes take 2^order pages straight from palloc; the
 * head page gets PG_LARGE and the order so kfree can return them.
 *
 * Locking: heap_lock guards all of the above. Lock order: heap_lock, then
 * palloc's lock (taken inside palloc_pages/pfree_pages).
 * Callers: everything in the kernel that needs memory of arbitrary size.
 */
#include <stddef.h>
#include <stdint.h>

#include "buddy.h"
#include "mm.h"
#include "spinlock.h"

#define NR_CLASSES 8
#define MIN_SHIFT 4 /* smallest class: 16 bytes */
#define MAX_SMALL 2048
#define SLAB_NONE 0xffffu
#define FREE_MAGIC 0x6b65656c66726565ULL /* "keelfree" */

struct free_obj {
	uint64_t next_off; /* offset in the slab of the next free object, or SLAB_NONE */
	uint64_t tag;      /* FREE_MAGIC ^ address: says "probably free" */
};

struct size_class {
	uint32_t partial;   /* frame number of the first partial slab, or PAGE_NIL */
	uint32_t nr_empty;  /* slabs on the partial list with nothing in use */
};

static struct spinlock heap_lock = SPINLOCK_INIT("kmalloc");
static struct size_class classes[NR_CLASSES] = { /* guarded by heap_lock */
	[0 ... NR_CLASSES - 1] = { PAGE_NIL, 0 },
};

static size_t class_size(unsigned c) { return (size_t)1 << (c + MIN_SHIFT); }

static unsigned size_to_class(size_t size)
{
	unsigned c = 0;

	while (class_size(c) < size)
		c++;
	return c;
}

static struct page *frame_page(uint32_t pfn) { return pa_to_page((uint64_t)pfn << PAGE_SHIFT); }
static char *frame_va(uint32_t pfn) { return pa_to_va((uint64_t)pfn << PAGE_SHIFT); }

static unsigned slab_inuse(const struct page *pg) { return pg->slab_info & 0xffff; }
static unsigned slab_free_off(const struct page *pg) { return pg->slab_info >> 16; }

static void slab_set(struct page *pg, unsigned inuse, unsigned free_off)
{
	pg->slab_info = (uint32_t)free_off << 16 | inuse;
}

static uint64_t obj_tag(const void *obj) { return FREE_MAGIC ^ (uintptr_t)obj; }

static void partial_add(struct size_class *sc, uint32_t pfn)
{
	struct page *pg = frame_page(pfn);

	pg->prev = PAGE_NIL;
	pg->next = sc->partial;
	if (sc->partial != PAGE_NIL)
		frame_page(sc->partial)->prev = pfn;
	sc->partial = pfn;
}

static void partial_del(struct size_class *sc, uint32_t pfn)
{
	struct page *pg = frame_page(pfn);

	if (pg->prev != PAGE_NIL)
		frame_page(pg->prev)->next = pg->next;
	else
		sc->partial = pg->next;
	if (pg->next != PAGE_NIL)
		frame_page(pg->next)->prev = pg->prev;
	pg->next = pg->prev = PAGE_NIL;
}

/* Get a page from palloc and thread all its objects onto a free list. */
static int slab_new(unsigned c)
{
	uint64_t pa = palloc_pages(0);
	size_t size = class_size(c);
	struct page *pg;
	char *va;

	if (!pa)
		return -1;
	pg = pa_to_page(pa);
	va = pa_to_va(pa);
	for (size_t off = 0; off < PAGE_SIZE; off += size) {
		struct free_obj *o = (struct free_obj *)(va + off);

		o->next_off = off + size < PAGE_SIZE ? off + size : SLAB_NONE;
		o->tag = obj_tag(o);
	}
	pg->flags |= PG_SLAB;
	pg->slab_class = (uint16_t)c;
	slab_set(pg, 0, 0);
	partial_add(&classes[c], (uint32_t)(pa >> PAGE_SHIFT));
	classes[c].nr_empty++;
	return 0;
}

static void *slab_alloc(unsigned c)
{
	struct size_class *sc = &classes[c];
	struct page *pg;
	struct free_obj *o;
	unsigned inuse;
	uint32_t pfn;

	if (sc->partial == PAGE_NIL && slab_new(c) < 0)
		return NULL;
	pfn = sc->partial;
	pg = frame_page(pfn);
	o = (struct free_obj *)(frame_va(pfn) + slab_free_off(pg));
	inuse = slab_inuse(pg);
	if (inuse == 0)
		sc->nr_empty--;
	slab_set(pg, inuse + 1, (unsigned)o->next_off);
	if (o->next_off == SLAB_NONE)
		partial_del(sc, pfn);
	o->tag = 0; /* a live object must not look free */
	return o;
}

/* Is obj already on its slab's free list? Only walked when the tag matches. */
static bool slab_obj_free(struct page *pg, char *base, const struct free_obj *obj)
{
	unsigned off = slab_free_off(pg);

	if (obj->tag != obj_tag(obj))
		return false;
	while (off != SLAB_NONE) {
		const struct free_obj *o = (const struct free_obj *)(base + off);

		if (o == obj)
			return true;
		off = (unsigned)o->next_off;
	}
	return false;
}

/* Return: NULL on success, else why p is not a live object of this slab. */
static const char *slab_free(struct page *pg, void *p)
{
	unsigned c = pg->slab_class;
	struct size_class *sc = &classes[c];
	uintptr_t off = va_to_pa(p) & (PAGE_SIZE - 1);
	uint32_t pfn = (uint32_t)(va_to_pa(p) >> PAGE_SHIFT);
	char *base = (char *)p - off;
	struct free_obj *o = p;
	unsigned inuse = slab_inuse(pg);

	if (off & (class_size(c) - 1))
		return "kfree of a misaligned slab pointer";
	if (inuse == 0 || slab_obj_free(pg, base, o))
		return "double kfree";
	o->next_off = slab_free_off(pg);
	o->tag = obj_tag(o);
	if (slab_free_off(pg) == SLAB_NONE)
		partial_add(sc, pfn); /* it was full */
	slab_set(pg, --inuse, (unsigned)off);
	if (inuse)
		return NULL;
	if (sc->nr_empty == 0) {
		sc->nr_empty++; /* keep one empty slab cached per class */
		return NULL;
	}
	partial_del(sc, pfn);
	pg->flags &= ~PG_SLAB;
	pg->slab_class = 0;
	pg->slab_info = 0;
	pfree_pages((uint64_t)pfn << PAGE_SHIFT, 0);
	return NULL;
}

/* Return: the order of the smallest block of pages holding size bytes, or -1. */
static int large_order(size_t size)
{
	size_t npages;
	int order = 0;

	if (size > SIZE_MAX - (PAGE_SIZE - 1))
		return -1;
	npages = (size + PAGE_SIZE - 1) >> PAGE_SHIFT;
	while (order <= BUDDY_MAX_ORDER && ((size_t)1 << order) < npages)
		order++;
	return order > BUDDY_MAX_ORDER ? -1 : order;
}

static void *large_alloc(size_t size)
{
	int order = large_order(size);
	struct page *pg;
	uint64_t pa;

	if (order < 0)
		return NULL;
	pa = palloc_pages((unsigned)order);
	if (!pa)
		return NULL;
	pg = pa_to_page(pa);
	pg->flags |= PG_LARGE;
	pg->order = (uint8_t)order;
	return pa_to_va(pa);
}

/*
 * Return: memory for size bytes, 16-byte aligned (page aligned above 2048
 * bytes), or NULL when out of memory. kmalloc(0) returns a unique object.
 */
void *kmalloc(size_t size)
{
	unsigned long flags;
	void *p;

	flags = spin_lock_irqsave(&heap_lock);
	if (size <= MAX_SMALL)
		p = slab_alloc(size_to_class(size));
	else
		p = large_alloc(size);
	spin_unlock_irqrestore(&heap_lock, flags);
	return p;
}

void *kzalloc(size_t size)
{
	void *p = kmalloc(size);

	if (p)
		__builtin_memset(p, 0, size);
	return p;
}

/*
 * Return: the page heading p's heap allocation, or NULL (then *why says why).
 * A pointer into a slab is only checked for its page here; slab_free checks
 * the object alignment.
 */
static struct page *heap_page(const void *p, const char **why)
{
	struct page *pg = pa_to_page(va_to_pa(p));

	*why = "pointer is not in the heap";
	if (!pg || !(pg->flags & (PG_SLAB | PG_LARGE)))
		return NULL;
	if ((pg->flags & PG_LARGE) && (va_to_pa(p) & (PAGE_SIZE - 1))) {
		*why = "pointer is inside a large allocation";
		return NULL;
	}
	return pg;
}

void kfree(void *p)
{
	const char *why = NULL;
	unsigned long flags;
	struct page *pg;

	if (!p)
		return;
	flags = spin_lock_irqsave(&heap_lock);
	pg = heap_page(p, &why);
	if (pg && (pg->flags & PG_SLAB)) {
		why = slab_free(pg, p);
	} else if (pg) {
		unsigned order = pg->order;

		pg->flags &= ~PG_LARGE;
		pfree_pages(va_to_pa(p), order);
		why = NULL;
	}
	spin_unlock_irqrestore(&heap_lock, flags);
	/* Reported unlocked: the host test's handler returns, the kernel's panics. */
	if (why)
		kmalloc_corrupt(why, p);
}

/* Return: bytes usable at p (at least what was asked for); 0 for NULL. */
size_t kmalloc_usable_size(const void *p)
{
	const char *why = NULL;
	unsigned long flags;
	struct page *pg;
	size_t size = 0;

	if (!p)
		return 0;
	flags = spin_lock_irqsave(&heap_lock);
	pg = heap_page(p, &why);
	if (pg && (pg->flags & PG_LARGE))
		size = PAGE_SIZE << pg->order;
	else if (pg && (va_to_pa(p) & (class_size(pg->slab_class) - 1)))
		why = "usable_size of a misaligned slab pointer";
	else if (pg)
		size = class_size(pg->slab_class);
	if (size)
		why = NULL;
	spin_unlock_irqrestore(&heap_lock, flags);
	if (why)
		kmalloc_corrupt(why, p);
	return size;
}
