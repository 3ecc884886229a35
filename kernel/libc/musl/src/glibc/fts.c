/*
 * fts.c - glibc's <fts.h> file-hierarchy walk: fts_open, fts_read, fts_set,
 * fts_close (libselinux's selinux_restorecon imports them, so every
 * coreutils program linked with libselinux needs them to load). musl has
 * no fts.
 *
 * The structures are glibc's x86-64 FTS and FTSENT, field for field (the
 * program reads them; offsets checked below). The walk is the one fts(3)
 * describes: each root, then for a directory first FTS_D (preorder), its
 * entries (sorted by the compar function when given, else in readdir
 * order), then FTS_DP (postorder); FTS_F, FTS_SL, FTS_SLNONE, FTS_DEFAULT
 * for the others, FTS_DNR for an unreadable directory, FTS_NS when stat
 * failed, FTS_NSOK under FTS_NOSTAT, FTS_DC for a directory that is its
 * own ancestor, FTS_DOT for "." and ".." under FTS_SEEDOT. FTS_LOGICAL
 * and FTS_COMFOLLOW follow symbolic links (all, or the roots), FTS_XDEV
 * does not descend into another file system. fts_set: FTS_AGAIN (return
 * the entry again, stat'ed again), FTS_FOLLOW (follow this symbolic
 * link), FTS_SKIP (do not descend).
 *
 * One difference: the walk never changes directory, as under FTS_NOCHDIR:
 * fts_accpath is always fts_path, which is valid from the caller's working
 * directory. Callers that follow fts(3) use fts_accpath and see no
 * difference. Every entry owns its fts_path (glibc's points into a buffer
 * that the next fts_read may move). fts_children is not provided (no
 * program here imports it).
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "glibc.h"

typedef struct _ftsent {
	struct _ftsent *fts_cycle;
	struct _ftsent *fts_parent;
	struct _ftsent *fts_link;
	long fts_number;
	void *fts_pointer;
	char *fts_accpath;
	char *fts_path;
	int fts_errno;
	int fts_symfd;
	unsigned short fts_pathlen;
	unsigned short fts_namelen;
	ino_t fts_ino;
	dev_t fts_dev;
	nlink_t fts_nlink;
	short fts_level;
	unsigned short fts_info;
	unsigned short fts_flags;
	unsigned short fts_instr;
	struct stat *fts_statp;
	char fts_name[1];
} FTSENT;

typedef struct {
	FTSENT *fts_cur;
	FTSENT *fts_child;
	FTSENT **fts_array;
	dev_t fts_dev;
	char *fts_path;
	int fts_rfd;
	int fts_pathlen;
	int fts_nitems;
	int (*fts_compar)(const void *, const void *);
	int fts_options;
} FTS;

_Static_assert(offsetof(FTSENT, fts_errno) == 56 && offsetof(FTSENT, fts_pathlen) == 64 &&
	       offsetof(FTSENT, fts_ino) == 72 && offsetof(FTSENT, fts_level) == 96 &&
	       offsetof(FTSENT, fts_info) == 98 && offsetof(FTSENT, fts_instr) == 102 &&
	       offsetof(FTSENT, fts_statp) == 104 && offsetof(FTSENT, fts_name) == 112,
	       "glibc's FTSENT");
_Static_assert(offsetof(FTS, fts_dev) == 24 && offsetof(FTS, fts_compar) == 56 &&
	       offsetof(FTS, fts_options) == 64 && sizeof(FTS) == 72, "glibc's FTS");
_Static_assert(sizeof(struct stat) == 144, "struct stat is the kernel's");

/* options (fts_open) */
#define FTS_COMFOLLOW 0x0001
#define FTS_LOGICAL 0x0002
#define FTS_NOCHDIR 0x0004
#define FTS_NOSTAT 0x0008
#define FTS_PHYSICAL 0x0010
#define FTS_SEEDOT 0x0020
#define FTS_XDEV 0x0040
#define FTS_OPTIONMASK 0x00ff
#define FTS_STOP 0x0200
/* fts_info */
#define FTS_D 1
#define FTS_DC 2
#define FTS_DEFAULT 3
#define FTS_DNR 4
#define FTS_DOT 5
#define FTS_DP 6
#define FTS_ERR 7
#define FTS_F 8
#define FTS_INIT 9
#define FTS_NS 10
#define FTS_NSOK 11
#define FTS_SL 12
#define FTS_SLNONE 13
/* fts_instr (fts_set) */
#define FTS_AGAIN 1
#define FTS_FOLLOW 2
#define FTS_NOINSTR 3
#define FTS_SKIP 4

#define ROOTPARENT -1

/* one allocation: the entry with its name, its struct stat, its path */
static FTSENT *alloc_entry(FTSENT *parent, const char *name, size_t namelen)
{
	size_t plen = 0, base = 0;
	if (parent && parent->fts_level != ROOTPARENT) {
		base = parent->fts_pathlen;
		if (base && parent->fts_path[base - 1] == '/')
			base--;
		plen = base + 1;
	}
	plen += namelen;
	size_t st_off = (offsetof(FTSENT, fts_name) + namelen + 1 + 15) & -16UL;
	FTSENT *p = calloc(1, st_off + sizeof(struct stat) + plen + 1);
	if (!p)
		return 0;
	memcpy(p->fts_name, name, namelen);
	p->fts_namelen = namelen;
	p->fts_statp = (struct stat *)((char *)p + st_off);
	p->fts_path = (char *)p->fts_statp + sizeof(struct stat);
	if (plen > namelen) {
		memcpy(p->fts_path, parent->fts_path, base);
		p->fts_path[base] = '/';
	}
	memcpy(p->fts_path + plen - namelen, name, namelen);
	p->fts_pathlen = plen > 0xffff ? 0xffff : plen;
	p->fts_accpath = p->fts_path;
	p->fts_parent = parent;
	p->fts_instr = FTS_NOINSTR;
	p->fts_level = parent ? parent->fts_level + 1 : ROOTPARENT;
	return p;
}

static int is_dot(const char *s)
{
	return s[0] == '.' && (!s[1] || (s[1] == '.' && !s[2]));
}

/* fill p's stat fields and return its fts_info */
static int stat_entry(FTS *sp, FTSENT *p, int follow)
{
	struct stat *st = p->fts_statp;
	if (follow || (sp->fts_options & FTS_LOGICAL)) {
		if (stat(p->fts_accpath, st)) {
			int e = errno;
			if (!lstat(p->fts_accpath, st)) {
				errno = 0;
				return FTS_SLNONE;
			}
			p->fts_errno = e;
			memset(st, 0, sizeof *st);
			return FTS_NS;
		}
	} else if (lstat(p->fts_accpath, st)) {
		p->fts_errno = errno;
		memset(st, 0, sizeof *st);
		return FTS_NS;
	}
	p->fts_dev = st->st_dev;
	p->fts_ino = st->st_ino;
	p->fts_nlink = st->st_nlink;
	if (S_ISDIR(st->st_mode)) {
		if (p->fts_level > 0 && is_dot(p->fts_name))
			return FTS_DOT;
		for (FTSENT *a = p->fts_parent; a && a->fts_level >= 0; a = a->fts_parent) {
			if (a->fts_dev == p->fts_dev && a->fts_ino == p->fts_ino) {
				p->fts_cycle = a;
				return FTS_DC;
			}
		}
		return FTS_D;
	}
	if (S_ISLNK(st->st_mode))
		return FTS_SL;
	return S_ISREG(st->st_mode) ? FTS_F : FTS_DEFAULT;
}

/* sort a sibling list with the caller's comparison */
static FTSENT *sort(FTS *sp, FTSENT *head, size_t n)
{
	if (!sp->fts_compar || n < 2)
		return head;
	FTSENT **v = malloc(n * sizeof *v);
	if (!v)
		return head; /* unsorted rather than lost */
	size_t i = 0;
	for (FTSENT *p = head; p; p = p->fts_link)
		v[i++] = p;
	qsort(v, n, sizeof *v, sp->fts_compar);
	for (i = 0; i + 1 < n; i++)
		v[i]->fts_link = v[i + 1];
	v[n - 1]->fts_link = 0;
	head = v[0];
	free(v);
	return head;
}

/* the entries of directory cur, linked and sorted; 0 if none or on error */
static FTSENT *read_dir(FTS *sp, FTSENT *cur)
{
	DIR *d = opendir(cur->fts_accpath);
	if (!d) {
		cur->fts_info = FTS_DNR;
		cur->fts_errno = errno;
		return 0;
	}
	FTSENT *head = 0, **tail = &head;
	size_t n = 0;
	struct dirent *de;
	while ((de = readdir(d))) {
		if (is_dot(de->d_name) && !(sp->fts_options & FTS_SEEDOT))
			continue;
		FTSENT *p = alloc_entry(cur, de->d_name, strlen(de->d_name));
		if (!p) {
			while (head) {
				FTSENT *next = head->fts_link;
				free(head);
				head = next;
			}
			closedir(d);
			sp->fts_options |= FTS_STOP;
			return 0;
		}
		if ((sp->fts_options & FTS_NOSTAT) && de->d_type != DT_DIR && de->d_type != DT_UNKNOWN)
			p->fts_info = FTS_NSOK;
		else
			p->fts_info = stat_entry(sp, p, 0);
		*tail = p;
		tail = &p->fts_link;
		n++;
	}
	closedir(d);
	if (!n)
		cur->fts_info = FTS_DP;
	return sort(sp, head, n);
}

FTS *fts_open(char *const *argv, int options, int (*compar)(const FTSENT **, const FTSENT **))
{
	if (options & ~FTS_OPTIONMASK) {
		errno = EINVAL;
		return 0;
	}
	FTS *sp = calloc(1, sizeof *sp);
	FTSENT *parent = sp ? alloc_entry(0, "", 0) : 0;
	if (!parent) {
		free(sp);
		return 0;
	}
	sp->fts_options = options | FTS_NOCHDIR;
	sp->fts_compar = (int (*)(const void *, const void *))compar;
	sp->fts_rfd = -1;
	FTSENT *head = 0, **tail = &head;
	size_t n = 0;
	for (; *argv; argv++) {
		size_t len = strlen(*argv);
		FTSENT *p = len ? alloc_entry(parent, *argv, len) : 0;
		if (!p) {
			if (!len)
				errno = ENOENT;
			goto fail;
		}
		p->fts_level = 0;
		p->fts_info = stat_entry(sp, p, options & FTS_COMFOLLOW);
		*tail = p;
		tail = &p->fts_link;
		n++;
	}
	head = sort(sp, head, n);
	/* a starting point whose successor is the first root */
	parent->fts_link = head;
	parent->fts_info = FTS_INIT;
	sp->fts_cur = parent;
	return sp;
fail:
	while (head) {
		FTSENT *next = head->fts_link;
		free(head);
		head = next;
	}
	free(parent);
	free(sp);
	return 0;
}

/*
 * The next entry: a sibling, else the parent in postorder (0 at the end).
 * p is freed once left, except the roots' parent (the starting point),
 * which lives until the last root is done.
 */
static FTSENT *next_entry(FTS *sp, FTSENT *p)
{
	FTSENT *next;
	while ((next = p->fts_link)) {
		if (p->fts_level == ROOTPARENT)
			p->fts_link = 0;
		else
			free(p);
		p = next;
		if (p->fts_instr == FTS_SKIP) {
			p->fts_instr = FTS_NOINSTR;
			continue;
		}
		if (p->fts_instr == FTS_FOLLOW) {
			p->fts_instr = FTS_NOINSTR;
			p->fts_info = stat_entry(sp, p, 1);
		}
		if (p->fts_level == 0)
			sp->fts_dev = p->fts_dev;
		return p;
	}
	if (p->fts_level == ROOTPARENT) {
		free(p);
		return 0;
	}
	FTSENT *up = p->fts_parent;
	free(p);
	if (up->fts_level == ROOTPARENT) {
		free(up);
		return 0;
	}
	up->fts_info = up->fts_errno && up->fts_info != FTS_DNR ? FTS_ERR : FTS_DP;
	return up;
}

FTSENT *fts_read(FTS *sp)
{
	FTSENT *p = sp->fts_cur;
	if (!p || (sp->fts_options & FTS_STOP))
		return 0;
	int instr = p->fts_instr;
	p->fts_instr = FTS_NOINSTR;

	if (instr == FTS_AGAIN) {
		p->fts_info = stat_entry(sp, p, 0);
		return p;
	}
	if (instr == FTS_FOLLOW && (p->fts_info == FTS_SL || p->fts_info == FTS_SLNONE)) {
		p->fts_info = stat_entry(sp, p, 1);
		return p;
	}
	if (p->fts_info == FTS_D) {
		if (instr == FTS_SKIP ||
		    ((sp->fts_options & FTS_XDEV) && p->fts_dev != sp->fts_dev)) {
			p->fts_info = FTS_DP;
			return p;
		}
		FTSENT *child = read_dir(sp, p);
		if (!child)
			return sp->fts_options & FTS_STOP ? 0 : p;
		return sp->fts_cur = child;
	}
	errno = 0;
	return sp->fts_cur = next_entry(sp, p);
}

int fts_set(FTS *sp, FTSENT *p, int instr)
{
	(void)sp;
	if (instr && instr != FTS_AGAIN && instr != FTS_FOLLOW && instr != FTS_NOINSTR &&
	    instr != FTS_SKIP) {
		errno = EINVAL;
		return 1;
	}
	p->fts_instr = instr;
	return 0;
}

int fts_close(FTS *sp)
{
	FTSENT *p = sp->fts_cur, *next;
	if (p && p->fts_level == ROOTPARENT) {
		/* not started: the starting point and the roots */
		for (FTSENT *r = p->fts_link; r; r = next) {
			next = r->fts_link;
			free(r);
		}
		free(p);
	} else {
		/* the current entry, its later siblings, then its parent's, up to the start */
		for (; p; p = next) {
			next = p->fts_link ? p->fts_link : p->fts_parent;
			free(p);
		}
	}
	free(sp);
	return 0;
}

/* glibc's 64-bit-inode names: the same structures on x86-64 */
weak_alias(fts_open, fts64_open);
weak_alias(fts_read, fts64_read);
weak_alias(fts_set, fts64_set);
weak_alias(fts_close, fts64_close);
