/*
 * keel_linked.c - musl's start-up hooks, as keel's linked mode needs them.
 *
 * In a dynamically linked musl program, musl's own dynamic linker
 * (ldso/dynlink.c, not built into the kernel) overrides three weak
 * functions of libc: __init_tls (lay out the TLS of every loaded object
 * and set up the main thread), __libc_start_init (run the initializers)
 * and __libc_exit_fini (run the finalizers from exit()). In keel, keel's
 * linker (elf/linked.c) has loaded the program, so these strong versions
 * ask it, through the keel_libc_* hooks:
 *
 *  - __init_tls takes the static TLS modules keel laid out
 *    (keel_libc_tls_module: image, sizes and the offset below the thread
 *    pointer given by elf_tls_layout), fills libc.tls_head/tls_cnt/
 *    tls_size/tls_align as dynlink.c does, so that pthread_create's
 *    __copy_tls gives every new thread the same blocks, and sets up the
 *    main thread with musl's own __copy_tls and __init_tp. With no module
 *    from keel (the self-test, a program without TLS) it reads the
 *    program's PT_TLS through AT_PHDR, as musl's static version does.
 *  - __libc_start_init gives malloc the unused page tails of the loaded
 *    objects' writable segments, as dynlink.c's reclaim_gaps does (musl's
 *    malloc then starts in memory that is never unmapped), and
 *    __libc_start_init and __libc_exit_fini call keel, which runs the
 *    program's and its libraries' initializers (dependencies first) and
 *    later their finalizers in reverse; with no program (the self-test)
 *    there are none, as in the kernel's static musl whose init arrays are
 *    empty.
 */
#include <elf.h>
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <stddef.h>
#include <string.h>
#include <sys/mman.h>
#include "pthread_impl.h"
#include "libc.h"
#include "syscall.h"

/* elf/linked.c: module i (from 0) of the program's static TLS, or 0 past the last */
int keel_libc_tls_module(size_t i, void **image, size_t *len, size_t *size, size_t *align,
			 size_t *offset);
void keel_libc_run_init(void);
void keel_libc_run_fini(void);
int keel_libc_gap(size_t i, uintptr_t *start, uintptr_t *end);

hidden void __malloc_donate(char *, char *);

#define KEEL_TLS_MAX 64

static struct tls_module mods[KEEL_TLS_MAX];
static struct keel_builtin_tls {
	char c;
	struct pthread pt;
	void *space[16];
} builtin_tls[1];
#define MIN_TLS_ALIGN offsetof(struct keel_builtin_tls, pt)

/* As dynlink.c's update_tls_size: the DTV, the blocks, the thread descriptor, slack to align. */
static size_t tls_size_for(size_t nmod, size_t end, size_t align)
{
	return ((1 + nmod) * sizeof(void *) + end + sizeof(struct pthread) + align * 2 + align - 1) &
	       -align;
}

/* The program's own PT_TLS (a static program: its offset is its size rounded). */
static size_t tls_from_phdrs(size_t *aux)
{
	unsigned char *p = (void *)aux[AT_PHDR];
	size_t base = 0, n = aux[AT_PHNUM];
	Elf64_Phdr *tls = 0;

	for (; p && n; n--, p += aux[AT_PHENT]) {
		Elf64_Phdr *ph = (void *)p;
		if (ph->p_type == PT_PHDR)
			base = aux[AT_PHDR] - ph->p_vaddr;
		if (ph->p_type == PT_TLS)
			tls = ph;
	}
	if (!tls)
		return 0;
	struct tls_module *m = &mods[0];
	m->image = (void *)(base + tls->p_vaddr);
	m->len = tls->p_filesz;
	m->align = tls->p_align ? tls->p_align : 1;
	m->size = tls->p_memsz + ((-tls->p_memsz - (uintptr_t)m->image) & (m->align - 1));
	m->offset = m->size;
	return 1;
}

void __init_tls(size_t *aux)
{
	size_t n = 0, end = 0, align = MIN_TLS_ALIGN;
	unsigned char *p = (void *)aux[AT_PHDR];

	/* musl's default thread stack grows to the program's PT_GNU_STACK size */
	for (size_t k = aux[AT_PHNUM]; p && k; k--, p += aux[AT_PHENT]) {
		Elf64_Phdr *ph = (void *)p;
		if (ph->p_type == PT_GNU_STACK && ph->p_memsz > __default_stacksize)
			__default_stacksize = ph->p_memsz < DEFAULT_STACK_MAX ? ph->p_memsz
									   : DEFAULT_STACK_MAX;
	}
	while (n < KEEL_TLS_MAX) {
		struct tls_module *m = &mods[n];
		if (!keel_libc_tls_module(n, &m->image, &m->len, &m->size, &m->align, &m->offset))
			break;
		n++;
	}
	if (!n)
		n = tls_from_phdrs(aux);
	libc.tls_head = n ? &mods[0] : 0;
	for (size_t i = 0; i < n; i++) {
		mods[i].next = i + 1 < n ? &mods[i + 1] : 0;
		if (mods[i].offset > end)
			end = mods[i].offset;
		if (mods[i].align > align)
			align = mods[i].align;
	}
	libc.tls_cnt = n;
	libc.tls_align = align;
	libc.tls_size = tls_size_for(n, end, align);

	void *mem = builtin_tls;
	if (libc.tls_size > sizeof builtin_tls)
		mem = (void *)__syscall(SYS_mmap, 0, libc.tls_size, PROT_READ | PROT_WRITE,
					MAP_ANONYMOUS | MAP_PRIVATE, -1, 0);
	if ((uintptr_t)mem > -4096UL || __init_tp(__copy_tls(mem)) < 0)
		a_crash();
}

void __libc_start_init(void)
{
	uintptr_t a, b;

	/* as musl's dynamic linker does: the page tails of the loaded objects to malloc */
	for (size_t i = 0; keel_libc_gap(i, &a, &b); i++)
		if (b > a)
			__malloc_donate((char *)a, (char *)b);
	keel_libc_run_init();
}

void __libc_exit_fini(void)
{
	keel_libc_run_fini();
}

/*
 * Dynamic TLS: a module that dlopen (elf/dl.c) brought in gets the next
 * module id, and every thread a block for it at once, so __tls_get_addr
 * stays musl's one-line lookup (dtv[id] + offset) and never allocates.
 *  - Threads created later get it from __copy_tls like the initial ones:
 *    the module joins libc.tls_head at an offset below the thread pointer
 *    past every other (aligned so the block is congruent to its image
 *    modulo p_align), and libc.tls_size grows.
 *  - Threads that exist now each get a block (calloc, aligned the same
 *    way) and a new, longer DTV: the old entries, then the new one. The
 *    old DTV stays allocated: another thread may be reading it this very
 *    moment, and a reader of either sees the same blocks for the old ids.
 * pthread_create is held off meanwhile (__inhibit_ptc: musl's lock_ptc.c), and
 * the thread list is locked with application signals blocked, as
 * pthread_exit takes it. Everything is allocated before anything is
 * installed, so a failure leaves no thread changed.
 * Return: the module id, or -ENOMEM.
 */
hidden long keel_tls_add(void *image, size_t len, size_t size, size_t align)
{
	size_t id = libc.tls_cnt + 1, off = 0, nthreads = 0, i;
	struct tls_module *m;
	pthread_t self = __pthread_self(), td;
	sigset_t set;
	long ret = -ENOMEM;

	if (id > KEEL_TLS_MAX)
		return -ENOMEM;
	if (!align)
		align = 1;
	for (m = libc.tls_head; m; m = m->next)
		if (m->offset > off)
			off = m->offset;
	off += size;
	off += (-(off + (uintptr_t)image)) & (align - 1); /* (tp - off) == image mod align */

	__inhibit_ptc();
	__block_app_sigs(&set);
	__tl_lock();
	td = self;
	do
		nthreads++;
	while ((td = td->next) != self);
	uintptr_t **dtvs = calloc(nthreads, sizeof(*dtvs));
	unsigned char **blocks = calloc(nthreads, sizeof(*blocks));
	for (i = 0; dtvs && blocks && i < nthreads; i++) {
		dtvs[i] = calloc(id + 1, sizeof(uintptr_t));
		blocks[i] = calloc(1, size + align);
		if (!dtvs[i] || !blocks[i])
			break;
	}
	if (dtvs && blocks && i == nthreads) {
		for (i = 0, td = self; i < nthreads; i++, td = td->next) {
			unsigned char *b = blocks[i];
			b += ((uintptr_t)image - (uintptr_t)b) & (align - 1);
			memcpy(b, image, len);
			memcpy(dtvs[i], td->dtv, id * sizeof(uintptr_t));
			dtvs[i][0] = id;
			dtvs[i][id] = (uintptr_t)b + DTP_OFFSET;
			blocks[i] = 0; /* in use */
		}
		/* all blocks filled before any thread can see a DTV naming one */
		a_barrier();
		for (i = 0, td = self; i < nthreads; i++, td = td->next) {
			td->dtv = dtvs[i];
			dtvs[i] = 0;
		}
		m = &mods[id - 1];
		*m = (struct tls_module){ .image = image, .len = len, .size = size, .align = align,
					  .offset = off };
		if (libc.tls_head) {
			struct tls_module *t = libc.tls_head;
			while (t->next)
				t = t->next;
			t->next = m;
		} else {
			libc.tls_head = m;
		}
		libc.tls_cnt = id;
		if (align > libc.tls_align)
			libc.tls_align = align;
		libc.tls_size = tls_size_for(id, off, libc.tls_align);
		ret = (long)id;
	}
	for (i = 0; i < nthreads; i++) {
		if (dtvs)
			free(dtvs[i]);
		if (blocks)
			free(blocks[i]);
	}
	free(dtvs);
	free(blocks);
	__tl_unlock();
	__restore_sigs(&set);
	__release_ptc();
	return ret;
}
