/*
 * tools/mkimage_tree.c - the image's entries, and copying host paths and
 * trees into them with every symlink on the way.
 *
 * An entry is a folder, a file (copied from the host when the archive is
 * written), a symlink, or a file whose contents mkimage made. Entries are
 * keyed by image path in a hash table; adding a path twice is fine when
 * both say the same thing (libraries are reached along several paths) and
 * fatal otherwise. Every entry gets its parent folders.
 *
 * Host paths are walked component by component with lstat/readlink, as the
 * kernel walks them, rather than with realpath(3): each symlink met becomes
 * an entry at its own path (so /lib64/ld-linux-x86-64.so.2, /lib -> usr/lib
 * and libfoo.so.1 -> libfoo.so.1.2.3 resolve in the image as on the host),
 * and the walk can be confined to a --root sysroot, where absolute targets
 * are taken inside the root.
 *
 * Called by mkimage.c (--add), mkimage_deps.c (the program and libraries).
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "mkimage.h"

/* ---- the image's entries ---------------------------------------------- */

static const char *const kind_name[] = { "directory", "file", "symlink", "file" };

struct entry *ents;
size_t nents;
static size_t cap_ents;
static size_t *htab; /* open addressing, entry index + 1, 0 = empty */
static size_t hcap;
bool keep_mtime;

static size_t hash_str(const char *s)
{
	size_t h = 14695981039346656037ULL;
	while (*s)
		h = (h ^ (unsigned char)*s++) * 1099511628211ULL;
	return h;
}

static struct entry *lookup(const char *path)
{
	if (!hcap)
		return NULL;
	for (size_t i = hash_str(path) & (hcap - 1);; i = (i + 1) & (hcap - 1)) {
		if (!htab[i])
			return NULL;
		if (strcmp(ents[htab[i] - 1].path, path) == 0)
			return &ents[htab[i] - 1];
	}
}

static void hash_insert(size_t idx)
{
	size_t i = hash_str(ents[idx].path) & (hcap - 1);
	while (htab[i])
		i = (i + 1) & (hcap - 1);
	htab[i] = idx + 1;
}

static struct entry *insert(const struct entry *e)
{
	if (2 * (nents + 1) > hcap) {
		free(htab);
		hcap = hcap ? 2 * hcap : 1024;
		htab = calloc(hcap, sizeof(*htab));
		if (!htab)
			die("out of memory");
		for (size_t i = 0; i < nents; i++)
			hash_insert(i);
	}
	if (nents == cap_ents) {
		cap_ents = cap_ents ? 2 * cap_ents : 256;
		ents = xrealloc(ents, cap_ents * sizeof(*ents));
	}
	ents[nents] = *e;
	hash_insert(nents);
	return &ents[nents++];
}

/* Directory entries for every proper prefix of path. */
static void put_parents(const char *path)
{
	char *p = xstrdup(path);
	for (char *s = strchr(p + 1, '/'); s; s = strchr(s + 1, '/')) {
		*s = 0;
		struct entry *e = lookup(p);
		if (!e)
			put(p, K_DIR, 0755, 0, 0, NULL, NULL);
		else if (e->kind != K_DIR)
			die("%s is a %s in the image, so it cannot hold %s", p, kind_name[e->kind],
			    path);
		*s = '/';
	}
	free(p);
}

/*
 * Add one entry. The same path twice is fine if both say the same thing
 * (libraries are reached along several paths); anything else is a conflict
 * the user must resolve.
 */
void put(const char *path, enum kind kind, unsigned mode, uint64_t size, int64_t mtime,
	 const char *src, const char *data)
{
	if (strcmp(path, "/") == 0)
		return;
	put_parents(path);
	struct entry *e = lookup(path);
	if (e) {
		if (e->kind != kind)
			die("%s is both a %s and a %s in the image", path, kind_name[e->kind],
			    kind_name[kind]);
		if (kind == K_FILE && strcmp(e->src, src))
			die("%s is added twice, from %s and from %s", path, e->src, src);
		if (kind == K_LINK && strcmp(e->data, data))
			die("%s is a symlink to both %s and %s", path, e->data, data);
		if (kind == K_DATA) {
			e->data = xstrdup(data);
			e->size = size;
		}
		return;
	}
	/*
	 * Folders are 0755 with time 0 however they were reached (as a parent
	 * or copied from the host), so their entry never depends on the order
	 * things were added in.
	 */
	struct entry n = {
		.path = xstrdup(path),
		.kind = kind,
		.mode = kind == K_DIR ? 0755 : mode & 07777,
		.size = size,
		.mtime = keep_mtime && kind != K_DIR ? mtime : 0,
		.src = src ? xstrdup(src) : NULL,
		.data = data ? xstrdup(data) : NULL,
	};
	insert(&n);
}

/* ---- the host tree ---------------------------------------------------- */

/*
 * Host files are named by a root and a path inside it: root "" is the host
 * itself, --root DIR a sysroot. Absolute symlink targets are taken inside
 * the root, as the program will see them inside the image.
 */
const char *sysroot = "";

char *hostp(const char *root, const char *path)
{
	return xasprintf("%s%s", root, path);
}

static char *read_link(const char *hpath)
{
	struct stat st;
	size_t cap = 256;
	for (;;) {
		char *buf = xmalloc(cap);
		ssize_t n = readlink(hpath, buf, cap);
		if (n < 0)
			die("readlink %s: %s", hpath, strerror(errno));
		if ((size_t)n < cap) {
			buf[n] = 0;
			return buf;
		}
		free(buf);
		if (lstat(hpath, &st) == 0 && (size_t)st.st_size >= cap)
			cap = st.st_size + 1;
		else
			cap *= 2;
	}
}

/*
 * Walk path under root component by component, following symlinks as the
 * kernel would (the last one only if follow_last). If record, every symlink
 * met is put in the image at its own path. ".." stops at the root.
 * Return: the canonical path (malloc'd), or NULL with errno set.
 */
char *resolve(const char *root, const char *path, bool follow_last, bool record)
{
	char *cur = xstrdup(""); /* canonical prefix; "" is "/" */
	char *rest = xstrdup(path);
	int links = 0;

	for (;;) {
		char *p = rest;
		while (*p == '/')
			p++;
		if (!*p)
			break;
		char *end = strchrnul(p, '/');
		char *comp = strndup(p, end - p);
		const char *q = end;
		while (*q == '/')
			q++;
		bool last = !*q;
		char *after = xstrdup(end);
		free(rest);
		rest = after;

		if (strcmp(comp, ".") == 0) {
			free(comp);
			continue;
		}
		if (strcmp(comp, "..") == 0) {
			char *slash = strrchr(cur, '/');
			if (slash)
				*slash = 0;
			free(comp);
			continue;
		}
		char *cand = xasprintf("%s/%s", cur, comp);
		char *h = hostp(root, cand);
		struct stat st;
		free(comp);
		if (lstat(h, &st)) {
			int e = errno;
			free(h), free(cand), free(cur), free(rest);
			errno = e;
			return NULL;
		}
		if (S_ISLNK(st.st_mode) && (!last || follow_last)) {
			if (++links > 40) {
				free(h), free(cand), free(cur), free(rest);
				errno = ELOOP;
				return NULL;
			}
			char *target = read_link(h);
			if (record)
				put(cand, K_LINK, 0777, strlen(target), st.st_mtime, NULL, target);
			char *nrest = xasprintf("%s/%s", target, rest);
			free(rest);
			rest = nrest;
			if (target[0] == '/')
				cur[0] = 0;
			free(target), free(h), free(cand);
			continue;
		}
		free(h);
		if (!last && !S_ISDIR(st.st_mode)) {
			free(cand), free(cur), free(rest);
			errno = ENOTDIR;
			return NULL;
		}
		free(cur);
		cur = cand;
	}
	free(rest);
	if (!cur[0]) {
		free(cur);
		return xstrdup("/");
	}
	return cur;
}

static void add_tree(const char *root, const char *hdir, const char *idir, const char *top);

static void put_host_file(const char *root, const char *hpath, const char *ipath,
			  const struct stat *st)
{
	char *h = hostp(root, hpath);
	put(ipath, K_FILE, st->st_mode, st->st_size, st->st_mtime, h, NULL);
	free(h);
}

/*
 * Add the host path at the same path in the image, with every symlink on
 * the way. A folder is copied recursively.
 * Return: 0, or -errno if the path does not resolve.
 */
int add_same(const char *root, const char *path)
{
	char *canon = resolve(root, path, true, true);
	if (!canon)
		return -errno;
	char *h = hostp(root, canon);
	struct stat st;
	if (lstat(h, &st))
		die("%s: %s", h, strerror(errno));
	if (S_ISREG(st.st_mode))
		put_host_file(root, canon, canon, &st);
	else if (S_ISDIR(st.st_mode))
		add_tree(root, canon, canon, NULL);
	else
		warn("skipping %s: not a regular file, folder or symlink", h);
	free(h);
	free(canon);
	return 0;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/*
 * A symlink found inside a copied folder is stored as it is; this makes its
 * target resolve in the image too. top is NULL when the folder goes to its
 * own path (then the target is simply added at its own path), else the host
 * folder being copied to another image path: a relative link that stays
 * inside it still works there, an absolute one is added at its own path,
 * and a relative one that leaves it cannot be made to work.
 */
static void follow_link(const char *root, const char *hpath, const char *target, const char *top)
{
	char *canon = resolve(root, hpath, true, top == NULL);
	if (!canon) {
		warn("%s%s -> %s: target missing (%s); stored as it is", root, hpath, target,
		     strerror(errno));
		return;
	}
	if (!top || target[0] == '/')
		add_same(root, top ? target : canon);
	else if (!path_within(canon, top))
		warn("%s%s -> %s leaves %s%s, which goes to another image path; its target is not "
		     "in the image",
		     root, hpath, target, root, top);
	free(canon);
}

/* Copy the host folder hdir (canonical, under root) to idir in the image. */
static void add_tree(const char *root, const char *hdir, const char *idir, const char *top)
{
	char *h = hostp(root, hdir);
	struct stat st;
	struct entry *e = lookup(idir);

	if (e && e->kind == K_DIR && e->walked)
		goto out;
	if (stat(h, &st))
		die("%s: %s", h, strerror(errno));
	put(idir, K_DIR, st.st_mode, 0, st.st_mtime, NULL, NULL);
	e = lookup(idir);
	if (e)
		e->walked = true;

	DIR *d = opendir(h);
	if (!d)
		die("%s: %s", h, strerror(errno));
	struct strlist names = { 0 };
	for (struct dirent *de; (de = readdir(d));)
		if (strcmp(de->d_name, ".") && strcmp(de->d_name, ".."))
			sl_add(&names, de->d_name);
	closedir(d);
	qsort(names.v, names.n, sizeof(*names.v), cmp_str); /* deterministic warnings */

	for (size_t i = 0; i < names.n; i++) {
		char *hc = path_join(hdir, names.v[i]), *ic = path_join(idir, names.v[i]);
		char *hh = hostp(root, hc);
		if (lstat(hh, &st))
			die("%s: %s", hh, strerror(errno));
		if (S_ISREG(st.st_mode)) {
			put_host_file(root, hc, ic, &st);
		} else if (S_ISDIR(st.st_mode)) {
			add_tree(root, hc, ic, top);
		} else if (S_ISLNK(st.st_mode)) {
			char *target = read_link(hh);
			put(ic, K_LINK, 0777, strlen(target), st.st_mtime, NULL, target);
			follow_link(root, hc, target, top);
			free(target);
		} else {
			warn("skipping %s: not a regular file, folder or symlink", hh);
		}
		free(hc), free(ic), free(hh), free(names.v[i]);
	}
	free(names.v);
out:
	free(h);
}

/*
 * An image path given by the user may run through a symlink already in the
 * image (e.g. /lib/foo when /lib -> usr/lib): walk it through the image's
 * own entries as the kernel will, so the new entry lands where the program
 * looks for it. The last component is not followed: that is the new entry.
 */
static char *image_canon(const char *path)
{
	char *cur = xstrdup(""), *rest = xstrdup(path);
	int links = 0;

	for (;;) {
		char *p = rest + strspn(rest, "/");
		if (!*p)
			break;
		char *end = strchrnul(p, '/');
		char *comp = strndup(p, end - p);
		bool last = !end[strspn(end, "/")];
		char *after = xstrdup(end);
		free(rest);
		rest = after;
		if (strcmp(comp, "..") == 0) {
			char *slash = strrchr(cur, '/');
			if (slash)
				*slash = 0;
		} else if (strcmp(comp, ".")) {
			char *cand = xasprintf("%s/%s", cur, comp);
			struct entry *e = lookup(cand);
			if (e && e->kind == K_LINK && !last) {
				if (++links > 40)
					die("%s: too many levels of symbolic links in the image", path);
				char *next = xasprintf("%s/%s", e->data, rest);
				free(rest);
				rest = next;
				if (e->data[0] == '/')
					cur[0] = 0;
				free(cand);
			} else {
				free(cur);
				cur = cand;
			}
		}
		free(comp);
	}
	free(rest);
	if (!cur[0]) {
		free(cur);
		return xstrdup("/");
	}
	return cur;
}

/* --add HOSTPATH[:IMAGEPATH] */
void add_spec(const char *spec)
{
	char *host = xstrdup(spec), *colon = strchr(host, ':');
	const char *root = sysroot;
	char *ipath = NULL;

	if (colon) {
		*colon = 0;
		if (colon[1] != '/')
			die("--add %s: the image path must be absolute", spec);
		ipath = clean_path(colon + 1);
	}
	if (!host[0])
		die("--add %s: empty host path", spec);
	if (host[0] != '/') { /* relative: the build host's current directory */
		char *cwd = getcwd(NULL, 0);
		if (!cwd)
			die("getcwd: %s", strerror(errno));
		char *abs = xasprintf("%s/%s", cwd, host);
		free(host), free(cwd);
		host = abs;
		root = "";
	}
	char *hclean = clean_path(host);
	if (!ipath || strcmp(ipath, hclean) == 0) {
		int err = add_same(root, hclean);
		if (err)
			die("--add %s: %s%s: %s", spec, root, hclean, strerror(-err));
	} else {
		char *canon = resolve(root, hclean, true, false);
		if (!canon)
			die("--add %s: %s%s: %s", spec, root, hclean, strerror(errno));
		char *h = hostp(root, canon), *idest = image_canon(ipath);
		struct stat st;
		if (stat(h, &st))
			die("%s: %s", h, strerror(errno));
		if (S_ISDIR(st.st_mode))
			add_tree(root, canon, idest, canon);
		else if (S_ISREG(st.st_mode))
			put_host_file(root, canon, idest, &st);
		else
			die("--add %s: %s is not a regular file or folder", spec, h);
		free(h), free(idest), free(canon);
	}
	free(hclean), free(host), free(ipath);
}

