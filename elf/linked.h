/*
 * elf/linked.h - linked mode's object list, shared by the start-up
 * (linked.c) and dlopen & co. (dl.c). Not part of elf/'s interface.
 *
 * Objects are only ever added: dlclose unloads nothing (as musl), so an
 * index or a struct lobj pointer, once published, stays valid for the
 * boot, and readers that only walk the published ones, [0, npub), need
 * no lock.
 *
 * Lock rules: `linked.lock` (a mutex, recursive through linked_lock) is
 * held by whoever adds objects or changes their flags: the launcher
 * (before the program's first thread, so trivially) and dlopen/dlclose.
 * `n` counts the objects being worked on; `npub` is written last
 * (linked_publish, after a barrier), once new objects are relocated, so
 * lock-free readers (dladdr, dl_iterate_phdr) see only whole objects. Initializers run with the
 * lock held, as in glibc: an initializer may dlopen (the lock is
 * recursive), another thread's dlopen waits.
 */
#ifndef KEEL_ELF_LINKED_H
#define KEEL_ELF_LINKED_H
#include "elf.h"
#include "sched.h"

#define LINKED_MAX_OBJS 64
#define LINKED_PATH_MAX 256

/* <link.h>'s struct link_map, the ABI dlinfo(RTLD_DI_LINKMAP) returns */
struct linked_link_map {
	uint64_t l_addr;
	char *l_name;
	void *l_ld;
	struct linked_link_map *l_next, *l_prev;
};

struct lobj {
	struct elf_dso *d;
	char *path;			/* kmalloc'd, also d->name; the executable's is proc.exe */
	uint64_t start, end;		/* the mapped span, to unmap a failed load */
	uint64_t phdr;			/* program headers in memory (dl_iterate_phdr) */
	unsigned phnum;
	unsigned ndeps;
	unsigned deps[32];		/* indices of the DT_NEEDED objects (libc's not counted) */
	bool visited;			/* placed in linked.order */
	bool global;			/* in the global scope: initial objects, RTLD_GLOBAL */
	bool inited;			/* its initializers have run */
	unsigned refs;			/* dlopen count (informational: nothing is unloaded) */
	struct linked_link_map lm;
};

extern struct linked {
	struct mutex lock;
	struct thread *owner;		/* recursion: the holder, and how deep */
	unsigned depth;
	struct lobj obj[LINKED_MAX_OBJS]; /* [0]: the executable */
	unsigned n;
	unsigned npub;			/* published: [0, npub) are complete */
	unsigned order[LINKED_MAX_OBJS]; /* dependencies first: relocation, init */
	unsigned norder;
	unsigned nmod;			/* TLS module ids handed out */
	char *ldpath;			/* LD_LIBRARY_PATH from the program's environment */
	unsigned long adds;		/* objects ever added (dl_iterate_phdr's dlpi_adds) */
	bool active;			/* serving a linked program */
	bool glibc;			/* a glibc program: the layer's overrides come first */
	bool fini_done;
} linked;

void linked_lock(void);
void linked_unlock(void);
/*
 * The same from a program's stack, which is demand-paged: kernel code that
 * takes spinlocks or maps memory runs on the thread's kernel stack
 * (libc_on_kstack), so no page fault of the program's stack meets a
 * spinlock held. Initializers, program code, run on the program's stack.
 */
void linked_lock_kstack(void);
void linked_unlock_kstack(void);

/* Put the kernel's libc objects (one, or two for glibc programs) at @v. Return: how many, 0: ENOMEM. */
unsigned linked_libc_scope(struct elf_dso **v);
/* Is @name one of musl's libc names, which the kernel's libc stands for? */
bool linked_is_musl_lib(const char *name);
/* Search for DT_NEEDED (or dlopen) @name as @req asks. Return: true and @out. */
bool linked_find_lib(const struct lobj *req, const char *name, char *out);
/* An object loaded under this name (soname or file name) or path, or -1. */
int linked_find_loaded(const char *name, const char *path);
/* Map one library as object linked.n. Return: its index, or -errno after a message in @why. */
int linked_load_lib(const char *path, char *why, size_t whylen);
/*
 * Load the DT_NEEDED closure of objects [first, n). Return: 0; 1 when a
 * library is missing (its name in @why); -errno.
 */
int linked_load_needed(unsigned first, char *why, size_t whylen);
/* Unmap and forget objects [first, n). */
void linked_unmap_from(unsigned first);
/*
 * Check every import of objects [first, n) (and the executable's COPY
 * relocations when first == 0) against @scope. Return: the number missing.
 */
size_t linked_check_imports(unsigned first, struct elf_dso *const *scope, unsigned nscope,
			    struct elf_missing *m, unsigned *nklibc);
/*
 * Relocate the objects reachable from @root not yet placed, dependencies
 * first, through @scope; then their RELRO. Appends them to linked.order.
 * @lazy_stub: see struct elf_reloc_ctx (0: every symbol must bind).
 * Return: 0, or -errno with the reason in @e (-ENOENT: see @m).
 */
int linked_relocate(unsigned root, struct elf_dso *const *scope, unsigned nscope,
		    struct elf_missing *m, uint64_t lazy_stub, struct elf_err *e);
/* Publish objects [npub, n): link maps chained, npub and adds updated. */
void linked_publish(void);
/* Run the initializers of linked.order[from..norder) not yet run. */
void linked_run_init(unsigned from);

#endif
