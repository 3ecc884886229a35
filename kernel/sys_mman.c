/*
 * sys_mman.c - memory-management system calls: argument checking in front
 * of vm.c (mmap, munmap, mprotect, mremap, madvise, msync, mincore, brk).
 *
 * Errors follow mmap(2): -EINVAL for a zero length, unaligned offset or
 * address with MAP_FIXED, or neither/both of MAP_PRIVATE and MAP_SHARED;
 * -EBADF for a bad fd; -EACCES for a file not opened for reading;
 * -ENOMEM when no room is left.
 */
#include "mm.h"
#include "vma.h"
#include "klib.h"
#include "sched.h"
#include "proc.h"
#include "uaccess.h"
#include "vfs.h"
#include <asm-generic/errno.h>
#include <asm-generic/mman.h>
#include <linux/mman.h>

static struct mutex brk_mutex = MUTEX_INIT(brk_mutex);

static unsigned to_prot(unsigned long prot)
{
	return (prot & PROT_READ ? PROT_R : 0) | (prot & PROT_WRITE ? PROT_W : 0) |
	       (prot & PROT_EXEC ? PROT_X : 0);
}

/* Read [off, off+len) of f into fresh pages (the tail of the last page and
 * pages past the end of the file stay zero). Return: page array or NULL. */
static uint64_t *file_pages(struct file *f, uint64_t off, uint64_t len, long *err)
{
	struct stat st;
	uint64_t npages = len / PAGE_SIZE;
	uint64_t *pages = kzalloc((npages + 1) * sizeof(uint64_t));

	*err = -ENOMEM;
	if (!pages)
		return NULL;
	if ((*err = vfs_kstat(f, &st)))
		goto out_free;
	for (uint64_t i = 0; i < npages; i++) {
		if (!(pages[i] = palloc_zeroed_page())) {
			*err = -ENOMEM;
			goto out_free;
		}
		uint64_t at = off + i * PAGE_SIZE;
		if (at >= (uint64_t)st.st_size) { /* past EOF: no page; touching it is SIGBUS */
			pfree_pages(pages[i], 0);
			pages[i] = 0;
			break;
		}
		long n = vfs_kread(f, pa_to_va(pages[i]), MIN(PAGE_SIZE, st.st_size - at), at);
		if (n < 0) {
			*err = n;
			goto out_free;
		}
	}
	*err = 0;
	return pages;
out_free:
	for (uint64_t i = 0; i < npages && pages[i]; i++)
		pfree_pages(pages[i], 0);
	kfree(pages);
	return NULL;
}

/* MAP_SHARED of a ramfs file. Consumes the reference on f. Return: address or -errno
 * (-ENODEV: not a file whose pages can be shared; the caller copies instead). */
static long map_file_shared(struct file *f, uint64_t addr, uint64_t len, unsigned long prot,
			    unsigned vmflags, uint64_t off, uint64_t eof_off)
{
	uint64_t npages = len / PAGE_SIZE;
	uint64_t filed = MIN(npages, PAGE_ALIGN_UP(eof_off) / PAGE_SIZE); /* pages the file reaches */
	uint64_t *pages = kzalloc((npages + 1) * sizeof(uint64_t));
	long ret = pages ? vfs_mmap_shared(f, off / PAGE_SIZE, filed, pages) : -ENOMEM;
	if (ret == 0) {
		ret = vm_map_shared(addr, len, to_prot(prot), vmflags, pages, f); /* takes f */
		if (ret >= 0 && filed < npages) /* touching past the end of the file: SIGBUS */
			vm_sigbus_from((uint64_t)ret, len, (uint64_t)ret + filed * PAGE_SIZE);
	} else if (ret != -ENODEV) {
		file_put(f);
	}
	kfree(pages);
	return ret;
}

long sys_mmap(uint64_t addr, uint64_t len, unsigned long prot, unsigned long flags, int fd,
	      uint64_t off)
{
	unsigned type = flags & MAP_TYPE;
	unsigned vmflags = flags & MAP_FIXED_NOREPLACE ? VM_FIXED_NOREPLACE :
			   flags & MAP_FIXED	       ? VM_FIXED :
							 0;
	uint64_t *pages = NULL;
	char *map_name = NULL;
	uint64_t eof_off = UINT64_MAX; /* where the file ends, relative to the mapping */
	long ret;

	if (!len || (off & (PAGE_SIZE - 1)) || (vmflags && (addr & (PAGE_SIZE - 1))))
		return -EINVAL;
	if (type != MAP_PRIVATE && type != MAP_SHARED && type != MAP_SHARED_VALIDATE)
		return -EINVAL;
	if (type == MAP_SHARED_VALIDATE && (flags & MAP_ANONYMOUS))
		return -EINVAL; /* as Linux: only file mappings take MAP_SHARED_VALIDATE */
	if (len > USER_TOP || PAGE_ALIGN_UP(len) > USER_TOP)
		return -ENOMEM;
	len = PAGE_ALIGN_UP(len);
	if (!(flags & MAP_ANONYMOUS)) {
		struct file *f = fd_get(fd);
		if (!f)
			return -EBADF;
		struct stat st;
		if ((f->flags & O_ACCMODE) == O_WRONLY ||
		    (type != MAP_PRIVATE && (prot & PROT_WRITE) && (f->flags & O_ACCMODE) != O_RDWR)) {
			file_put(f);
			return -EACCES;
		}
		long e = vfs_kstat(f, &st);
		if (!e && !S_ISREG(st.st_mode) && !S_ISCHR(st.st_mode) && !S_ISBLK(st.st_mode))
			e = -ENODEV; /* mmap(2): this file type cannot be mapped */
		if (e) {
			file_put(f);
			return e;
		}
		eof_off = (uint64_t)st.st_size > off ? (uint64_t)st.st_size - off : 0;
		if (type != MAP_PRIVATE) { /* shared: map the file's own pages */
			ret = map_file_shared(f, addr, len, prot, vmflags, off, eof_off);
			if (ret != -ENODEV)
				return ret;
		}
		pages = file_pages(f, off, len, &ret);
		if (pages && !map_name) { /* for /proc/self/maps; a copy: stores stay private */
			map_name = kmalloc(256);
			if (map_name && vfs_file_path(f, map_name, 256) <= 0)
				map_name[0] = 0;
		}
		file_put(f);
		if (!pages) {
			kfree(map_name);
			return ret;
		}
	}
	ret = vm_map(addr, len, to_prot(prot), vmflags, pages);
	if (ret >= 0 && map_name && map_name[0])
		vm_name((uint64_t)ret, len, map_name, off);
	if (ret >= 0 && pages && eof_off < len) /* the file ends inside the mapping */
		vm_sigbus_from((uint64_t)ret, len, (uint64_t)ret + PAGE_ALIGN_UP(eof_off));
	kfree(map_name);
	if (pages) {
		if (ret < 0)
			for (uint64_t i = 0; pages[i]; i++)
				pfree_pages(pages[i], 0);
		kfree(pages);
	}
	return ret;
}

long sys_munmap(uint64_t addr, uint64_t len)
{
	if ((addr & (PAGE_SIZE - 1)) || !len)
		return -EINVAL;
	return vm_unmap(addr, len);
}

long sys_mprotect(uint64_t addr, uint64_t len, unsigned long prot)
{
	if (addr & (PAGE_SIZE - 1))
		return -EINVAL;
	if (prot & ~(unsigned long)(PROT_READ | PROT_WRITE | PROT_EXEC | PROT_GROWSDOWN | PROT_GROWSUP))
		return -EINVAL;
	if (!len)
		return 0;
	return vm_protect(addr, len, to_prot(prot));
}

long sys_madvise(uint64_t addr, uint64_t len, int advice)
{
	if (addr & (PAGE_SIZE - 1))
		return -EINVAL;
	/* the advice values Linux 6.1 knows (madvise(2)); others are EINVAL */
	if (!((advice >= MADV_NORMAL && advice <= MADV_DONTNEED) ||
	      (advice >= MADV_FREE && advice <= 25) || advice == 100 || advice == 101))
		return -EINVAL;
	if (len && !vm_range_mapped(addr, PAGE_ALIGN_UP(len)))
		return -ENOMEM; /* madvise(2): part of the range is not mapped */
	if ((advice == MADV_DONTNEED || advice == MADV_FREE) && len) {
		/* the next touch must see zeros: drop the pages, keep the mapping */
		if (!vm_range_mapped(addr, PAGE_ALIGN_UP(len)))
			return -ENOMEM;
		return vm_discard(addr, PAGE_ALIGN_UP(len));
	}
	return 0; /* other advice is a hint; ignoring it is allowed */
}

long sys_msync(uint64_t addr, uint64_t len, int flags)
{
	if ((addr & (PAGE_SIZE - 1)) || (flags & ~7) || ((flags & MS_ASYNC) && (flags & MS_SYNC)))
		return -EINVAL;
	return vm_range_mapped(addr, PAGE_ALIGN_UP(len)) ? 0 : -ENOMEM;
}

long sys_mincore(uint64_t addr, uint64_t len, unsigned char *vec)
{
	if (addr & (PAGE_SIZE - 1))
		return -EINVAL;
	len = PAGE_ALIGN_UP(len);
	if (!vm_range_mapped(addr, len))
		return -ENOMEM;
	for (uint64_t a = addr; a < addr + len; a += PAGE_SIZE) {
		uint64_t pa;
		unsigned p;
		unsigned char in = pt_lookup(kernel_pml4, a, &pa, &p);
		if (copy_to_user(vec + (a - addr) / PAGE_SIZE, &in, 1))
			return -EFAULT;
	}
	return 0;
}

long sys_mremap(uint64_t old, uint64_t old_len, uint64_t new_len, unsigned long flags, uint64_t new_addr)
{
	if ((old & (PAGE_SIZE - 1)) || !new_len || (flags & ~7UL))
		return -EINVAL;
	if ((flags & MREMAP_FIXED) && !(flags & MREMAP_MAYMOVE))
		return -EINVAL;
	return vm_remap(old, PAGE_ALIGN_UP(old_len), PAGE_ALIGN_UP(new_len),
			flags & MREMAP_MAYMOVE, flags & MREMAP_FIXED ? (long)new_addr : -1);
}

long sys_brk(uint64_t want)
{
	mutex_lock(&brk_mutex);
	uint64_t cur = PAGE_ALIGN_UP(proc.brk), next = PAGE_ALIGN_UP(want);
	if (want >= proc.brk_start && want < USER_TOP) {
		long err = 0;
		if (next > cur) {
			err = vm_map(cur, next - cur, PROT_R | PROT_W, VM_FIXED_NOREPLACE, NULL);
			if (err >= 0)
				vm_name(cur, next - cur, "[heap]", 0);
		}
		else if (next < cur)
			err = vm_unmap(next, cur - next);
		if (err >= 0)
			proc.brk = want;
	}
	long ret = (long)proc.brk; /* on failure: the old break, as Linux */
	mutex_unlock(&brk_mutex);
	return ret;
}
