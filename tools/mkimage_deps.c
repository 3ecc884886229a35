/*
 * tools/mkimage_deps.c - find a program's ELF interpreter and shared
 * libraries, transitively, and add them to the image.
 *
 * Like ldd, but by reading the files with libelf and without running
 * anything; the search order per libc is described at the top of
 * mkimage.c. What is read is what the dynamic linker reads: PT_INTERP and,
 * through PT_DYNAMIC (not the section headers, which strip may remove),
 * DT_NEEDED, DT_SONAME, DT_RPATH and DT_RUNPATH. Objects are visited
 * breadth-first, the dynamic linker's own load order, and a name already
 * satisfied (by file name or DT_SONAME) is not looked for again, so libc's
 * DT_NEEDED on ld-linux-x86-64.so.2 is the interpreter itself.
 *
 * Called by mkimage.c; adds entries through mkimage_tree.c.
 */
#define _GNU_SOURCE
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <gelf.h>
#include <glob.h>
#include <libelf.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "mkimage.h"

/* ---- reading ELF files ------------------------------------------------ */

struct elfinfo {
	bool ok;		/* a 64-bit little-endian x86-64 ELF file */
	char *interp, *soname, *rpath, *runpath;
	struct strlist needed;
};

/* File offset of a virtual address, through the PT_LOADs. */
static bool vaddr_to_off(Elf *e, size_t phnum, uint64_t vaddr, uint64_t *off)
{
	for (size_t i = 0; i < phnum; i++) {
		GElf_Phdr p;
		if (gelf_getphdr(e, i, &p) && p.p_type == PT_LOAD && vaddr >= p.p_vaddr &&
		    vaddr - p.p_vaddr < p.p_filesz) {
			*off = p.p_offset + (vaddr - p.p_vaddr);
			return true;
		}
	}
	return false;
}

static char *strtab_get(Elf_Data *str, uint64_t idx, const char *file)
{
	if (!str || idx >= str->d_size || !memchr((char *)str->d_buf + idx, 0, str->d_size - idx))
		die("%s: bad string in the dynamic section", file);
	return xstrdup((char *)str->d_buf + idx);
}

/*
 * Read what the dynamic linker reads: PT_INTERP and, through PT_DYNAMIC (not
 * the section headers, which strip may remove), DT_NEEDED, DT_SONAME,
 * DT_RPATH and DT_RUNPATH.
 * Return: 0 with ei->ok false for a file that is not ours (not ELF, other
 * class or machine), 0 with ei->ok true, or -errno if it cannot be opened.
 * A broken ELF file of our kind is fatal.
 */
static int read_elf(const char *file, struct elfinfo *ei)
{
	memset(ei, 0, sizeof(*ei));
	int fd = open(file, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	Elf *e = elf_begin(fd, ELF_C_READ_MMAP, NULL);
	GElf_Ehdr eh;
	size_t phnum;

	if (!e || elf_kind(e) != ELF_K_ELF || !gelf_getehdr(e, &eh) ||
	    eh.e_ident[EI_CLASS] != ELFCLASS64 || eh.e_ident[EI_DATA] != ELFDATA2LSB ||
	    eh.e_machine != EM_X86_64)
		goto out;
	if (elf_getphdrnum(e, &phnum))
		die("%s: %s", file, elf_errmsg(-1));
	ei->ok = true;

	GElf_Phdr dyn = { 0 };
	for (size_t i = 0; i < phnum; i++) {
		GElf_Phdr p;
		if (!gelf_getphdr(e, i, &p))
			die("%s: %s", file, elf_errmsg(-1));
		if (p.p_type == PT_INTERP) {
			Elf_Data *d = elf_getdata_rawchunk(e, p.p_offset, p.p_filesz, ELF_T_BYTE);
			if (!d || !d->d_size || ((char *)d->d_buf)[d->d_size - 1])
				die("%s: bad PT_INTERP", file);
			ei->interp = xstrdup(d->d_buf);
		} else if (p.p_type == PT_DYNAMIC) {
			dyn = p;
		}
	}
	if (dyn.p_type != PT_DYNAMIC)
		goto out;

	Elf_Data *d = elf_getdata_rawchunk(e, dyn.p_offset, dyn.p_filesz, ELF_T_DYN);
	if (!d)
		die("%s: bad PT_DYNAMIC: %s", file, elf_errmsg(-1));
	uint64_t strtab = 0, strsz = 0, rpath = UINT64_MAX, runpath = UINT64_MAX;
	uint64_t soname = UINT64_MAX;
	size_t n = dyn.p_filesz / sizeof(Elf64_Dyn), nneeded = 0;
	uint64_t *needed = xmalloc(n * sizeof(*needed)); /* string offsets, in order */
	for (size_t i = 0; i < n; i++) {
		GElf_Dyn dy;
		if (!gelf_getdyn(d, i, &dy) || dy.d_tag == DT_NULL)
			break;
		switch (dy.d_tag) {
		case DT_NEEDED: needed[nneeded++] = dy.d_un.d_val; break;
		case DT_STRTAB: strtab = dy.d_un.d_ptr; break;
		case DT_STRSZ: strsz = dy.d_un.d_val; break;
		case DT_RPATH: rpath = dy.d_un.d_val; break;
		case DT_RUNPATH: runpath = dy.d_un.d_val; break;
		case DT_SONAME: soname = dy.d_un.d_val; break;
		}
	}
	Elf_Data *str = NULL;
	uint64_t stroff;
	if (strtab && vaddr_to_off(e, phnum, strtab, &stroff))
		str = elf_getdata_rawchunk(e, stroff, strsz, ELF_T_BYTE);
	for (size_t i = 0; i < nneeded; i++) {
		char *s = strtab_get(str, needed[i], file);
		sl_add(&ei->needed, s);
		free(s);
	}
	free(needed);
	if (rpath != UINT64_MAX)
		ei->rpath = strtab_get(str, rpath, file);
	if (runpath != UINT64_MAX)
		ei->runpath = strtab_get(str, runpath, file);
	if (soname != UINT64_MAX)
		ei->soname = strtab_get(str, soname, file);
out:
	if (e)
		elf_end(e);
	close(fd);
	return 0;
}

/* ---- finding libraries ------------------------------------------------ */

struct obj {
	char *path;		/* image path, as the dynamic linker opens it */
	char *origin;		/* $ORIGIN */
	struct elfinfo ei;
	struct obj *loader;	/* the object whose DT_NEEDED brought it in */
};

static struct obj **objs;
static size_t nobjs;
static struct strlist found_names;	/* names (DT_NEEDED, DT_SONAME) already satisfied */
static struct strlist ldso_conf_dirs;	/* from /etc/ld.so.conf */
static struct strlist musl_sys_dirs;	/* musl's run-time default search path */
static bool musl_has_pathfile;
static struct strlist env_libpath;	/* LD_LIBRARY_PATH given with --env */
static struct strlist sys_lib_dirs;	/* system folders that supplied a library */
static const char *lib_token = "lib/x86_64-linux-gnu";
static bool is_musl;
static struct obj *interp_obj;
static size_t nlibs;

static const char *const glibc_dirs[] = {
	"/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu", "/lib64", "/usr/lib64", "/lib",
	"/usr/lib",
};
/* What Debian's ld.so searches without ld.so.cache (ld.so --help). */
static const char *const glibc_runtime_dirs[] = {
	"/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu", "/lib", "/usr/lib",
};
static const char *const musl_first_dirs[] = { "/usr/lib/musl/lib", "/usr/local/musl/lib" };
static const char *const musl_default_dirs[] = { "/lib", "/usr/local/lib", "/usr/lib" };

static void parse_ld_conf(const char *path, int depth)
{
	char *h = hostp(sysroot, path);
	FILE *f = fopen(h, "r");
	char *line = NULL;
	size_t cap = 0;

	free(h);
	if (!f)
		return;
	if (depth > 8)
		die("%s: include nesting too deep", path);
	while (getline(&line, &cap, f) > 0) {
		char *s = line, *hash = strchr(line, '#');
		if (hash)
			*hash = 0;
		s += strspn(s, " \t\r\n");
		s[strcspn(s, "\r\n")] = 0;
		for (char *end = s + strlen(s); end > s && (end[-1] == ' ' || end[-1] == '\t');)
			*--end = 0;
		if (!*s)
			continue;
		if (strncmp(s, "include", 7) == 0 && (s[7] == ' ' || s[7] == '\t')) {
			char *pat = s + 7 + strspn(s + 7, " \t");
			/* ldconfig: a relative pattern is relative to this file's folder. */
			char *dir = path_dir(path);
			char *full = pat[0] == '/' ? xstrdup(pat) : path_join(dir, pat);
			char *hpat = hostp(sysroot, full);
			glob_t g;
			if (glob(hpat, 0, NULL, &g) == 0) {
				for (size_t i = 0; i < g.gl_pathc; i++)
					parse_ld_conf(g.gl_pathv[i] + strlen(sysroot), depth + 1);
				globfree(&g);
			}
			free(dir), free(full), free(hpat);
		} else if (strncmp(s, "hwcap", 5) == 0 && (s[5] == ' ' || s[5] == '\t')) {
			continue;
		} else if (s[0] == '/') {
			char *c = clean_path(s);
			sl_add_unique(&ldso_conf_dirs, c);
			free(c);
		}
	}
	free(line);
	fclose(f);
}

void deps_load_config(void)
{
	char *h = hostp(sysroot, "/lib/x86_64-linux-gnu"), *h2 = hostp(sysroot,
									"/usr/lib/x86_64-linux-gnu");
	struct stat st;
	if (stat(h, &st) && stat(h2, &st))
		lib_token = "lib64";
	free(h), free(h2);

	parse_ld_conf("/etc/ld.so.conf", 0);

	h = hostp(sysroot, "/etc/ld-musl-x86_64.path");
	FILE *f = fopen(h, "r");
	free(h);
	if (f) {
		char buf[4096];
		size_t n = fread(buf, 1, sizeof(buf) - 1, f);
		buf[n] = 0;
		fclose(f);
		split_dirs(buf, ":\n", &musl_sys_dirs);
		musl_has_pathfile = true;
	} else {
		for (size_t i = 0; i < NELEM(musl_default_dirs); i++)
			sl_add(&musl_sys_dirs, musl_default_dirs[i]);
	}
}

/* Expand $ORIGIN, $LIB, $PLATFORM (also as ${...}) in one rpath entry. */
static char *expand_tokens(const char *s, const struct obj *o)
{
	static const char *const names[] = { "ORIGIN", "LIB", "PLATFORM" };
	const char *values[] = { o->origin, lib_token, "x86_64" };
	size_t cap = strlen(s) + 1, len = 0;
	char *out = xmalloc(cap);

	while (*s) {
		const char *val = NULL;
		size_t skip = 0;
		if (*s == '$') {
			for (size_t i = 0; i < NELEM(names); i++) {
				size_t n = strlen(names[i]);
				if (strncmp(s + 1, names[i], n) == 0 && !isalnum((unsigned char)s[1 + n]) &&
				    s[1 + n] != '_')
					val = values[i], skip = 1 + n;
				else if (s[1] == '{' && strncmp(s + 2, names[i], n) == 0 && s[2 + n] == '}')
					val = values[i], skip = 3 + n;
				if (val)
					break;
			}
		}
		const char *piece = val ? val : s;
		size_t plen = val ? strlen(val) : 1;
		if (len + plen + 1 > cap) {
			cap = 2 * (len + plen + 1);
			out = xrealloc(out, cap);
		}
		memcpy(out + len, piece, plen);
		len += plen;
		s += val ? skip : 1;
	}
	out[len] = 0;
	return out;
}

static void add_rpath(struct strlist *dirs, const char *list, const struct obj *o)
{
	char *copy = xstrdup(list);
	for (char *save, *t = strtok_r(copy, ":", &save); t; t = strtok_r(NULL, ":", &save)) {
		char *x = expand_tokens(t, o);
		if (x[0] == '/') { /* relative entries mean the process's cwd: skip them */
			char *c = clean_path(x);
			sl_add_unique(dirs, c);
			free(c);
		}
		free(x);
	}
	free(copy);
}

/* musl's dynamic linker is its libc: these names need no file (ldso/dynlink.c's rule). */
static bool musl_builtin(const char *name)
{
	static const char *const libs[] = { "c", "pthread", "rt", "m", "dl", "util", "xnet" };
	if (strncmp(name, "lib", 3))
		return false;
	for (size_t i = 0; i < NELEM(libs); i++) {
		size_t n = strlen(libs[i]);
		if (strncmp(name + 3, libs[i], n) == 0 && name[3 + n] == '.')
			return true;
	}
	return false;
}

static void remember_names(const struct obj *o)
{
	sl_add_unique(&found_names, path_base(o->path));
	if (o->ei.soname)
		sl_add_unique(&found_names, o->ei.soname);
}

static struct obj *new_obj(const char *path, const char *origin, struct obj *loader)
{
	struct obj *o = calloc(1, sizeof(*o));
	if (!o)
		die("out of memory");
	o->path = xstrdup(path);
	o->origin = xstrdup(origin);
	o->loader = loader;
	objs = xrealloc(objs, (nobjs + 1) * sizeof(*objs));
	objs[nobjs++] = o;
	return o;
}

/* Add a host path (under --root) at its own image path; it must exist. */
static void must_add(const char *path)
{
	int err = add_same(sysroot, path);
	if (err)
		die("%s%s: %s", sysroot, path, strerror(-err));
}

/* Is there a usable library (64-bit x86-64 ELF) at path? Fills ei if so. */
static bool usable_lib(const char *path, struct elfinfo *ei)
{
	char *canon = resolve(sysroot, path, true, false);
	if (!canon)
		return false;
	char *h = hostp(sysroot, canon);
	struct stat st;
	bool ok = stat(h, &st) == 0 && S_ISREG(st.st_mode) && read_elf(h, ei) == 0 && ei->ok;
	free(h), free(canon);
	return ok;
}

/* Check a file with keel's own ELF rules; fatal for the program and its interpreter. */
static void keel_check(const char *path, bool fatal)
{
	char *canon = resolve(sysroot, path, true, false);
	char *h = hostp(sysroot, canon ? canon : path);
	const char *why = mkimage_elf_check(h);
	if (why && fatal)
		die("%s: keel cannot run this file: %s", h, why);
	if (why)
		warn("%s: keel's loader would refuse this file: %s", h, why);
	free(h), free(canon);
}

/* Find DT_NEEDED name for object o, add it to the image, queue it. */
static void find_lib(const char *name, struct obj *o)
{
	struct strlist dirs = { 0 };
	size_t sys_start;
	struct elfinfo ei;

	if (strchr(name, '/')) { /* a path: opened as is (the process's cwd is /) */
		char *p = name[0] == '/' ? clean_path(name) : xasprintf("/%s", name);
		if (!usable_lib(p, &ei))
			die("%s (needed by %s) not found", name, o->path);
		must_add(p);
		char *dir = path_dir(p);
		struct obj *n = new_obj(p, dir, o);
		n->ei = ei;
		remember_names(n);
		sl_add_unique(&found_names, name);
		nlibs++;
		free(p), free(dir);
		return;
	}
	if (is_musl) {
		for (size_t i = 0; i < env_libpath.n; i++)
			sl_add_unique(&dirs, env_libpath.v[i]);
		for (struct obj *p = o; p; p = p->loader) {
			const char *rp = p->ei.runpath ? p->ei.runpath : p->ei.rpath;
			if (rp)
				add_rpath(&dirs, rp, p);
		}
		sys_start = dirs.n;
		for (size_t i = 0; i < NELEM(musl_first_dirs); i++)
			sl_add_unique(&dirs, musl_first_dirs[i]);
		for (size_t i = 0; i < musl_sys_dirs.n; i++)
			sl_add_unique(&dirs, musl_sys_dirs.v[i]);
	} else {
		/* glibc: DT_RUNPATH of the requester disables every DT_RPATH. */
		if (!o->ei.runpath)
			for (struct obj *p = o; p; p = p->loader)
				if (!p->ei.runpath && p->ei.rpath)
					add_rpath(&dirs, p->ei.rpath, p);
		for (size_t i = 0; i < env_libpath.n; i++)
			sl_add_unique(&dirs, env_libpath.v[i]);
		if (o->ei.runpath)
			add_rpath(&dirs, o->ei.runpath, o);
		sys_start = dirs.n;
		for (size_t i = 0; i < ldso_conf_dirs.n; i++)
			sl_add_unique(&dirs, ldso_conf_dirs.v[i]);
		for (size_t i = 0; i < NELEM(glibc_dirs); i++)
			sl_add_unique(&dirs, glibc_dirs[i]);
	}

	for (size_t i = 0; i < dirs.n; i++) {
		char *cand = path_join(dirs.v[i], name);
		if (usable_lib(cand, &ei)) {
			must_add(cand);
			keel_check(cand, false);
			struct obj *n = new_obj(cand, dirs.v[i], o);
			n->ei = ei;
			remember_names(n);
			sl_add_unique(&found_names, name);
			if (i >= sys_start)
				sl_add_unique(&sys_lib_dirs, dirs.v[i]);
			nlibs++;
			free(cand);
			goto out;
		}
		free(cand);
	}

	size_t len = 1;
	for (size_t i = 0; i < dirs.n; i++)
		len += strlen(dirs.v[i]) + 1;
	char *list = xmalloc(len), *p = list;
	for (size_t i = 0; i < dirs.n; i++)
		p += sprintf(p, "%s%s", i ? " " : "", dirs.v[i]);
	*p = 0;
	die("%s (needed by %s) not found in: %s", name, o->path, list);
out:
	for (size_t i = 0; i < dirs.n; i++)
		free(dirs.v[i]);
	free(dirs.v);
}

/*
 * The run-time linker inside the image must find each library where this
 * search found it. sys_lib_dirs holds the system directories that supplied
 * one; for those it does not search by default, add the file that tells it.
 */
static void runtime_search_files(void)
{
	struct strlist uncovered = { 0 };

	if (!is_musl) {
		for (size_t i = 0; i < sys_lib_dirs.n; i++) {
			bool known = false;
			for (size_t j = 0; j < NELEM(glibc_runtime_dirs); j++)
				known = known || strcmp(sys_lib_dirs.v[i], glibc_runtime_dirs[j]) == 0;
			if (!known)
				sl_add_unique(&uncovered, sys_lib_dirs.v[i]);
		}
		if (!uncovered.n)
			return;
		/* glibc finds them through its cache, which maps names to host paths: ours. */
		if (add_same(sysroot, "/etc/ld.so.cache"))
			warn("ld.so will not find the libraries in %s%s (no /etc/ld.so.cache); "
			     "consider --env LD_LIBRARY_PATH=...",
			     uncovered.v[0], uncovered.n > 1 ? " and others" : "");
		return;
	}
	/* musl searches its path file's folders if it has one, else its default. */
	if (!sys_lib_dirs.n)
		return;
	for (size_t i = 0; i < sys_lib_dirs.n; i++)
		if (!sl_has(&musl_sys_dirs, sys_lib_dirs.v[i]))
			sl_add_unique(&uncovered, sys_lib_dirs.v[i]);
	if (!uncovered.n) {
		if (musl_has_pathfile)
			must_add("/etc/ld-musl-x86_64.path");
		return;
	}
	size_t len = 1;
	for (size_t i = 0; i < musl_sys_dirs.n; i++)
		len += strlen(musl_sys_dirs.v[i]) + 1;
	for (size_t i = 0; i < uncovered.n; i++)
		len += strlen(uncovered.v[i]) + 1;
	char *text = xmalloc(len), *p = text;
	for (size_t i = 0; i < musl_sys_dirs.n; i++)
		p += sprintf(p, "%s\n", musl_sys_dirs.v[i]);
	for (size_t i = 0; i < uncovered.n; i++)
		p += sprintf(p, "%s\n", uncovered.v[i]);
	*p = 0;
	put("/etc/ld-musl-x86_64.path", K_DATA, 0644, strlen(text), 0, NULL, text);
	printf("mkimage: generated /etc/ld-musl-x86_64.path so that musl's ld.so searches %s\n",
	       uncovered.v[0]);
	free(text);
}

/* The program, its interpreter and every library, transitively. */
void deps_add_program(const char *binary)
{
	struct elfinfo ei;

	char *canon = resolve(sysroot, binary, true, false);
	if (!canon)
		die("%s%s: %s", sysroot, binary, strerror(errno));
	char *h = hostp(sysroot, canon);
	int err = read_elf(h, &ei);
	if (err)
		die("%s: %s", h, strerror(-err));
	if (!ei.ok)
		die("%s: not a 64-bit x86-64 ELF file", h);
	keel_check(binary, true);
	must_add(binary);
	char *origin = path_dir(canon); /* as /proc/self/exe: the real path */
	struct obj *exe = new_obj(binary, origin, NULL);
	exe->ei = ei;
	free(origin), free(h), free(canon);

	if (ei.interp) {
		struct elfinfo iei;
		char *ip = clean_path(ei.interp);
		if (!usable_lib(ip, &iei))
			die("%s (the ELF interpreter of %s) not found or not x86-64", ip, binary);
		keel_check(ip, true);
		must_add(ip);
		is_musl = strncmp(path_base(ip), "ld-musl-", 8) == 0;
		char *dir = path_dir(ip);
		interp_obj = new_obj(ip, dir, NULL);
		interp_obj->ei = iei;
		remember_names(interp_obj);
		free(dir), free(ip);
	}
	/* Breadth-first, like the dynamic linker's own load order. */
	for (size_t i = 0; i < nobjs; i++) {
		struct obj *o = objs[i];
		for (size_t j = 0; j < o->ei.needed.n; j++) {
			const char *name = o->ei.needed.v[j];
			if (sl_has(&found_names, name))
				continue;
			if (is_musl && musl_builtin(name))
				continue;
			find_lib(name, o);
		}
	}
	runtime_search_files();
}

/* LD_LIBRARY_PATH given with --env: the run-time linker will search it, so do we. */
void deps_add_libpath(const char *list)
{
	split_dirs(list, ":;", &env_libpath);
}

const char *deps_interp(void)
{
	return interp_obj ? interp_obj->path : NULL;
}

size_t deps_nlibs(void)
{
	return nlibs;
}
