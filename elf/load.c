/*
 * load.c - map an ELF file's PT_LOAD segments into the program's half,
 * as Linux's execve does for the executable and its interpreter.
 *
 * ET_DYN files first reserve their whole span (PROT_NONE, at a randomised
 * address for the program, anywhere for the interpreter) so the segments
 * land at the distances they were linked at; ET_EXEC files go where they
 * say. Each segment's pages are filled from the file at once (see vm.c
 * for why file mappings are populated eagerly); the .bss beyond the last
 * file byte is left demand-zero. Two segments may share a page (the end
 * of one and the start of the next): that page is filled by both and gets
 * the union of their protections, as on Linux where the later mapping of
 * the shared file page has both contents.
 */
#include "elf.h"
#include "exec.h"
#include "mm.h"
#include "klib.h"
#include "vfs.h"
#include <asm-generic/errno.h>

#define HEADER_FIRST 4096          /* most files: headers and PT_INTERP are in here */
#define HEADER_MAX (4UL << 20)     /* refuse to look further for them than this */
#define PIE_BASE 0x0000555555554000UL  /* where Linux puts PIE programs (2/3 of 47 bits) */
#define PIE_RANDOM_PAGES (1UL << 20)    /* up to 4 GiB of randomisation */

static unsigned seg_prot(const Elf64_Phdr *ph)
{
	return (ph->p_flags & PF_R ? PROT_R : 0) | (ph->p_flags & PF_W ? PROT_W : 0) |
	       (ph->p_flags & PF_X ? PROT_X : 0);
}

/* Copy file bytes [off, off+n) to the page at pa, at offset pgoff. */
static int fill(struct file *f, uint64_t pa, uint64_t pgoff, uint64_t off, uint64_t n)
{
	long got = vfs_kread(f, (char *)pa_to_va(pa) + pgoff, n, off);
	if (got < 0)
		return (int)got;
	return (uint64_t)got == n ? 0 : -EIO;
}

static int map_segment(struct file *f, const char *path, uint64_t base, const Elf64_Phdr *ph)
{
	uint64_t start = base + ph->p_vaddr, file_end = start + ph->p_filesz;
	uint64_t first = start & PAGE_MASK, end = PAGE_ALIGN_UP(start + ph->p_memsz);
	unsigned prot = seg_prot(ph);
	uint64_t pa, *pages;
	unsigned old;
	int err = 0;

	if (pt_lookup(kernel_pml4, first, &pa, &old)) { /* shared with the previous segment */
		uint64_t n = MIN(file_end, first + PAGE_SIZE);
		if (n > start && (err = fill(f, pa & PAGE_MASK, start - first, ph->p_offset, n - start)))
			return err;
		if ((err = vm_protect(first, PAGE_SIZE, old | prot)))
			return err;
		first += PAGE_SIZE;
	}
	if (first >= end)
		return 0;
	uint64_t npages = (end - first) / PAGE_SIZE;
	pages = kzalloc((npages + 1) * sizeof(uint64_t));
	if (!pages)
		return -ENOMEM;
	for (uint64_t i = 0; i < npages; i++) {
		uint64_t va = first + i * PAGE_SIZE, s = MAX(va, start), e = MIN(va + PAGE_SIZE, file_end);
		if (s >= e)
			break; /* only .bss from here: demand-zero */
		if (!(pages[i] = palloc_zeroed_page())) {
			err = -ENOMEM;
			goto out_free;
		}
		if ((err = fill(f, pages[i], s - va, ph->p_offset + (s - start), e - s)))
			goto out_free;
	}
	long r = vm_map(first, end - first, prot, VM_FIXED, pages);
	if (r < 0) {
		err = (int)r;
	} else {
		memset(pages, 0, (npages + 1) * sizeof(uint64_t)); /* now owned by the mapping */
		vm_name(first, end - first, path, (ph->p_offset & PAGE_MASK) + (first - (start & PAGE_MASK)));
	}
out_free:
	for (uint64_t i = 0; i < npages && pages[i]; i++)
		pfree_pages(pages[i], 0);
	kfree(pages);
	return err;
}

int elf_load_dso(const char *path, bool is_program, struct elf_loaded *out, struct elf_dso *dso)
{
	struct file *f;
	struct stat st;
	struct elf_image img;
	const char *why = "";
	int err = vfs_kopen(path, O_RDONLY, &f);

	if (err) {
		printk("keel: cannot open %s: error %d\n", path, -err);
		return err;
	}
	char *buf = NULL;
	long n = 0;
	if ((err = vfs_kstat(f, &st)))
		goto out_put;
	/* read what the parser says it needs: headers, then the PT_INTERP string */
	for (uint64_t want = HEADER_FIRST, round = 0; round < 3; round++) {
		want = MIN(MIN(want, (uint64_t)st.st_size), HEADER_MAX);
		if (buf && (uint64_t)n >= want)
			break;
		kfree(buf);
		if (!(buf = kmalloc(want ? want : 1))) {
			err = -ENOMEM;
			goto out_put;
		}
		if ((n = vfs_kread(f, buf, want, 0)) < 0) {
			err = (int)n;
			goto out_free;
		}
		want = elf_header_bytes(buf, n);
	}
	if ((err = elf_parse(buf, n, st.st_size, &img, &why))) {
		printk("keel: %s: not a program keel can run: %s\n", path, why);
		goto out_free;
	}
	uint64_t base = 0;
	if (img.type == ET_DYN) {
		uint64_t hint = is_program ? PIE_BASE + (random_u64() % PIE_RANDOM_PAGES) * PAGE_SIZE : 0;
		long r = vm_map(hint, img.hi - img.lo, 0, 0, NULL); /* reserve the span */
		if (r < 0) {
			err = (int)r;
			goto out_free;
		}
		base = (uint64_t)r - img.lo;
	}
	for (unsigned i = 0; i < img.phnum && !err; i++)
		if (img.ph[i].p_type == PT_LOAD)
			err = map_segment(f, path, base, &img.ph[i]);
	if (err) {
		printk("keel: %s: cannot map its segments: error %d\n", path, -err);
		goto out_free;
	}
	out->base = base;
	out->entry = base + img.entry;
	out->phdr = img.phdr_mapped ? base + img.phdr_vaddr : 0;
	out->phnum = img.phnum;
	out->phdr_copy = NULL;
	if (!img.phdr_mapped) { /* no segment holds them: exec.c puts a copy on the stack */
		out->phdr_copy = kmalloc(img.phnum * sizeof(Elf64_Phdr));
		if (!out->phdr_copy) {
			err = -ENOMEM;
			goto out_free;
		}
		memcpy(out->phdr_copy, img.ph, img.phnum * sizeof(Elf64_Phdr));
	}
	out->start = base + img.lo;
	out->end = base + img.hi;
	out->type = img.type;
	if (dso) { /* for linked mode; nseg 0: the linker cannot take it (too many PT_LOADs) */
		struct elf_err e;
		if (elf_dso_init(dso, &img, base, path, &e))
			dso->nseg = 0;
	}
	out->interp[0] = 0;
	if (img.interp)
		strlcpy(out->interp, img.interp, sizeof(out->interp));
out_free:
	kfree(buf);
out_put:
	file_put(f);
	return err;
}

int elf_load(const char *path, bool is_program, struct elf_loaded *out)
{
	return elf_load_dso(path, is_program, out, NULL);
}
