/*
 * ramfs_data.c - the contents of ramfs regular files.
 *
 * A file's bytes live in page-sized chunks found through a radix tree
 * (struct radix): each node is one page holding 512 pointers, leaves are
 * data pages, and the tree grows a level whenever a write lands past what
 * it covers (height h covers 512^h pages). Pages that were never written
 * are absent and read as zeros, so sparse files and ftruncate() to a large
 * size cost nothing. Bytes past i_size inside the last page are always
 * zero (truncation clears them), so growing a file never reveals old data.
 * Page-aligned chunks are also what a later file-backed mmap can map.
 *
 * Called with vfs_lock held, from file_rw.c (read/write/truncate), cpio.c
 * and ramfs.c (freeing).
 */
#include "internal.h"

#define FANOUT 512u
#define FANOUT_SHIFT 9

/* pages covered by a subtree of this height (a data page is height 0) */
static uint64_t span_pages(unsigned height)
{
	return 1ULL << (FANOUT_SHIFT * height);
}

static void *radix_lookup(struct radix *r, uint64_t idx)
{
	void *node = r->root;

	if (r->height == 0 || idx >= span_pages(r->height))
		return NULL;
	for (unsigned h = r->height; h > 0 && node; h--) {
		unsigned slot = (idx >> (FANOUT_SHIFT * (h - 1))) & (FANOUT - 1);
		node = ((void **)node)[slot];
	}
	return node;
}

/* Return: the page at idx, allocated (zeroed) if absent, or NULL when out of memory. */
static void *radix_lookup_create(struct radix *r, uint64_t idx)
{
	void **slotp;

	while (r->height == 0 || idx >= span_pages(r->height)) {
		void **node = kzalloc(PAGE_SIZE);
		if (!node)
			return NULL;
		node[0] = r->root;
		r->root = node;
		r->height++;
	}
	slotp = &r->root;
	for (unsigned h = r->height; h > 0; h--) {
		if (!*slotp) {
			*slotp = kzalloc(PAGE_SIZE);
			if (!*slotp)
				return NULL;
		}
		slotp = &((void **)*slotp)[(idx >> (FANOUT_SHIFT * (h - 1))) & (FANOUT - 1)];
	}
	if (!*slotp) {
		*slotp = kzalloc(PAGE_SIZE);
		if (!*slotp)
			return NULL;
		r->nr_pages++;
	}
	return *slotp;
}

/*
 * Free every page with index >= from below node (covering pages
 * [base, base + 512^height)). Return: true if node is now empty and was freed.
 */
static bool radix_free_from(void *node, unsigned height, uint64_t base, uint64_t from,
			    uint64_t *nr_pages)
{
	void **slots = node;
	uint64_t child_span;
	bool empty = true;

	if (height == 0) { /* a data page */
		if (base >= from) {
			kfree(node);
			(*nr_pages)--;
			return true;
		}
		return false;
	}
	child_span = span_pages(height - 1);
	for (unsigned i = 0; i < FANOUT; i++) {
		uint64_t cbase = base + i * child_span, cend = cbase + child_span;
		if (!slots[i])
			continue;
		if (cend > from && radix_free_from(slots[i], height - 1, cbase, from, nr_pages))
			slots[i] = NULL;
		if (slots[i])
			empty = false;
	}
	if (empty)
		kfree(node);
	return empty;
}

long ramfs_read(struct inode *ino, void *kdst, size_t n, uint64_t off)
{
	char *dst = kdst;
	size_t done = 0;

	if (off >= ino->size)
		return 0;
	if (n > ino->size - off)
		n = ino->size - off;
	while (done < n) {
		uint64_t pos = off + done;
		size_t in_page = pos & (PAGE_SIZE - 1);
		size_t k = MIN(n - done, PAGE_SIZE - in_page);
		char *page = radix_lookup(&ino->pages, pos >> PAGE_SHIFT);
		if (page)
			memcpy(dst + done, page + in_page, k);
		else
			memset(dst + done, 0, k);
		done += k;
	}
	return (long)done;
}

long ramfs_write(struct inode *ino, const void *ksrc, size_t n, uint64_t off)
{
	const char *src = ksrc;
	size_t done = 0;

	if (off > INT64_MAX || n > INT64_MAX - off)
		return -EFBIG;
	while (done < n) {
		uint64_t pos = off + done;
		size_t in_page = pos & (PAGE_SIZE - 1);
		size_t k = MIN(n - done, PAGE_SIZE - in_page);
		char *page = radix_lookup_create(&ino->pages, pos >> PAGE_SHIFT);
		if (!page)
			break;
		memcpy(page + in_page, src + done, k);
		done += k;
	}
	if (done == 0 && n > 0)
		return -ENOSPC; /* what tmpfs answers when memory runs out */
	if (off + done > ino->size)
		ino->size = off + done;
	if (done)
		inode_touch(ino, T_MTIME | T_CTIME);
	return (long)done;
}

int ramfs_truncate(struct inode *ino, uint64_t size)
{
	if (size > INT64_MAX)
		return -EFBIG;
	if (size < ino->size) {
		uint64_t first_free = (size + PAGE_SIZE - 1) >> PAGE_SHIFT;
		char *page;

		if (__atomic_load_n(&ino->pages.nr_mmaps, __ATOMIC_ACQUIRE)) {
			/* mapped shared: the pages stay (a mapping points at them); zero them */
			uint64_t last = (ino->size + PAGE_SIZE - 1) >> PAGE_SHIFT;
			for (uint64_t i = first_free; i < last; i++)
				if ((page = radix_lookup(&ino->pages, i)))
					memset(page, 0, PAGE_SIZE);
		} else if (ino->pages.root &&
		    radix_free_from(ino->pages.root, ino->pages.height, 0, first_free,
				    &ino->pages.nr_pages)) {
			ino->pages.root = NULL;
			ino->pages.height = 0;
		}
		/* clear the tail of the last page so a later extension reads zeros */
		page = (size & (PAGE_SIZE - 1)) ? radix_lookup(&ino->pages, size >> PAGE_SHIFT) : NULL;
		if (page)
			memset(page + (size & (PAGE_SIZE - 1)), 0, PAGE_SIZE - (size & (PAGE_SIZE - 1)));
	}
	ino->size = size;
	inode_touch(ino, T_MTIME | T_CTIME);
	return 0;
}

void ramfs_data_free(struct inode *ino)
{
	if (ino->pages.root)
		radix_free_from(ino->pages.root, ino->pages.height, 0, 0, &ino->pages.nr_pages);
	ino->pages.root = NULL;
	ino->pages.height = 0;
}

uint64_t ramfs_data_pages(const struct inode *ino)
{
	return ino->pages.nr_pages;
}

/*
 * MAP_SHARED support (kernel/sys_mman.c): hand out the physical addresses
 * of pages [first, first+n) of a regular file, creating zeroed pages where
 * the file has none, so that the mapping and read/write share one copy.
 * Each mapping counts in nr_mmaps until vfs_mmap_release.
 */
long vfs_mmap_shared(struct file *f, uint64_t first, uint64_t n, uint64_t *pages)
{
	struct inode *ino = f->inode;
	long err = 0;

	if (f->ops != &ramfs_reg_fops)
		return -ENODEV; /* not ramfs file data: the caller copies instead */
	mutex_lock(&vfs_lock);
	for (uint64_t i = 0; i < n; i++) {
		void *page = radix_lookup_create(&ino->pages, first + i);
		if (!page) {
			err = -ENOMEM;
			break;
		}
		pages[i] = va_to_pa(page);
	}
	if (!err)
		__atomic_add_fetch(&ino->pages.nr_mmaps, 1, __ATOMIC_ACQ_REL);
	mutex_unlock(&vfs_lock);
	return err;
}

/*
 * One more page of a shared mapping, for a fault past what was mapped at
 * mmap time: the file may have grown since. May sleep.
 * Return: 0 with *pa, -ENXIO if the page is still past the end of the file.
 */
long vfs_mmap_page(struct file *f, uint64_t index, uint64_t *pa)
{
	struct inode *ino = f->inode;
	long err = 0;

	mutex_lock(&vfs_lock);
	if (index >= (ino->size + PAGE_SIZE - 1) / PAGE_SIZE) {
		err = -ENXIO;
	} else {
		void *page = radix_lookup_create(&ino->pages, index);
		if (page)
			*pa = va_to_pa(page);
		else
			err = -ENOMEM;
	}
	mutex_unlock(&vfs_lock);
	return err;
}

/* Another mapping of the same pages (a split VMA). Safe with interrupts off. */
void vfs_mmap_dup(struct file *f)
{
	__atomic_add_fetch(&f->inode->pages.nr_mmaps, 1, __ATOMIC_ACQ_REL);
	file_get(f);
}

/* A shared mapping is gone; drops the file reference it held. May sleep. */
void vfs_mmap_release(struct file *f)
{
	__atomic_sub_fetch(&f->inode->pages.nr_mmaps, 1, __ATOMIC_ACQ_REL);
	file_put(f);
}
