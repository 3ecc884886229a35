/*
 * linked.c - linked mode: keel's linker loads a program and its libraries
 * and binds their libc imports to the kernel's libc.
 *
 * exec.c has mapped the executable. linked_prepare() then:
 *  1. checks that the program is one the kernel's libc can serve: its
 *     PT_INTERP is musl's dynamic linker (musl 1.2.3's ABI) or glibc's
 *     (whose glibc-only imports come from the compatibility layer,
 *     kernel/libc/musl/src/glibc; what it lacks shows up in step 3);
 *  2. loads its DT_NEEDED libraries breadth first (load.c maps them), each
 *     found through DT_RPATH (of an object without DT_RUNPATH),
 *     LD_LIBRARY_PATH from the program's environment, DT_RUNPATH, both
 *     with $ORIGIN, then the default directories. The C library under any
 *     of musl's or glibc's names is not loaded: the kernel's libc
 *     (klibc.c) stands for it, last in the lookup scope [executable,
 *     libraries in load order, kernel libc];
 *  3. checks every import (undefined non-weak dynamic symbol) of every
 *     object against that scope. Anything missing is listed in full; in
 *     auto mode the libraries are unmapped again and exec.c falls back to
 *     interp mode, in forced linked mode the start fails;
 *  4. lays out static TLS (elf_tls_layout: executable first), relocates
 *     each object after its dependencies (a depth-first post-order of the
 *     DT_NEEDED graph), makes each PT_GNU_RELRO read-only, and points the
 *     kernel's musl at the program's COPY of any libc variable (environ,
 *     optind, stdout ...: klibc_redirect), so both use one instance, and
 *     at the program's own malloc & co. when it brings them (jemalloc).
 * The program then starts at its own entry point on the stack exec.c
 * builds (the real argv, envp and auxv): Scrt1's _start calls
 * __libc_start_main, bound to the kernel's musl, whose __init_libc reads
 * that auxv and calls the keel versions of __init_tls, __libc_start_init
 * and __libc_exit_fini (kernel/libc/musl/src/env/keel_linked.c). They call
 * back here: keel_libc_tls_module hands musl the TLS modules, so the main
 * thread and every pthread_create get the same blocks; keel_libc_run_init
 * runs the executable's DT_PREINIT_ARRAY, then each object's DT_INIT and
 * DT_INIT_ARRAY, dependencies first; keel_libc_run_fini, from exit(),
 * runs DT_FINI_ARRAY (backwards) and DT_FINI in the reverse order.
 *
 * State: one program per boot, so one static struct (linked.h, shared
 * with dlopen in dl.c, which adds objects later under its lock).
 */
#include "elf.h"
#include "exec.h"
#include "internal.h"
#include "klib.h"
#include "libc/libc.h"
#include "linked.h"
#include "mm.h"
#include "proc.h"
#include "vfs.h"
#include <asm-generic/errno.h>

#define MAX_MISSING 64

/* the dynamic linkers of musl and glibc: the PT_INTERPs linked mode accepts */
static const char *const interps[] = { "/lib/ld-musl-x86_64.so.1", "/lib64/ld-linux-x86-64.so.2" };
/*
 * DT_NEEDED names the kernel's libc satisfies: musl's libc.so and its
 * empty stubs, glibc's libc.so.6 and the libraries glibc 2.34 folded into
 * it (or whose functions musl has: libm, libcrypt, libresolv)
 */
static const char *const musl_libs[] = {
	"libc.so", "libc.musl-x86_64.so.1", "ld-musl-x86_64.so.1", "libpthread.so.0",
	"libm.so", "libdl.so", "librt.so", "libpthread.so", "libutil.so", "libxnet.so",
	"libcrypt.so", "libc.so.6", "libm.so.6", "libdl.so.2", "librt.so.1", "libutil.so.1",
	"libanl.so.1", "libresolv.so.2", "libcrypt.so.1", "ld-linux-x86-64.so.2",
};
/* the last places searched: musl's defaults, or glibc's (Debian's multiarch first) */
static const char *const musl_dirs[] = {
	"/lib", "/usr/lib", "/lib/x86_64-linux-musl", "/usr/lib/x86_64-linux-musl",
	"/usr/local/musl/lib",
};
static const char *const glibc_dirs[] = {
	"/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu", "/lib64", "/usr/lib64", "/lib",
	"/usr/lib", "/usr/local/lib",
};

struct linked linked = { .lock = MUTEX_INIT(linked.lock) };
#define L linked

static long lock_here(long a1, long a2, long a3, long a4, long a5, long a6)
{
	(void)a1, (void)a2, (void)a3, (void)a4, (void)a5, (void)a6;
	linked_lock();
	return 0;
}

static long unlock_here(long a1, long a2, long a3, long a4, long a5, long a6)
{
	(void)a1, (void)a2, (void)a3, (void)a4, (void)a5, (void)a6;
	linked_unlock();
	return 0;
}

/* From a program's stack: the mutex's sched_lock must not meet a stack page fault. */
void linked_lock_kstack(void)
{
	libc_on_kstack(lock_here, 0, 0, 0, 0, 0, 0);
}

void linked_unlock_kstack(void)
{
	libc_on_kstack(unlock_here, 0, 0, 0, 0, 0, 0);
}

void linked_lock(void)
{
	struct thread *self = thread_current();
	if (L.owner != self) {
		mutex_lock(&L.lock);
		L.owner = self;
	}
	L.depth++;
}

void linked_unlock(void)
{
	if (--L.depth == 0) {
		L.owner = NULL;
		mutex_unlock(&L.lock);
	}
}

unsigned linked_libc_scope(struct elf_dso **v)
{
	unsigned n = 0;
	if (L.glibc && !(v[n++] = klibc_glibc_dso()))
		return 0;
	if (!(v[n++] = klibc_dso()))
		return 0;
	return n;
}

bool linked_is_musl_lib(const char *name)
{
	for (unsigned i = 0; i < ARRAY_SIZE(musl_libs); i++)
		if (!strcmp(name, musl_libs[i]))
			return true;
	return false;
}

static bool file_exists(const char *path)
{
	struct file *f;
	if (vfs_kopen(path, O_RDONLY, &f))
		return false;
	file_put(f);
	return true;
}

/*
 * Try each directory of the ':'-separated @list for @name, $ORIGIN and
 * ${ORIGIN} standing for the directory of @origin (the requesting object).
 */
static bool search_list(const char *list, const char *origin, const char *name, char *out)
{
	char dir[LINKED_PATH_MAX];
	const char *slash = strrchr(origin, '/');
	size_t olen = slash ? (size_t)(slash - origin) : 1;

	for (const char *p = list; p && *p;) {
		const char *e = strchr(p, ':');
		size_t len = e ? (size_t)(e - p) : strlen(p), k = 0;
		for (size_t i = 0; i < len && k + 1 < sizeof(dir);) {
			const char *tok = !strncmp(p + i, "${ORIGIN}", 9) ? "${ORIGIN}" :
					  !strncmp(p + i, "$ORIGIN", 7) ? "$ORIGIN" : NULL;
			if (tok && i + strlen(tok) <= len) {
				const char *o = slash ? origin : ".";
				for (size_t j = 0; j < olen && k + 1 < sizeof(dir); j++)
					dir[k++] = o[j];
				i += strlen(tok);
			} else {
				dir[k++] = p[i++];
			}
		}
		dir[k] = 0;
		p = e ? e + 1 : NULL;
		if (!k)
			continue;
		snprintf(out, LINKED_PATH_MAX, "%s/%s", dir, name);
		if (file_exists(out))
			return true;
	}
	return false;
}

bool linked_find_lib(const struct lobj *req, const char *name, char *out)
{
	const struct elf_dyn *y = &req->d->dyn;

	if (strchr(name, '/')) {
		strlcpy(out, name, LINKED_PATH_MAX);
		return file_exists(out);
	}
	if ((!y->runpath && search_list(y->rpath, req->path, name, out)) ||
	    search_list(L.ldpath, req->path, name, out) ||
	    search_list(y->runpath, req->path, name, out))
		return true;
	const char *const *dirs = L.glibc ? glibc_dirs : musl_dirs;
	unsigned ndirs = L.glibc ? ARRAY_SIZE(glibc_dirs) : ARRAY_SIZE(musl_dirs);
	for (unsigned i = 0; i < ndirs; i++) {
		snprintf(out, LINKED_PATH_MAX, "%s/%s", dirs[i], name);
		if (file_exists(out))
			return true;
	}
	return false;
}

int linked_find_loaded(const char *name, const char *path)
{
	for (unsigned i = 1; i < L.n; i++) {
		const char *so = L.obj[i].d->dyn.soname, *base = strrchr(L.obj[i].path, '/');
		if (!strcmp(L.obj[i].path, path ? path : "") || (so && !strcmp(so, name)) ||
		    !strcmp(base ? base + 1 : L.obj[i].path, name))
			return (int)i;
	}
	return -1;
}

void linked_unmap_from(unsigned first)
{
	for (unsigned i = first; i < L.n; i++) {
		struct lobj *o = &L.obj[i];
		vm_unmap(o->start, o->end - o->start);
		kfree(o->d);
		kfree(o->path);
		o->d = NULL;
	}
	L.n = first;
}

int linked_load_lib(const char *path, char *why, size_t whylen)
{
	struct elf_loaded ld;
	struct elf_err e;
	struct lobj *o = &L.obj[L.n];

	if (L.n == LINKED_MAX_OBJS) {
		snprintf(why, whylen, "%s: more than %d objects loaded", path, LINKED_MAX_OBJS);
		return -E2BIG;
	}
	*o = (struct lobj){ 0 };
	o->path = kmalloc(strlen(path) + 1);
	o->d = kzalloc(sizeof(*o->d));
	if (!o->path || !o->d) {
		kfree(o->path);
		kfree(o->d);
		snprintf(why, whylen, "%s: out of memory", path);
		return -ENOMEM;
	}
	strlcpy(o->path, path, strlen(path) + 1);
	int err = elf_load_dso(o->path, false, &ld, o->d);
	if (err) {
		kfree(o->path);
		kfree(o->d);
		snprintf(why, whylen, "%s: cannot load shared object file: error %d", path, -err);
		return err;
	}
	o->start = ld.start;
	o->end = ld.end;
	o->phdr = ld.phdr ? ld.phdr : (uint64_t)ld.phdr_copy; /* the copy is kept */
	o->phnum = ld.phnum;
	L.n++;
	if (!o->d->nseg || ld.type != ET_DYN || (err = elf_dyn_parse(o->d, &e))) {
		snprintf(why, whylen, "%s: cannot be linked: %s", path,
			 !o->d->nseg ? "too many PT_LOAD segments" :
			 ld.type != ET_DYN ? "not a shared object" : e.why);
		return -ENOEXEC;
	}
	return (int)(L.n - 1);
}

int linked_load_needed(unsigned first, char *why, size_t whylen)
{
	char path[LINKED_PATH_MAX];
	int missing = 0;

	for (unsigned i = first; i < L.n; i++) {
		struct lobj *o = &L.obj[i];
		for (unsigned j = 0; j < o->d->dyn.nneeded; j++) {
			const char *name = elf_dyn_needed(o->d, j);
			if (!name || linked_is_musl_lib(name))
				continue;
			int k = linked_find_loaded(name, NULL);
			if (k < 0 && !linked_find_lib(o, name, path)) {
				snprintf(why, whylen, "%s: cannot open shared object file: "
					 "No such file or directory (needed by %s)", name, o->path);
				missing = 1;
				continue;
			}
			if (k < 0 && (k = linked_find_loaded(name, path)) < 0 &&
			    (k = linked_load_lib(path, why, whylen)) < 0)
				return k;
			if (o->ndeps < ARRAY_SIZE(o->deps))
				o->deps[o->ndeps++] = (unsigned)k;
		}
	}
	return missing;
}

size_t linked_check_imports(unsigned first, struct elf_dso *const *scope, unsigned nscope,
			    struct elf_missing *m, unsigned *nklibc)
{
	struct elf_dso *klibc = klibc_dso(), *over = klibc_glibc_dso();
	size_t n = 0;

	*nklibc = 0;
	for (unsigned i = first; i < L.n; i++) {
		struct elf_dso *d = L.obj[i].d;
		for (uint32_t k = 1; k < d->dyn.nsyms; k++) {
			const Elf64_Sym *s = &d->dyn.symtab[k];
			struct elf_symreq r;
			struct elf_symdef def;
			struct elf_err e;
			if (s->st_shndx != SHN_UNDEF || ELF64_ST_BIND(s->st_info) == STB_LOCAL ||
			    elf_symreq_ref(&r, d, k, &e))
				continue;
			bool found = elf_sym_lookup(scope, nscope, &r, NULL, &def);
			if (found && (def.dso == klibc || def.dso == over))
				(*nklibc)++;
			if (found || ELF64_ST_BIND(s->st_info) == STB_WEAK)
				continue;
			if (n < m->cap)
				m->v[n] = (struct elf_missing_sym){ r.name, r.version, r.file, d };
			n++;
		}
	}
	m->n = n;
	return n;
}

static void print_missing(const struct elf_missing *m, const char *what)
{
	char buf[160];
	printk("keel: %s: %lu symbols the kernel's libc and the program's libraries do not have:\n",
	       what, m->n);
	for (size_t i = 0; i < MIN(m->n, m->cap); i++) {
		elf_missing_format(&m->v[i], buf, sizeof(buf));
		printk("keel:   %s\n", buf);
	}
	if (m->n > m->cap)
		printk("keel:   ... and %lu more\n", m->n - m->cap);
}

static void post_order(unsigned i)
{
	L.obj[i].visited = true;
	for (unsigned j = 0; j < L.obj[i].ndeps; j++)
		if (!L.obj[L.obj[i].deps[j]].visited)
			post_order(L.obj[i].deps[j]);
	L.order[L.norder++] = i;
}

/* IFUNC resolvers run in place: the program and the kernel share ring 0 and one address space. */
static int run_ifunc(void *arg, const struct elf_dso *d, uint64_t resolver, uint64_t *out)
{
	(void)arg;
	(void)d;
	*out = ((uint64_t(*)(void))resolver)();
	return 0;
}

int linked_relocate(unsigned root, struct elf_dso *const *scope, unsigned nscope,
		    struct elf_missing *m, uint64_t lazy_stub, struct elf_err *e)
{
	unsigned from = L.norder;
	int err;

	post_order(root);
	struct elf_reloc_ctx ctx = { scope, nscope, run_ifunc, NULL, m, lazy_stub };
	for (unsigned k = from; k < L.norder; k++)
		if ((err = elf_relocate(L.obj[L.order[k]].d, &ctx, e)))
			goto fail;
	for (unsigned k = from; k < L.norder; k++) {
		struct elf_dso *d = L.obj[L.order[k]].d;
		uint64_t s = (d->bias + d->relro_vaddr) & PAGE_MASK;
		uint64_t t = (d->bias + d->relro_vaddr + d->relro_size) & PAGE_MASK;
		if (d->relro_size && t > s && (err = vm_protect(s, t - s, PROT_R))) {
			*e = (struct elf_err){ .why = "cannot apply RELRO", .index = ELF_NO_INDEX };
			goto fail;
		}
	}
	return 0;
fail:
	for (unsigned k = from; k < L.norder; k++)
		L.obj[L.order[k]].visited = false;
	L.norder = from;
	return err;
}

static void call_array(const uint64_t *v, uint64_t n, bool backwards)
{
	for (uint64_t i = 0; i < n; i++) {
		uint64_t f = v[backwards ? n - 1 - i : i];
		if (f && f != (uint64_t)-1) /* 0 and -1: placeholders some linkers leave */
			((void (*)(void))f)();
	}
}

void linked_publish(void)
{
	for (unsigned i = L.npub; i < L.n; i++) {
		struct lobj *o = &L.obj[i];
		o->lm = (struct linked_link_map){
			.l_addr = o->d->bias, .l_name = i ? o->path : (char *)"",
			.l_ld = o->d->dyn_size ? (void *)(o->d->bias + o->d->dyn_vaddr) : NULL,
			.l_prev = i ? &L.obj[i - 1].lm : NULL,
		};
		if (i)
			L.obj[i - 1].lm.l_next = &o->lm;
	}
	L.adds += L.n - L.npub;
	__asm__ volatile("" ::: "memory"); /* the objects before the count (one CPU) */
	L.npub = L.n;
}

void linked_run_init(unsigned from)
{
	for (unsigned k = from; k < L.norder; k++) {
		struct lobj *o = &L.obj[L.order[k]];
		if (o->inited)
			continue;
		o->inited = true;
		if (o->d->dyn.init)
			((void (*)(void))o->d->dyn.init)();
		call_array(o->d->dyn.init_array, o->d->dyn.ninit_array, false);
	}
}

/*
 * The executable's COPY relocations of the kernel libc's variables: musl
 * must use the program's copy from now on (klibc_redirect). A variable
 * musl's code never loads through its GOT (stdout: musl's stdio names
 * its FILE directly, and the pointer never changes) has nothing to
 * redirect, and the copy keeps the value it was given.
 */
static void redirect_copies(struct elf_dso *const *scope, unsigned nscope)
{
	const struct elf_dso *x = L.obj[0].d;
	struct elf_dso *klibc = klibc_dso();

	for (uint64_t i = 0; i < x->dyn.nrela; i++) {
		const Elf64_Rela *rel = &x->dyn.rela[i];
		struct elf_symreq r;
		struct elf_symdef def;
		struct elf_err e;
		if (ELF64_R_TYPE(rel->r_info) == R_X86_64_COPY &&
		    !elf_symreq_ref(&r, x, ELF64_R_SYM(rel->r_info), &e) &&
		    elf_sym_lookup(scope + 1, nscope - 1, &r, NULL, &def) && def.dso == klibc)
			klibc_redirect(&def, x->bias + rel->r_offset);
	}
}

/*
 * A program or library that defines its own allocator (redis links
 * jemalloc) interposes it on the libc too, as with a real libc.so: musl's
 * own calls to these (strdup, getline, asprintf, realpath(NULL) allocate;
 * the program frees) go through its GOT (-fno-plt, musl.mk), whose slots
 * are pointed at the program's definitions.
 */
static const char *const allocator[] = {
	"malloc", "free", "calloc", "realloc", "aligned_alloc", "posix_memalign", "memalign",
	"valloc", "pvalloc", "malloc_usable_size",
};

static void interpose_allocator(struct elf_dso *const *scope)
{
	struct elf_dso *klibc = klibc_dso();

	for (unsigned i = 0; i < ARRAY_SIZE(allocator); i++) {
		struct elf_symreq r;
		struct elf_symdef theirs, mine;
		elf_symreq_init(&r, allocator[i], NULL);
		if (!elf_sym_lookup(scope, L.n, &r, NULL, &theirs) || theirs.tls ||
		    !elf_sym_lookup(&klibc, 1, &r, NULL, &mine))
			continue;
		uint64_t to = theirs.addr;
		if (theirs.ifunc)
			run_ifunc(NULL, theirs.dso, theirs.addr, &to);
		klibc_redirect(&mine, to);
	}
}

/* Step 4: TLS, relocation (dependencies first), RELRO. Return: 0 or -errno after a message. */
static int link_all(struct elf_dso *const *scope, unsigned nscope, struct elf_missing *m)
{
	struct elf_tls_layout tl;
	struct elf_err e;
	int err;

	if ((err = elf_tls_layout(scope, L.n, &tl, &e))) {
		printk("keel: linked mode: TLS: %s\n", e.why);
		return err;
	}
	L.nmod = tl.nmod;
	L.norder = 0;
	if ((err = linked_relocate(0, scope, nscope, m, 0, &e))) {
		if (err == -ENOENT)
			print_missing(m, "linked mode");
		else
			printk("keel: linked mode: %s (symbol %s)\n", e.why, e.sym ? e.sym : "-");
		return err;
	}
	redirect_copies(scope, nscope);
	interpose_allocator(scope);
	return 0;
}

/* Can linked mode not even try? Return: the reason, or NULL. */
static const char *unsuitable(const struct elf_loaded *prog, const struct elf_dso *exe)
{
	if (!prog->interp[0])
		return "a static program (no PT_INTERP)";
	bool known = false;
	for (unsigned i = 0; i < ARRAY_SIZE(interps); i++)
		known |= !strcmp(prog->interp, interps[i]);
	if (!known)
		return "its PT_INTERP is neither musl's nor glibc's";
	if (!exe->nseg)
		return "too many PT_LOAD segments";
	return NULL;
}

/* The LD_LIBRARY_PATH of the program's environment, kept for dlopen. */
static void keep_ldpath(const struct exec_args *a)
{
	for (int i = 0; i < a->envc; i++)
		if (str_starts(a->envp[i], "LD_LIBRARY_PATH=")) {
			kfree(L.ldpath);
			size_t len = strlen(a->envp[i] + 16) + 1;
			if ((L.ldpath = kmalloc(len)))
				memcpy(L.ldpath, a->envp[i] + 16, len);
		}
}

int linked_prepare(const struct exec_args *a, const struct elf_loaded *prog, struct elf_dso *exe)
{
	struct elf_missing_sym mv[MAX_MISSING];
	struct elf_missing m = { mv, MAX_MISSING, 0 };
	struct elf_dso *scope[LINKED_MAX_OBJS + 2];
	bool forced = a->mode == EXEC_LINKED;
	char why[LINKED_PATH_MAX + 96];
	struct elf_err e;
	unsigned nklibc;
	int err;

	const char *unfit = unsuitable(prog, exe);
	if (!unfit && elf_dyn_parse(exe, &e))
		unfit = e.why;
	if (unfit) {
		if (forced || !a->quiet)
			printk("keel: %s: %s\n", forced ? "linked mode impossible" : "interp mode", unfit);
		return forced ? -ENOEXEC : 1;
	}
	L.glibc = !strcmp(prog->interp, interps[1]);
	keep_ldpath(a);
	L.n = 1;
	L.obj[0] = (struct lobj){ .d = exe, .path = proc.exe, .phdr = prog->phdr,
				  .phnum = prog->phnum, .global = true, .refs = 1 };
	why[0] = 0;
	if ((err = linked_load_needed(0, why, sizeof(why))) < 0) {
		printk("keel: linked mode: %s\n", why);
		goto out_unmap;
	}
	if (err)
		printk("keel: linked mode: %s\n", why);
	for (unsigned i = 0; i < L.n; i++) {
		L.obj[i].global = true;
		scope[i] = L.obj[i].d;
	}
	unsigned nscope = L.n + linked_libc_scope(scope + L.n);
	if (nscope == L.n) {
		err = -ENOMEM;
		goto out_unmap;
	}
	if (err || linked_check_imports(0, scope, nscope, &m, &nklibc)) {
		if (m.n)
			print_missing(&m, forced ? "linked mode failed" : "interp mode, not linked");
		else
			printk("keel: %s: a library is missing\n",
			       forced ? "linked mode failed" : "interp mode, not linked");
		err = forced ? -ENOENT : 1;
		goto out_unmap;
	}
	if ((err = link_all(scope, nscope, &m)))
		return err; /* objects half relocated: no fallback from here */
	linked_publish();
	L.active = true;
	if (!a->quiet)
		printk("keel: linked mode: %u objects, %u symbols bound to the kernel's libc%s\n", L.n,
		       nklibc, L.glibc ? " (a glibc program)" : "");
	return 0;
out_unmap:
	linked_unmap_from(1);
	return err;
}

/* ---- called by the kernel's musl (kernel/libc/musl/src/env/keel_linked.c) ---- */

int keel_libc_tls_module(size_t i, void **image, size_t *len, size_t *size, size_t *align,
			 size_t *offset);
int keel_libc_gap(size_t i, uintptr_t *start, uintptr_t *end);
void keel_libc_run_init(void);
void keel_libc_run_fini(void);

/* Module @i (from 0, in module-id order) of the static TLS. Return: 1, or 0 past the last. */
int keel_libc_tls_module(size_t i, void **image, size_t *len, size_t *size, size_t *align,
			 size_t *offset)
{
	for (unsigned k = 0; L.active && k < L.n; k++) {
		const struct elf_dso *d = L.obj[k].d;
		if (!d->tls_static || d->tls_modid != i + 1)
			continue;
		*image = (void *)(d->bias + d->tls_vaddr);
		*len = d->tls_filesz;
		*size = d->tls_memsz;
		*align = d->tls_align ? d->tls_align : 1;
		*offset = (size_t)-d->tls_offset;
		return 1;
	}
	return 0;
}

/*
 * Gap @i: the rest of the last page of an initial object's writable
 * segment, past its end (p_memsz), which the mapping holds anyway. musl's
 * dynamic linker gives these to malloc (__malloc_donate), and so does
 * keel_linked.c: small allocations then start in memory that is never
 * unmapped, as in interp mode, instead of one page mapped and unmapped
 * again and again by a program that allocates and frees one block.
 * Return: 1 with [*start, *end) (maybe empty), or 0 past the last.
 */
int keel_libc_gap(size_t i, uintptr_t *start, uintptr_t *end)
{
	for (unsigned k = 0; L.active && k < L.npub; k++) {
		const struct elf_dso *d = L.obj[k].d;
		for (unsigned j = 0; j < d->nseg; j++) {
			const struct elf_seg *g = &d->seg[j];
			if ((g->flags & (PF_R | PF_W)) != (PF_R | PF_W) || i--)
				continue;
			*start = d->bias + g->vaddr + g->memsz;
			*end = ALIGN_UP(*start, PAGE_SIZE);
			return 1;
		}
	}
	return 0;
}

/* The executable's DT_PREINIT_ARRAY, then every object's initializers, dependencies first. */
void keel_libc_run_init(void)
{
	if (!L.active)
		return;
	const struct elf_dyn *x = &L.obj[0].d->dyn;
	call_array(x->preinit_array, x->npreinit_array, false);
	linked_lock_kstack();
	linked_run_init(0);
	linked_unlock_kstack();
}

/* From exit(): every initialised object's finalizers, in the reverse order (dlopen'd ones too). */
void keel_libc_run_fini(void)
{
	if (!L.active || L.fini_done)
		return;
	L.fini_done = true;
	for (unsigned k = L.norder; k-- > 0;) {
		const struct lobj *o = &L.obj[L.order[k]];
		if (!o->inited)
			continue;
		call_array(o->d->dyn.fini_array, o->d->dyn.nfini_array, true);
		if (o->d->dyn.fini)
			((void (*)(void))o->d->dyn.fini)();
	}
}
