/*
 * path.c - the path walk: turning a path name into an inode, as
 * path_resolution(7) describes.
 *
 * A walk starts at the root (absolute path), the current directory
 * (AT_FDCWD) or the directory open at dirfd, and takes one component at a
 * time: "." stays, ".." goes to the parent (the root is its own parent),
 * anything else is looked up. Only directories can be walked through
 * (-ENOTDIR otherwise); a missing component is -ENOENT, a component longer
 * than NAME_MAX is -ENAMETOOLONG. A symlink met in the middle of a path is
 * always followed, the last one only with WALK_FOLLOW or when a '/' follows
 * it ("link/" means the directory the link points at). Following splices
 * the target in front of the rest of the path in a second buffer, so there
 * is no recursion; after VFS_MAX_SYMLINKS (40) links the walk fails with
 * -ELOOP, and a spliced path longer than PATH_MAX with -ENAMETOOLONG.
 *
 * The walk's result (struct walk) names the directory holding the last
 * component and the component itself, so that create, unlink and rename
 * callers (namei.c) can act on the parent. With WALK_PARENT (Linux's
 * LOOKUP_PARENT: mkdir, unlink, rename, link...) the last component may be
 * missing (w->inode == NULL), is never followed, and a trailing '/' is only
 * recorded in w->slash for the caller to judge; with WALK_CREATE (open with
 * O_CREAT) it may be missing but is otherwise walked as usual. Otherwise a
 * trailing '/' requires the last component to be a directory (-ENOTDIR).
 *
 * Directories and links of procfs and sysfs carry hooks (struct
 * inode_hooks, internal.h): a hooked directory is refreshed before a name
 * is looked up in it and refuses to have names created or removed; a
 * hooked ("magic") link is followed to the inode it returns rather than
 * by its text.
 *
 * Locking: walk_begin/walk_end run without locks (they take the dirfd's
 * file and allocate the buffers); walk_path runs with vfs_lock held, and
 * its results are only valid until vfs_lock is dropped unless the caller
 * takes an inode reference.
 */
#include "internal.h"

struct inode *vfs_cwd; /* protected by vfs_lock; holds a reference */

long path_from_user(const char *upath, char **out)
{
	char *buf = kmalloc(PATH_MAX);
	long n;

	if (!buf)
		return -ENOMEM;
	n = strncpy_from_user(buf, upath, PATH_MAX);
	if (n < 0) {
		kfree(buf);
		return n;
	}
	*out = buf;
	return 0;
}

int walk_flags_from_at(int atflags, int allowed, unsigned *wflags)
{
	if (atflags & ~allowed)
		return -EINVAL;
	*wflags = (atflags & AT_SYMLINK_NOFOLLOW) ? 0 : WALK_FOLLOW;
	if (atflags & AT_EMPTY_PATH)
		*wflags |= WALK_EMPTY;
	return 0;
}

int walk_begin(struct walk *w, int dirfd, const char *path, unsigned flags)
{
	memset(w, 0, sizeof(*w));
	if (!path || path[0] != '/') {
		if (dirfd != AT_FDCWD) {
			w->dirf = fd_get(dirfd);
			if (!w->dirf)
				return -EBADF;
		}
	}
	(void)flags;
	w->buf = kmalloc(PATH_MAX); /* a path and its NUL fit: walk_path keeps them < PATH_MAX */
	w->tmp = kmalloc(PATH_MAX);
	if (!w->buf || !w->tmp)
		return -ENOMEM;
	return 0;
}

void walk_end(struct walk *w)
{
	if (w->dirf)
		file_put(w->dirf);
	kfree(w->buf);
	kfree(w->tmp);
	w->dirf = NULL;
	w->buf = w->tmp = NULL;
}

static enum last_type component_type(const char *s, size_t len)
{
	if (len == 1 && s[0] == '.')
		return LAST_DOT;
	if (len == 2 && s[0] == '.' && s[1] == '.')
		return LAST_DOTDOT;
	return LAST_NORM;
}

static void set_result(struct walk *w, struct inode *dir, struct inode *ino, enum last_type t,
		       const char *name, size_t len, bool slash)
{
	w->dir = dir;
	w->inode = ino;
	w->type = t;
	w->slash = slash;
	w->len = len;
	memcpy(w->name, name, len);
	w->name[len] = '\0';
}

/* Replace the walked part of w->buf up to rest with target. Return: the new rest. */
static char *splice_link(struct walk *w, const char *target, const char *rest, int *err)
{
	size_t tl = strlen(target), rl = strlen(rest);
	char *t;

	if (tl + rl > PATH_MAX - 1) {
		*err = -ENAMETOOLONG;
		return NULL;
	}
	memcpy(w->tmp, target, tl);
	memcpy(w->tmp + tl, rest, rl + 1);
	t = w->buf;
	w->buf = w->tmp;
	w->tmp = t;
	return w->buf;
}

/*
 * Walk kpath (kernel memory, NUL-terminated). vfs_lock held.
 * Return: 0 with the result in w; -ENOENT, -ENOTDIR, -ELOOP,
 * -ENAMETOOLONG as Linux. An empty path is -ENOENT unless WALK_EMPTY, in
 * which case it names the dirfd (or the current directory) itself.
 */
int walk_path(struct walk *w, const char *kpath, unsigned flags)
{
	size_t plen = strlen(kpath);
	unsigned hops = 0;
	struct inode *cur;
	char *p;
	int err = 0;

	if (plen == 0) {
		if (!(flags & WALK_EMPTY))
			return -ENOENT;
		cur = w->dirf ? w->dirf->inode : vfs_cwd;
		set_result(w, NULL, cur, LAST_EMPTY, "", 0, false);
		return 0;
	}
	if (plen >= PATH_MAX)
		return -ENAMETOOLONG;
	memcpy(w->buf, kpath, plen + 1);
	p = w->buf;
	if (*p == '/') {
		cur = vfs_root;
	} else if (w->dirf) {
		cur = w->dirf->inode;
		if (!S_ISDIR(cur->mode))
			return -ENOTDIR;
	} else {
		cur = vfs_cwd;
	}

	for (;;) {
		const char *s;
		char *q;
		size_t len;
		bool last, slash;
		enum last_type type;
		struct inode *child;

		while (*p == '/')
			p++;
		if (!*p) { /* only slashes were left: the path named "/" */
			set_result(w, cur, cur, LAST_ROOT, "/", 1, true);
			return 0;
		}
		s = p;
		while (*p && *p != '/')
			p++;
		len = (size_t)(p - s);
		for (q = p; *q == '/'; q++)
			;
		last = (*q == '\0');
		slash = last && q != p;
		if (len > NAME_MAX)
			return -ENAMETOOLONG;
		if (!S_ISDIR(cur->mode))
			return -ENOTDIR;
		if (last && cur->hooks && (flags & WALK_PARENT))
			return -EPERM; /* procfs/sysfs names are not created, removed or renamed */

		type = component_type(s, len);
		if (type == LAST_DOT) {
			child = cur;
		} else if (type == LAST_DOTDOT) {
			child = cur->dir.parent ? cur->dir.parent : cur;
		} else {
			if (cur->hooks && cur->hooks->refresh)
				cur->hooks->refresh(cur, s, len); /* computed entries (procfs) */
			child = dir_lookup(cur, s, len);
		}

		if (!child) {
			if (last && (flags & (WALK_PARENT | WALK_CREATE))) {
				if (cur->hooks)
					return -EACCES; /* open(O_CREAT) in procfs/sysfs */
				set_result(w, cur, NULL, type, s, len, slash);
				return 0;
			}
			return -ENOENT;
		}
		if (S_ISLNK(child->mode) &&
		    (!last || (!(flags & WALK_PARENT) && (slash || (flags & WALK_FOLLOW))))) {
			if (++hops > VFS_MAX_SYMLINKS)
				return -ELOOP;
			if (child->hooks && child->hooks->follow) {
				/* a magic link (procfs fd/N): to its inode, not its text */
				child = child->hooks->follow(child);
				if (!child)
					return -ENOENT;
				goto walked;
			}
			p = splice_link(w, child->target, p, &err);
			if (!p)
				return err;
			if (*p == '/')
				cur = vfs_root;
			continue;
		}
walked:
		if (last) {
			set_result(w, cur, child, type, s, len, slash);
			if (slash && !S_ISDIR(child->mode) && !(flags & WALK_PARENT))
				return -ENOTDIR;
			return 0;
		}
		cur = child;
	}
}
