/*
 * elf/dl.c - dlopen, dlsym, dlclose, dladdr, dlinfo and dl_iterate_phdr
 * for a program in linked mode: the kernel halves of the functions in
 * kernel/libc/musl/src/ldso/keel_dl.c, which keep the per-thread parts
 * (the dlerror text, a thread-local symbol's address).
 *
 * dlopen loads an object and its DT_NEEDED closure with the start-up's
 * code (linked.c): found through the executable's DT_RPATH, the
 * program's LD_LIBRARY_PATH, DT_RUNPATH, the default directories; every
 * import checked before anything is relocated, so a missing symbol or
 * library is a dlerror() naming it ("x.so: undefined symbol: foo") and
 * nothing stays mapped. Binding is immediate (RTLD_LAZY is taken as
 * RTLD_NOW, as musl does). A new object's lookup scope is the global
 * scope (the executable, its libraries, RTLD_GLOBAL objects), then its
 * own dependency tree, then the kernel's libc. Thread-local storage of a
 * dlopened object is dynamic: it gets the next module id and every thread
 * a block at once (keel_tls_add); initial-exec TLS (TPOFF64) in it is
 * refused, as glibc does when its static surplus is used up. Objects are
 * never unloaded: dlclose only counts (musl does the same), so a handle
 * or an address handed out stays valid.
 *
 * Handles are struct lobj pointers (linked.h); the kernel's libc, asked
 * for under one of musl's libc names, has its own. Everything runs on the
 * calling program thread, on its kernel stack (libc_on_kstack) but for
 * the initializers a dlopen runs; the lock rules are in linked.h.
 */
#include "elf.h"
#include "internal.h"
#include "klib.h"
#include "libc/libc.h"
#include "linked.h"
#include "proc.h"
#include "syscall.h"
#include <asm-generic/errno.h>

#define RTLD_LAZY 1
#define RTLD_NOLOAD 4
#define RTLD_GLOBAL 256
#define RTLD_NEXT ((void *)-1)

#define L linked

/* <dlfcn.h>'s Dl_info and <link.h>'s struct dl_phdr_info: the ABI the program sees */
struct dl_info {
	const char *dli_fname;
	void *dli_fbase;
	const char *dli_sname;
	void *dli_saddr;
};

struct dl_phdr_info {
	uint64_t dlpi_addr;
	const char *dlpi_name;
	const Elf64_Phdr *dlpi_phdr;
	uint16_t dlpi_phnum;
	unsigned long long dlpi_adds, dlpi_subs;
	size_t dlpi_tls_modid;
	void *dlpi_tls_data;
};

/* keel_linked.c (renamed with the kernel's musl): a dynamic TLS module for every thread */
long __musl_keel_tls_add(void *image, size_t len, size_t size, size_t align);

void *keel_libc_dlopen(const char *file, int mode, char *err, size_t errlen);
int keel_libc_dlsym(void *handle, const char *name, const char *version, const void *caller,
		    size_t out[3], char *err, size_t errlen);
int keel_libc_dlclose(void *handle, char *err, size_t errlen);
int keel_libc_dladdr(const void *addr, struct dl_info *info);
int keel_libc_dl_phdr(size_t i, struct dl_phdr_info *info);
void *keel_libc_dl_linkmap(void *handle, char *err, size_t errlen);

static struct lobj klibc_obj = { .path = "libc.so" }; /* the handle of musl's names */

/* Scopes are at most every object and the kernel's libc. */
struct scope {
	struct elf_dso *v[LINKED_MAX_OBJS + 2];
	unsigned n;
};

static const char *base_name(const char *path)
{
	const char *s = strrchr(path, '/');
	return s ? s + 1 : path;
}

static struct lobj *handle_obj(void *h)
{
	if (h == &klibc_obj)
		return h;
	uintptr_t p = (uintptr_t)h, first = (uintptr_t)&L.obj[0];
	if (p < first || p >= (uintptr_t)&L.obj[L.npub] || (p - first) % sizeof(struct lobj))
		return NULL;
	return h;
}

/* The published object whose segments hold @addr, or -1. */
static int obj_at(uint64_t addr)
{
	for (unsigned i = 0; i < L.npub; i++) {
		const struct elf_dso *d = L.obj[i].d;
		for (unsigned k = 0; k < d->nseg; k++)
			if (addr - (d->bias + d->seg[k].vaddr) < d->seg[k].memsz)
				return (int)i;
	}
	return -1;
}

static void add(struct scope *s, struct elf_dso *d)
{
	for (unsigned i = 0; i < s->n; i++)
		if (s->v[i] == d)
			return;
	s->v[s->n++] = d;
}

/* The global objects, in load order. */
static void global_scope(struct scope *s, unsigned limit)
{
	for (unsigned i = 0; i < limit; i++)
		if (L.obj[i].global)
			add(s, L.obj[i].d);
}

/* @root and its dependencies, breadth first (the dlsym order of a handle): indices in @queue. */
static unsigned tree(unsigned root, unsigned queue[LINKED_MAX_OBJS])
{
	unsigned head = 0, tail = 0;
	uint64_t seen = 1ULL << root;

	queue[tail++] = root;
	while (head < tail) {
		const struct lobj *o = &L.obj[queue[head++]];
		for (unsigned j = 0; j < o->ndeps; j++)
			if (!(seen & (1ULL << o->deps[j]))) {
				seen |= 1ULL << o->deps[j];
				queue[tail++] = o->deps[j];
			}
	}
	return tail;
}

static void tree_scope(struct scope *s, unsigned root)
{
	unsigned idx[LINKED_MAX_OBJS], n = tree(root, idx);
	for (unsigned i = 0; i < n; i++)
		add(s, L.obj[idx[i]].d);
}

static int fail(char *err, size_t errlen, int ret, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(err, errlen, fmt, ap);
	va_end(ap);
	return ret;
}

/*
 * The PLT slot through which a call returning to @ret went: a direct call
 * to a PLT entry (`jmp *slot(%rip)`, after endbr64 and a bnd prefix when
 * present) or -fno-plt's `call *slot(%rip)`. Return: the slot, or 0.
 */
static uint64_t plt_slot(uint64_t ret)
{
	const uint8_t *c = (const uint8_t *)ret;
	int32_t rel;

	if (c[-6] == 0xff && c[-5] == 0x15) {
		memcpy(&rel, c - 4, 4);
		return ret + (int64_t)rel;
	}
	if (c[-5] != 0xe8)
		return 0;
	memcpy(&rel, c - 4, 4);
	const uint8_t *p = c + rel;
	if (p[0] == 0xf3 && p[1] == 0x0f && p[2] == 0x1e && p[3] == 0xfa)
		p += 4;
	if (p[0] == 0xf2)
		p++;
	if (p[0] != 0xff || p[1] != 0x25)
		return 0;
	memcpy(&rel, p + 2, 4);
	return (uint64_t)(p + 6) + (int64_t)rel;
}

/*
 * What a PLT slot left unbound by RTLD_LAZY calls: glibc's lazy binder
 * would fail here with "symbol lookup error", and so does this, naming
 * the function when the call's shape shows which slot it went through.
 */
static void lazy_missing(void)
{
	uint64_t slot = plt_slot((uint64_t)__builtin_return_address(0));
	const char *obj = "a dlopened object", *name = "a function missing at dlopen";
	int i = slot ? obj_at(slot) : -1;

	if (i >= 0) {
		const struct elf_dso *d = L.obj[i].d;
		obj = L.obj[i].path;
		for (uint64_t k = 0; k < d->dyn.njmprel; k++)
			if (d->dyn.jmprel[k].r_offset + d->bias == slot) {
				uint32_t sym = ELF64_R_SYM(d->dyn.jmprel[k].r_info);
				name = sym < d->dyn.nsyms ? elf_dso_str(d, d->dyn.symtab[sym].st_name) : name;
			}
	}
	printk("keel: symbol lookup error: %s: undefined symbol: %s (dlopen with RTLD_LAZY)\n",
	       obj, name ? name : "?");
	sys_exit_group(127);
}

/* Load, check, relocate and publish @path's object and what it needs. Return: its index or -1. */
static int load_new(const char *path, int mode, char *err, size_t errlen)
{
	struct elf_missing_sym mv[1];
	struct elf_missing m = { mv, 1, 0 };
	unsigned first = L.n, nklibc, nmod = L.nmod;
	struct elf_err e;
	int root, r;

	if ((root = linked_load_lib(path, err, errlen)) < 0)
		goto undo;
	if ((r = linked_load_needed((unsigned)root, err, errlen)) != 0)
		goto undo;
	static struct scope s; /* under the lock; too big for a program's small stacks */
	s.n = 0;
	global_scope(&s, first);
	tree_scope(&s, (unsigned)root);
	s.n += linked_libc_scope(s.v + s.n);
	/* RTLD_LAZY: a function only called may be missing (relocation decides) */
	if (linked_check_imports(first, s.v, s.n, &m, &nklibc) && !(mode & RTLD_LAZY)) {
		fail(err, errlen, 0, "%s: undefined symbol: %s%s%s", m.v[0].needed_by->name,
		     m.v[0].name, m.v[0].version ? ", version " : "",
		     m.v[0].version ? m.v[0].version : "");
		goto undo;
	}
	for (unsigned i = first; i < L.n; i++) { /* dynamic TLS: ids now, blocks once relocated */
		struct elf_dso *d = L.obj[i].d;
		d->tls_static = false;
		d->tls_offset = 0;
		d->tls_modid = d->tls_align ? ++nmod : 0;
	}
	uint64_t lazy = mode & RTLD_LAZY ? (uint64_t)lazy_missing : 0;
	m.n = 0;
	if ((r = linked_relocate((unsigned)root, s.v, s.n, &m, lazy, &e))) {
		if (r == -ENOENT)
			fail(err, errlen, 0, "%s: undefined symbol: %s", m.v[0].needed_by->name,
			     m.v[0].name);
		else if (e.why && !strncmp(e.why, "initial-exec TLS", 16))
			fail(err, errlen, 0, "%s: cannot allocate memory in static TLS block "
			     "(initial-exec TLS in a dlopened object)", path);
		else
			fail(err, errlen, 0, "%s: %s%s%s", path, e.why, e.sym ? ": " : "",
			     e.sym ? e.sym : "");
		goto undo;
	}
	for (unsigned id = L.nmod + 1; id <= nmod; id++)
		for (unsigned i = first; i < L.n; i++) {
			struct elf_dso *d = L.obj[i].d;
			if (d->tls_modid != id)
				continue;
			long got = __musl_keel_tls_add((void *)(d->bias + d->tls_vaddr), d->tls_filesz,
						       d->tls_memsz, d->tls_align);
			if (got != (long)id) {
				/* modules before it are installed: their ids stay used */
				L.nmod = got > 0 ? (unsigned)got : id - 1;
				fail(err, errlen, 0, "%s: cannot allocate thread-local storage", path);
				goto undo_order;
			}
			L.nmod = id;
		}
	for (unsigned i = first; i < L.n; i++)
		L.obj[i].global = mode & RTLD_GLOBAL;
	linked_publish();
	return root;
undo_order:
	while (L.norder && L.order[L.norder - 1] >= first)
		L.norder--;
undo:
	linked_unmap_from(first);
	return -1;
}

struct dlopen_req {
	const char *file;
	int mode;
	char *err;
	size_t errlen;
	unsigned from;			/* out: linked.order's length before */
};

/*
 * dlopen but the initializers, on the kernel stack (libc_on_kstack).
 * Return: the handle with the lock held, or NULL (the lock released).
 */
static long dlopen_load(long arg, long a2, long a3, long a4, long a5, long a6)
{
	struct dlopen_req *q = (struct dlopen_req *)arg;
	char path[LINKED_PATH_MAX];
	struct lobj *h = NULL;

	(void)a2, (void)a3, (void)a4, (void)a5, (void)a6;
	linked_lock();
	q->from = L.norder;
	int k = linked_find_loaded(q->file, q->file);
	if (k < 0 && linked_find_lib(&L.obj[0], q->file, path))
		k = linked_find_loaded(q->file, path);
	if (k < 0 && (q->mode & RTLD_NOLOAD))
		fail(q->err, q->errlen, 0, "%s: not loaded (RTLD_NOLOAD)", q->file);
	else if (k < 0 && !linked_find_lib(&L.obj[0], q->file, path))
		fail(q->err, q->errlen, 0,
		     "%s: cannot open shared object file: No such file or directory", q->file);
	else if (k < 0)
		k = load_new(path, q->mode, q->err, q->errlen);
	if (k < 0) {
		linked_unlock();
		return 0;
	}
	h = &L.obj[k];
	h->refs++;
	if ((q->mode & RTLD_GLOBAL) && !h->global) { /* promoted, with its dependencies */
		unsigned idx[LINKED_MAX_OBJS], n = tree((unsigned)k, idx);
		for (unsigned i = 0; i < n; i++)
			L.obj[idx[i]].global = true;
	}
	return (long)h;
}

void *keel_libc_dlopen(const char *file, int mode, char *err, size_t errlen)
{
	struct dlopen_req q = { file, mode, err, errlen, 0 };

	if (!L.active) {
		fail(err, errlen, 0, "dlopen: no program in linked mode");
		return NULL;
	}
	if (!file)
		return &L.obj[0];
	if (linked_is_musl_lib(base_name(file)))
		return &klibc_obj;
	struct lobj *h = (struct lobj *)libc_on_kstack(dlopen_load, (long)&q, 0, 0, 0, 0, 0);
	if (h) {
		linked_run_init(q.from); /* program code: on the program's stack, the lock held */
		linked_unlock_kstack();
	}
	return h;
}

struct dlsym_req {
	void *handle;
	const char *name, *version;
	const void *caller;
	size_t *out;
	char *err;
	size_t errlen;
};

static long dlsym_here(long arg, long a2, long a3, long a4, long a5, long a6)
{
	struct dlsym_req *q = (struct dlsym_req *)arg;
	struct scope s = { .n = 0 };
	struct elf_symreq r;
	struct elf_symdef def;
	const char *who;

	(void)a2, (void)a3, (void)a4, (void)a5, (void)a6;
	linked_lock();
	if (q->handle == NULL || q->handle == RTLD_NEXT) {
		global_scope(&s, L.npub);
		who = base_name(proc.exe);
		if (q->handle == RTLD_NEXT) { /* the objects after the caller's */
			int c = obj_at((uint64_t)q->caller);
			unsigned skip = 0;
			while (c >= 0 && skip < s.n && s.v[skip++] != L.obj[c].d)
				;
			memmove(s.v, s.v + skip, (s.n - skip) * sizeof(s.v[0]));
			s.n -= skip;
		}
	} else {
		struct lobj *o = handle_obj(q->handle);
		if (!o) {
			linked_unlock();
			return fail(q->err, q->errlen, -1, "dlsym: invalid handle %p", q->handle);
		}
		who = o->path;
		if (o != &klibc_obj)
			tree_scope(&s, (unsigned)(o - L.obj));
	}
	s.n += linked_libc_scope(s.v + s.n);
	elf_symreq_init(&r, q->name, q->version);
	bool found = elf_sym_lookup(s.v, s.n, &r, NULL, &def);
	linked_unlock();
	if (!found)
		return fail(q->err, q->errlen, -1, "%s: undefined symbol: %s%s%s", who, q->name,
			    q->version ? ", version " : "", q->version ? q->version : "");
	q->out[0] = def.ifunc ? ((uint64_t(*)(void))def.addr)() : def.addr;
	q->out[1] = def.tls ? def.dso->tls_modid : 0;
	q->out[2] = def.tls ? def.sym->st_value : 0;
	return 0;
}

int keel_libc_dlsym(void *handle, const char *name, const char *version, const void *caller,
		    size_t out[3], char *err, size_t errlen)
{
	struct dlsym_req q = { handle, name, version, caller, out, err, errlen };

	if (!L.active)
		return fail(err, errlen, -1, "dlsym: no program in linked mode");
	return (int)libc_on_kstack(dlsym_here, (long)&q, 0, 0, 0, 0, 0);
}

int keel_libc_dlclose(void *handle, char *err, size_t errlen)
{
	struct lobj *o = handle_obj(handle);
	if (!o || (o != &klibc_obj && !o->refs && o != &L.obj[0]))
		return fail(err, errlen, -1, "dlclose: shared object not open");
	if (o->refs)
		o->refs--; /* and it stays loaded */
	return 0;
}

/* The object and nearest symbol at or below @addr; the kernel's libc is named too. */
int keel_libc_dladdr(const void *addr, struct dl_info *info)
{
	uint64_t a = (uint64_t)addr, best = 0;
	int i = obj_at(a);
	struct elf_dso *d = i >= 0 ? L.obj[i].d : NULL;
	struct elf_dso *k = klibc_dso();

	if (!d && k && a - k->seg[0].vaddr < k->seg[0].memsz)
		d = k;
	if (!d)
		return 0;
	*info = (struct dl_info){
		.dli_fname = d == k ? "keel (the kernel's libc)" : i ? L.obj[i].path : proc.exe,
		.dli_fbase = (void *)(d->bias + (d->seg[0].vaddr & ~4095ULL)),
	};
	for (uint32_t n = 1; n < d->dyn.nsyms; n++) {
		const Elf64_Sym *s = &d->dyn.symtab[n];
		uint64_t v = d->bias + s->st_value;
		int type = ELF64_ST_TYPE(s->st_info);
		if (s->st_shndx == SHN_UNDEF || s->st_shndx == SHN_ABS || type == STT_TLS ||
		    type == STT_SECTION || type == STT_FILE || v > a || v < best)
			continue;
		if (s->st_size && a >= v + s->st_size && v != a)
			continue; /* past its end: the address is not in this symbol */
		best = v;
		info->dli_sname = elf_dso_str(d, s->st_name);
		info->dli_saddr = (void *)v;
	}
	return 1;
}

int keel_libc_dl_phdr(size_t i, struct dl_phdr_info *info)
{
	if (!L.active || i >= L.npub)
		return 0;
	const struct lobj *o = &L.obj[i];
	*info = (struct dl_phdr_info){
		.dlpi_addr = o->d->bias, .dlpi_name = i ? o->path : "",
		.dlpi_phdr = (const Elf64_Phdr *)o->phdr, .dlpi_phnum = (uint16_t)o->phnum,
		.dlpi_adds = L.adds, .dlpi_subs = 0, .dlpi_tls_modid = o->d->tls_modid,
	};
	return 1;
}

void *keel_libc_dl_linkmap(void *handle, char *err, size_t errlen)
{
	struct lobj *o = handle_obj(handle);
	if (!o || o == &klibc_obj) {
		fail(err, errlen, 0, "dlinfo: invalid handle %p", handle);
		return NULL;
	}
	return &o->lm;
}
