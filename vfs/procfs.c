/*
 * procfs.c - /proc (and, through the same mechanism, /sys): files whose
 * contents are computed from kernel state when they are opened.
 *
 * Design. The trees are made of ordinary ramfs inodes, so the path walk,
 * stat, getdents, readlink, openat with a dirfd, fchdir and reference
 * counting all work unchanged; what makes them synthetic is small:
 *   - A regular file carries a struct pnode (hook_data) whose show()
 *     writes the whole text into a growing buffer when the file is opened
 *     for reading. read/lseek are served from that snapshot, held in
 *     f->priv, so one open file always reads a consistent text even
 *     across many short reads, as Linux's seq_file gives. st_size is 0,
 *     as on Linux, so programs read such files until end of file.
 *     Opening for writing is -EACCES unless the node has a store() (comm,
 *     oom_score_adj), which then gets every write.
 *   - A directory whose entries depend on kernel state (/proc itself for
 *     "self" and the pid, <pid>/ for cwd and exe, fd/, fdinfo/, task/)
 *     has a refresh hook (struct inode_hooks, internal.h) that walk_path
 *     calls, vfs_lock held, before it looks a name up there, and that
 *     getdents calls before it lists the directory from the start. The
 *     hook adds, removes or retargets just that entry (or all of them),
 *     so a lookup of /proc/self/fd/3 costs one descriptor, not the table.
 *     Entries that did not change keep their getdents cookies.
 *   - A "magic link" (fd/N) has a follow hook: walking through it goes to
 *     the open file's inode itself, as on Linux, while readlink shows the
 *     text ("/tmp/x", "pipe:[12]"). See procfs_fd.c.
 *   - Every directory made here has hooks (at least the empty
 *     pseudo_ro_hooks), which makes walk_path refuse to create or remove
 *     names in it (-EPERM, -EACCES for O_CREAT), as in Linux's procfs.
 * The trees are described by static tables (procfs_sys.c for the top of
 * /proc, procfs_pid.c for /proc/<pid>, sysfs.c for /sys) and built by
 * pseudo_add(). keel runs one process: /proc/<pid> appears when the
 * program has started (proc.pid is set) and never goes away.
 *
 * Limits: st_dev of these inodes is ramfs's and statfs(2) reports ramfs,
 * not PROC_SUPER_MAGIC; chmod/utimes on them are not refused.
 *
 * Locking: show() runs at open with no lock held and takes what it needs
 * (vm_walk's mm_lock, thread_walk's sched_lock, fd_peek's fd_lock);
 * refresh and follow hooks run with vfs_lock held and may take fd_lock
 * and sched_lock, which nest inside it.
 *
 * Callers: vfs_init (procfs_init, sysfs_init), path.c (hooks), the
 * file ops through open/read.
 */
#include "internal.h"
#include "proc.h"

/* --- text buffers --- */

static bool sb_reserve(struct sbuf *sb, size_t more)
{
	size_t cap = sb->cap ? sb->cap : 256;
	char *nb;

	if (sb->oom)
		return false;
	if (sb->len + more < sb->cap)
		return true;
	while (cap <= sb->len + more)
		cap *= 2;
	nb = kmalloc(cap);
	if (!nb) {
		sb->oom = true;
		return false;
	}
	if (sb->len)
		memcpy(nb, sb->buf, sb->len);
	kfree(sb->buf);
	sb->buf = nb;
	sb->cap = cap;
	return true;
}

void sb_write(struct sbuf *sb, const void *p, size_t n)
{
	if (!sb_reserve(sb, n))
		return;
	memcpy(sb->buf + sb->len, p, n);
	sb->len += n;
}

void sb_printf(struct sbuf *sb, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (!sb_reserve(sb, 64))
		return;
	va_start(ap, fmt);
	n = vsnprintf(sb->buf + sb->len, sb->cap - sb->len, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if ((size_t)n >= sb->cap - sb->len) { /* cut short: grow and print again */
		if (!sb_reserve(sb, (size_t)n + 1))
			return;
		va_start(ap, fmt);
		vsnprintf(sb->buf + sb->len, sb->cap - sb->len, fmt, ap);
		va_end(ap);
	}
	sb->len += (size_t)n;
}

/* --- generated files --- */

static int pfile_open(struct inode *ino, struct file **fp)
{
	const struct pnode *n = ino->hook_data;
	struct file *f = *fp;
	struct sbuf *sb;
	int err;

	if ((f->fmode & FMODE_WRITE) && !n->store)
		return -EACCES;
	if (!(f->fmode & FMODE_READ))
		return 0;
	sb = kzalloc(sizeof(*sb));
	if (!sb)
		return -ENOMEM;
	err = 0;
	if (n->show)
		err = n->show(sb, ino->hook_arg);
	else
		sb_write(sb, n->text, strlen(n->text));
	if (!err && sb->oom)
		err = -ENOMEM;
	if (err) {
		kfree(sb->buf);
		kfree(sb);
		return err;
	}
	f->priv = sb;
	return 0;
}

static long pfile_read(struct file *f, void *buf, size_t n, uint64_t *pos, unsigned io)
{
	const struct sbuf *sb = f->priv;
	size_t k;

	if (*pos >= sb->len)
		return 0;
	k = MIN(n, sb->len - (size_t)*pos);
	if (vfs_copy_out(buf, sb->buf + *pos, k, io))
		return -EFAULT;
	*pos += k;
	return (long)k;
}

/* seq_file's rules: SEEK_SET and SEEK_CUR only, no negative offsets. */
static long pfile_lseek(struct file *f, int64_t off, int whence)
{
	int64_t base;

	if (whence == SEEK_SET)
		base = 0;
	else if (whence == SEEK_CUR)
		base = (int64_t)f->pos;
	else
		return -EINVAL;
	if ((off > 0 && base > INT64_MAX - off) || base + off < 0)
		return -EINVAL;
	f->pos = (uint64_t)(base + off);
	return (long)f->pos;
}

static long pfile_write(struct file *f, const void *buf, size_t n, uint64_t *pos, unsigned io)
{
	const struct pnode *node = f->inode->hook_data;
	char *k;
	int err;

	(void)pos;
	if (n >= PAGE_SIZE)
		return -EINVAL; /* proc files take one short line at a time */
	k = kmalloc(n + 1);
	if (!k)
		return -ENOMEM;
	err = vfs_copy_in(k, buf, n, io);
	if (!err) {
		k[n] = '\0';
		err = node->store(k, n, f->inode->hook_arg);
	}
	kfree(k);
	return err ? err : (long)n;
}

static void pfile_release(struct file *f)
{
	struct sbuf *sb = f->priv;

	if (sb) {
		kfree(sb->buf);
		kfree(sb);
	}
}

static const struct file_ops pseudo_file_fops = {
	.open = pfile_open,
	.read = pfile_read,
	.write = pfile_write,
	.lseek = pfile_lseek,
	.release = pfile_release,
};

/* --- directories --- */

/* getdents from the start lists what is there now (Linux's proc readdir is live). */
static long pdir_getdents(struct file *f, void *kbuf, size_t n)
{
	struct inode *dir = f->inode;

	if (f->pos == 0 && dir->hooks->refresh) {
		mutex_lock(&vfs_lock);
		if (dir->nlink)
			dir->hooks->refresh(dir, NULL, 0);
		mutex_unlock(&vfs_lock);
	}
	return ramfs_dir_fops.getdents(f, kbuf, n);
}

static long pdir_lseek(struct file *f, int64_t off, int whence)
{
	return ramfs_dir_fops.lseek(f, off, whence);
}

static const struct file_ops pseudo_dir_fops = {
	.lseek = pdir_lseek,
	.getdents = pdir_getdents,
};

/* Fixed entries: no refresh, but read-only to path operations. */
static const struct inode_hooks pseudo_ro_hooks = { 0 };

/* --- building trees (vfs_lock held) --- */

int pseudo_add(struct inode *dir, const char *name, size_t len, const struct pnode *n, long arg,
	       struct inode **out)
{
	struct inode *ino;
	int err;

	if (S_ISLNK(n->mode))
		err = ramfs_symlink(dir, name, len, n->target ? n->target : "/", &ino);
	else
		err = ramfs_create(dir, name, len, n->mode, &ino);
	if (err)
		return err;
	ino->mode = n->mode;
	ino->hook_data = n;
	ino->hook_arg = arg;
	if (S_ISREG(n->mode)) {
		ino->fops = &pseudo_file_fops;
	} else if (S_ISLNK(n->mode)) {
		ino->hooks = n->hooks;
	} else {
		ino->hooks = n->hooks ? n->hooks : &pseudo_ro_hooks;
		ino->fops = &pseudo_dir_fops;
		for (const struct pnode *c = n->sub; c && c->name; c++) {
			err = pseudo_add(ino, c->name, strlen(c->name), c, arg, NULL);
			if (err)
				return err;
		}
	}
	if (out)
		*out = ino;
	return 0;
}

/* Create the link name -> target, or retarget it. Return: 0 or -errno. */
int pseudo_link(struct inode *dir, const char *name, size_t len, const struct pnode *n, long arg,
		const char *target)
{
	struct inode *l = dir_lookup(dir, name, len);
	size_t tlen = strlen(target);
	char *t;

	if (l && !S_ISLNK(l->mode)) {
		pseudo_remove(dir, name, len);
		l = NULL;
	}
	if (!l) {
		int err = pseudo_add(dir, name, len, n, arg, &l);
		if (err)
			return err;
	}
	l->mode = n->mode;
	l->hook_arg = arg;
	if (strcmp(l->target, target) == 0)
		return 0;
	t = kmalloc(tlen + 1);
	if (!t)
		return -ENOMEM;
	memcpy(t, target, tlen + 1);
	kfree(l->target);
	l->target = t;
	l->size = tlen;
	return 0;
}

/* Remove name from dir, and everything below it if it is a directory. */
void pseudo_remove(struct inode *dir, const char *name, size_t len)
{
	struct inode *ino = dir_lookup(dir, name, len);
	const struct dentry *d;

	if (!ino)
		return;
	if (S_ISDIR(ino->mode)) {
		while ((d = dir_entry_from(ino, 0)) != NULL)
			pseudo_remove(ino, d->name, d->len);
	}
	dir_unlink(dir, name, len);
}

/* A process id or fd as a directory name: decimal, no sign or leading zero. */
bool pseudo_parse_id(const char *name, size_t len, long *out)
{
	long v = 0;

	if (len == 0 || len > 9 || (name[0] == '0' && len > 1))
		return false;
	for (size_t i = 0; i < len; i++) {
		if (name[i] < '0' || name[i] > '9')
			return false;
		v = v * 10 + (name[i] - '0');
	}
	*out = v;
	return true;
}

/* --- names of inodes (for cwd and fd/N links; vfs_lock held) --- */

/* The directory holding a name for ino, searched breadth-first by level. */
static struct inode *find_name(struct inode *dir, struct inode *ino, const struct dentry **out,
			       int depth)
{
	const struct dentry *d;

	for (d = dir_entry_from(dir, 0); d; d = dir_entry_next(dir, d)) {
		if (d->inode == ino) {
			*out = d;
			return dir;
		}
	}
	if (depth >= 32)
		return NULL;
	for (d = dir_entry_from(dir, 0); d; d = dir_entry_next(dir, d)) {
		struct inode *r;
		if (S_ISDIR(d->inode->mode) && (r = find_name(d->inode, ino, out, depth + 1)))
			return r;
	}
	return NULL;
}

/* Put "/name" in front of buf[*at..]. Return: 0 or -ENAMETOOLONG. */
static int prepend(char *buf, size_t *at, const char *name, size_t len)
{
	if (len + 1 > *at)
		return -ENAMETOOLONG;
	*at -= len;
	memcpy(buf + *at, name, len);
	buf[--*at] = '/';
	return 0;
}

/*
 * The absolute path of ino into buf (n bytes, NUL-terminated): directories
 * by their parent links, as getcwd; other files by searching the tree for
 * a name (ramfs inodes do not know their names), so this costs a walk of
 * the namespace. Return: the length, -ENOENT if ino has no name (removed),
 * -ENAMETOOLONG.
 */
long pseudo_path(struct inode *ino, char *buf, size_t n)
{
	const struct dentry *e;
	struct inode *d = ino;
	size_t at = n - 1;

	if (n < 2)
		return -ENAMETOOLONG;
	buf[at] = '\0';
	if (ino->nlink == 0)
		return -ENOENT;
	if (!S_ISDIR(ino->mode)) {
		d = find_name(vfs_root, ino, &e, 0);
		if (!d)
			return -ENOENT;
		if (prepend(buf, &at, e->name, e->len))
			return -ENAMETOOLONG;
	}
	for (; d != vfs_root; d = d->dir.parent) {
		e = d->nlink && d->dir.parent ? dir_find_inode(d->dir.parent, d) : NULL;
		if (!e)
			return -ENOENT;
		if (prepend(buf, &at, e->name, e->len))
			return -ENAMETOOLONG;
	}
	if (at == n - 1)
		buf[--at] = '/';
	memmove(buf, buf + at, n - at);
	return (long)(n - 1 - at);
}

/* --- /proc itself --- */

static const struct pnode self_link = { .name = "self", .mode = S_IFLNK | 0777 };
static const struct pnode thread_self_link = { .name = "thread-self", .mode = S_IFLNK | 0777 };

static bool name_is(const char *name, size_t len, const char *s)
{
	return name && strlen(s) == len && memcmp(name, s, len) == 0;
}

/*
 * The entries of /proc that depend on the process: <pid>/ (made once the
 * program runs), "self" -> "<pid>", and "thread-self" -> "<pid>/task/<tid>"
 * of whichever thread is looking.
 */
static void root_refresh(struct inode *dir, const char *name, size_t len)
{
	char pid[16], tself[48];
	size_t plen;

	if (proc.pid <= 0)
		return; /* the program has not started */
	plen = (size_t)snprintf(pid, sizeof(pid), "%d", proc.pid);
	if ((!name || name_is(name, len, pid)) && !dir_lookup(dir, pid, plen))
		pseudo_add(dir, pid, plen, &procfs_pid_node, proc.pid, NULL);
	if (!name || name_is(name, len, "self"))
		pseudo_link(dir, "self", 4, &self_link, 0, pid);
	if (!name || name_is(name, len, "thread-self")) {
		snprintf(tself, sizeof(tself), "%d/task/%d", proc.pid, thread_current()->tid);
		pseudo_link(dir, "thread-self", 11, &thread_self_link, 0, tself);
	}
}

static const struct inode_hooks root_hooks = { .refresh = root_refresh };

static const struct pnode proc_node = {
	.name = "proc", .mode = S_IFDIR | 0555, .sub = procfs_root_tab, .hooks = &root_hooks,
};

/* Make the directory top->name under / with top's tree. Takes vfs_lock. */
int pseudo_mount(const struct pnode *top)
{
	int err;

	mutex_lock(&vfs_lock);
	err = pseudo_add(vfs_root, top->name, strlen(top->name), top, 0, NULL);
	mutex_unlock(&vfs_lock);
	return err;
}

int procfs_init(void)
{
	return pseudo_mount(&proc_node);
}
