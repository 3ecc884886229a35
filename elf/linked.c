/*
 * linked.c - linked mode: keel's linker loads a musl program and its
 * libraries and binds their libc imports to the kernel's libc.
 *
 * exec.c has mapped the executable. linked_prepare() then:
 *  1. checks that the program is one the kernel's libc can serve: its
 *     PT_INTERP is musl's dynamic linker (so its libc is musl 1.2.3's ABI);
 *  2. loads its DT_NEEDED libraries breadth first (load.c maps them), each
 *     found through DT_RPATH (of an object without DT_RUNPATH),
 *     LD_LIBRARY_PATH from the program's environment, DT_RUNPATH, both
 *     with $ORIGIN, then the default directories. musl's libc under any
 *     of its names is not loaded: the kernel's libc (klibc.c) stands for
 *     it, last in the lookup scope [executable, libraries in load order,
 *     kernel libc];
 *  3. checks every import (undefined non-weak dynamic symbol) of every
 *     object against that scope, and every COPY relocation: a program
 *     keeping a copy of a writable libc variable (optind, environ) would
 *     read its copy while the kernel's musl writes the original, so that
 *     counts as unresolvable too. Anything missing is listed in full; in
 *     auto mode the libraries are unmapped again and exec.c falls back to
 *     interp mode, in forced linked mode the start fails;
 *  4. lays out static TLS (elf_tls_layout: executable first), relocates
 *     each object after its dependencies (a depth-first post-order of the
 *     DT_NEEDED graph), and makes each PT_GNU_RELRO read-only.
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
 * State: one program per boot, so one static struct, written by the
 * launcher before the program's first thread exists and read-only after.
 */
#include "elf.h"
#include "exec.h"
#include "internal.h"
#include "klib.h"
#include "mm.h"
#include "proc.h"
#include "vfs.h"
#include <asm-generic/errno.h>

#define MAX_OBJS 64
#define MAX_MISSING 64
#define PATH_MAX_ 256

/* musl's dynamic linker, the PT_INTERP of every musl-linked program */
static const char musl_interp[] = "/lib/ld-musl-x86_64.so.1";
/* DT_NEEDED names the kernel's libc satisfies: musl's libc.so and its empty stubs */
static const char *const musl_libs[] = {
	"libc.so", "libc.musl-x86_64.so.1", "ld-musl-x86_64.so.1", "libpthread.so.0",
	"libm.so", "libdl.so", "librt.so", "libpthread.so", "libutil.so", "libxnet.so",
	"libcrypt.so",
};
static const char *const default_dirs[] = {
	"/lib", "/usr/lib", "/lib/x86_64-linux-musl", "/usr/lib/x86_64-linux-musl",
	"/usr/local/musl/lib",
};

struct lobj {
	struct elf_dso *d;
	char *path;			/* kmalloc'd, also d->name */
	uint64_t start, end;		/* the mapped span, to unmap on a fallback */
	unsigned ndeps;
	unsigned deps[32];		/* indices of the DT_NEEDED objects (libc's not counted) */
	bool visited;
};

static struct {
	struct lobj obj[MAX_OBJS];	/* [0]: the executable */
	unsigned n;
	struct elf_dso *scope[MAX_OBJS + 1];
	unsigned order[MAX_OBJS];	/* dependencies first: relocation, init */
	unsigned norder;
	bool active;			/* the hooks below serve a linked program */
	bool fini_done;
} L;

static bool is_musl_lib(const char *name)
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
	char dir[PATH_MAX_];
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
		snprintf(out, PATH_MAX_, "%s/%s", dir, name);
		if (file_exists(out))
			return true;
	}
	return false;
}

/* The path of DT_NEEDED @name, asked for by @req. Return: true and @out, or false. */
static bool find_lib(const struct exec_args *a, const struct lobj *req, const char *name, char *out)
{
	const struct elf_dyn *y = &req->d->dyn;
	const char *ldpath = NULL;

	if (strchr(name, '/')) {
		strlcpy(out, name, PATH_MAX_);
		return file_exists(out);
	}
	for (int i = 0; i < a->envc; i++)
		if (str_starts(a->envp[i], "LD_LIBRARY_PATH="))
			ldpath = a->envp[i] + 16;
	if ((!y->runpath && search_list(y->rpath, req->path, name, out)) ||
	    search_list(ldpath, req->path, name, out) ||
	    search_list(y->runpath, req->path, name, out))
		return true;
	for (unsigned i = 0; i < ARRAY_SIZE(default_dirs); i++) {
		snprintf(out, PATH_MAX_, "%s/%s", default_dirs[i], name);
		if (file_exists(out))
			return true;
	}
	return false;
}

/* An object already loaded under this DT_NEEDED name or path, or -1. */
static int find_loaded(const char *name, const char *path)
{
	for (unsigned i = 1; i < L.n; i++) {
		const char *so = L.obj[i].d->dyn.soname, *base = strrchr(L.obj[i].path, '/');
		if (!strcmp(L.obj[i].path, path ? path : "") || (so && !strcmp(so, name)) ||
		    !strcmp(base ? base + 1 : L.obj[i].path, name))
			return (int)i;
	}
	return -1;
}

static void unmap_libs(void)
{
	for (unsigned i = 1; i < L.n; i++) {
		vm_unmap(L.obj[i].start, L.obj[i].end - L.obj[i].start);
		kfree(L.obj[i].d);
		kfree(L.obj[i].path);
	}
	L.n = 1;
}

/* Load one library. Return: its index, or -errno after a message. */
static int load_lib(const char *path)
{
	struct elf_loaded ld;
	struct elf_err e;
	struct lobj *o = &L.obj[L.n];

	if (L.n == MAX_OBJS) {
		printk("keel: linked mode: more than %d objects\n", MAX_OBJS);
		return -E2BIG;
	}
	*o = (struct lobj){ 0 };
	o->path = kmalloc(strlen(path) + 1);
	o->d = kzalloc(sizeof(*o->d));
	if (!o->path || !o->d) {
		kfree(o->path);
		kfree(o->d);
		return -ENOMEM;
	}
	strlcpy(o->path, path, strlen(path) + 1);
	int err = elf_load_dso(o->path, false, &ld, o->d);
	if (err) {
		kfree(o->path);
		kfree(o->d);
		return err;
	}
	kfree(ld.phdr_copy);
	o->start = ld.start;
	o->end = ld.end;
	L.n++;
	if (!o->d->nseg || ld.type != ET_DYN || (err = elf_dyn_parse(o->d, &e))) {
		printk("keel: %s: cannot be linked: %s\n", path,
		       !o->d->nseg ? "too many PT_LOAD segments" :
		       ld.type != ET_DYN ? "not a shared object" : e.why);
		return -ENOEXEC;
	}
	return (int)(L.n - 1);
}

/* Step 2: the DT_NEEDED closure, breadth first. Return: 0, 1 (a library is missing), -errno. */
static int load_needed(const struct exec_args *a)
{
	char path[PATH_MAX_];
	int missing = 0;

	for (unsigned i = 0; i < L.n; i++) {
		struct lobj *o = &L.obj[i];
		for (unsigned j = 0; j < o->d->dyn.nneeded; j++) {
			const char *name = elf_dyn_needed(o->d, j);
			if (!name || is_musl_lib(name))
				continue;
			int k = find_loaded(name, NULL);
			if (k < 0 && !find_lib(a, o, name, path)) {
				printk("keel: linked mode: library %s (needed by %s) not found\n", name, o->path);
				missing = 1;
				continue;
			}
			if (k < 0 && (k = find_loaded(name, path)) < 0 && (k = load_lib(path)) < 0)
				return k;
			if (o->ndeps < ARRAY_SIZE(o->deps))
				o->deps[o->ndeps++] = (unsigned)k;
		}
	}
	return missing;
}

/* Step 3: every import and COPY must bind. Return: missing count; *nklibc: bound to the kernel. */
static size_t check_imports(struct elf_missing *m, unsigned *nklibc)
{
	struct elf_dso *klibc = L.scope[L.n];
	size_t n = 0;

	*nklibc = 0;
	for (unsigned i = 0; i < L.n; i++) {
		struct elf_dso *d = L.obj[i].d;
		for (uint32_t k = 1; k < d->dyn.nsyms; k++) {
			const Elf64_Sym *s = &d->dyn.symtab[k];
			struct elf_symreq r;
			struct elf_symdef def;
			struct elf_err e;
			if (s->st_shndx != SHN_UNDEF || ELF64_ST_BIND(s->st_info) == STB_LOCAL ||
			    elf_symreq_ref(&r, d, k, &e))
				continue;
			bool found = elf_sym_lookup(L.scope, L.n + 1, &r, NULL, &def);
			if (found && def.dso == klibc)
				(*nklibc)++;
			if (found || ELF64_ST_BIND(s->st_info) == STB_WEAK)
				continue;
			if (n < m->cap)
				m->v[n] = (struct elf_missing_sym){ r.name, r.version, r.file, d };
			n++;
		}
	}
	/* COPY relocations (executables only) of the kernel libc's writable variables */
	const struct elf_dso *x = L.obj[0].d;
	for (uint64_t i = 0; i < x->dyn.nrela; i++) {
		const Elf64_Rela *rel = &x->dyn.rela[i];
		struct elf_symreq r;
		struct elf_symdef def;
		struct elf_err e;
		if (ELF64_R_TYPE(rel->r_info) != R_X86_64_COPY ||
		    elf_symreq_ref(&r, x, ELF64_R_SYM(rel->r_info), &e) ||
		    !elf_sym_lookup(L.scope + 1, L.n, &r, NULL, &def) || !klibc_writable_data(&def))
			continue;
		if (n < m->cap)
			m->v[n] = (struct elf_missing_sym){ r.name, "(a COPY of the kernel libc's variable)",
							    NULL, x };
		n++;
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

/* Step 4: TLS, relocation (dependencies first), RELRO. Return: 0 or -errno after a message. */
static int link_all(struct elf_missing *m)
{
	struct elf_tls_layout tl;
	struct elf_err e;
	int err;

	if ((err = elf_tls_layout(L.scope, L.n, &tl, &e))) {
		printk("keel: linked mode: TLS: %s\n", e.why);
		return err;
	}
	L.norder = 0;
	post_order(0);
	struct elf_reloc_ctx ctx = { L.scope, L.n + 1, run_ifunc, NULL, m };
	for (unsigned k = 0; k < L.norder; k++) {
		struct elf_dso *d = L.obj[L.order[k]].d;
		if ((err = elf_relocate(d, &ctx, &e))) {
			if (err == -ENOENT)
				print_missing(m, "linked mode");
			else
				printk("keel: %s: %s (symbol %s)\n", d->name, e.why, e.sym ? e.sym : "-");
			return err;
		}
	}
	for (unsigned i = 0; i < L.n; i++) {
		struct elf_dso *d = L.obj[i].d;
		uint64_t s = (d->bias + d->relro_vaddr) & PAGE_MASK;
		uint64_t t = (d->bias + d->relro_vaddr + d->relro_size) & PAGE_MASK;
		if (d->relro_size && t > s && (err = vm_protect(s, t - s, PROT_R))) {
			printk("keel: %s: cannot apply RELRO: error %d\n", d->name, -err);
			return err;
		}
	}
	return 0;
}

/* Can linked mode not even try? Return: the reason, or NULL. */
static const char *unsuitable(const struct elf_loaded *prog, const struct elf_dso *exe)
{
	if (!prog->interp[0])
		return "a static program (no PT_INTERP)";
	if (strcmp(prog->interp, musl_interp))
		return "its PT_INTERP is not musl's (the kernel's libc is musl)";
	if (!exe->nseg)
		return "too many PT_LOAD segments";
	return NULL;
}

int linked_prepare(const struct exec_args *a, const struct elf_loaded *prog, struct elf_dso *exe)
{
	struct elf_missing_sym mv[MAX_MISSING];
	struct elf_missing m = { mv, MAX_MISSING, 0 };
	bool forced = a->mode == EXEC_LINKED;
	struct elf_err e;
	unsigned nklibc;
	int err;

	const char *why = unsuitable(prog, exe);
	if (!why && elf_dyn_parse(exe, &e))
		why = e.why;
	if (why) {
		if (forced || !a->quiet)
			printk("keel: %s: %s\n", forced ? "linked mode impossible" : "interp mode", why);
		return forced ? -ENOEXEC : 1;
	}
	L.n = 1;
	L.obj[0] = (struct lobj){ .d = exe, .path = proc.exe };
	L.scope[0] = exe;
	if ((err = load_needed(a)) < 0)
		goto out_unmap;
	for (unsigned i = 0; i < L.n; i++)
		L.scope[i] = L.obj[i].d;
	if (!(L.scope[L.n] = klibc_dso())) {
		err = -ENOMEM;
		goto out_unmap;
	}
	if (err || check_imports(&m, &nklibc)) {
		if (m.n)
			print_missing(&m, forced ? "linked mode failed" : "interp mode, not linked");
		else
			printk("keel: %s: a library is missing\n",
			       forced ? "linked mode failed" : "interp mode, not linked");
		err = forced ? -ENOENT : 1;
		goto out_unmap;
	}
	if ((err = link_all(&m)))
		return err; /* objects half relocated: no fallback from here */
	L.active = true;
	if (!a->quiet)
		printk("keel: linked mode: %u objects, %u symbols bound to the kernel's libc\n", L.n,
		       nklibc);
	return 0;
out_unmap:
	unmap_libs();
	return err;
}

/* ---- called by the kernel's musl (kernel/libc/musl/src/env/keel_linked.c) ---- */

int keel_libc_tls_module(size_t i, void **image, size_t *len, size_t *size, size_t *align,
			 size_t *offset);
void keel_libc_run_init(void);
void keel_libc_run_fini(void);

/* Module @i (from 0, in module-id order) of the static TLS. Return: 1, or 0 past the last. */
int keel_libc_tls_module(size_t i, void **image, size_t *len, size_t *size, size_t *align,
			 size_t *offset)
{
	for (unsigned k = 0; L.active && k < L.n; k++) {
		const struct elf_dso *d = L.scope[k];
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

static void call_array(const uint64_t *v, uint64_t n, bool backwards)
{
	for (uint64_t i = 0; i < n; i++) {
		uint64_t f = v[backwards ? n - 1 - i : i];
		if (f && f != (uint64_t)-1) /* 0 and -1: placeholders some linkers leave */
			((void (*)(void))f)();
	}
}

void keel_libc_run_init(void)
{
	if (!L.active)
		return;
	const struct elf_dyn *x = &L.obj[0].d->dyn;
	call_array(x->preinit_array, x->npreinit_array, false);
	for (unsigned k = 0; k < L.norder; k++) {
		const struct elf_dyn *y = &L.obj[L.order[k]].d->dyn;
		if (y->init)
			((void (*)(void))y->init)();
		call_array(y->init_array, y->ninit_array, false);
	}
}

void keel_libc_run_fini(void)
{
	if (!L.active || L.fini_done)
		return;
	L.fini_done = true;
	for (unsigned k = L.norder; k-- > 0;) {
		const struct elf_dyn *y = &L.obj[L.order[k]].d->dyn;
		call_array(y->fini_array, y->nfini_array, true);
		if (y->fini)
			((void (*)(void))y->fini)();
	}
}
