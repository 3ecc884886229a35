/*
 * procfs_fd.c - /proc/<pid>/fd and /proc/<pid>/fdinfo: the descriptor
 * table seen as files.
 *
 * fd/N is a symlink whose text names what descriptor N has open, as Linux
 * writes it: the absolute path of a named file or directory, "pipe:[ino]",
 * "socket:[ino]", or "anon_inode:[NAME]" for files made by vfs_file_anon
 * whose file_ops carry a name (eventfd, eventpoll, timerfd...). Its
 * permission bits say how the file is open (lr-x, l-wx, lrwx), as Linux's.
 * It is also a magic link: a path walk through it goes to the open file's
 * inode (procfs.c, path.c), so open("/proc/self/fd/3") reopens the file
 * -- a fresh open file description with its own offset, as on Linux -- and
 * "/proc/self/fd/3/x" works when 3 is a directory. A pipe, socket or
 * anonymous file has no name to be opened by again; the walk then lands
 * on a per-descriptor proxy inode whose open hands out the open file
 * itself (shared offset and flags: the BSD /dev/fd behaviour that devfs.c
 * gives /dev/stdin, where Linux would make a new description).
 *
 * fdinfo/N is a generated file: pos, flags (octal, with O_CLOEXEC when
 * the descriptor has it), mnt_id and ino, Linux's first four lines.
 *
 * Both directories are refreshed one name at a time on lookup and all at
 * once on listing (procfs.c). The descriptor table is read with fd_peek:
 * no file references are taken, because dropping a last one here (with
 * vfs_lock held) would deadlock in file_put. An inode seen through
 * fd_peek stays valid while vfs_lock is held: freeing it takes vfs_lock.
 *
 * A named file's path is found by searching the namespace (ramfs inodes
 * do not record their names; pseudo_path), done only for the descriptor
 * looked up, or for every one when the directory is listed.
 */
#include "internal.h"

struct fdpeek {
	struct inode *inode;
	uint64_t ino;
	const char *name;    /* the file_ops' name, for anonymous files */
	unsigned fmode, flags;
	uint64_t pos;
	bool cloexec;
};

static void peek_fn(struct file *f, bool cloexec, void *arg)
{
	struct fdpeek *p = arg;

	p->inode = f->inode;
	p->ino = f->inode->ino;
	p->name = f->ops ? f->ops->name : NULL;
	p->fmode = f->fmode;
	p->flags = f->flags;
	p->pos = f->pos;
	p->cloexec = cloexec;
}

static bool peek(long fd, struct fdpeek *p)
{
	return fd >= 0 && fd < VFS_MAX_FDS && fd_peek((int)fd, peek_fn, p) == 0;
}

/* --- fd/N --- */

/* What readlink shows for the open file p (vfs_lock held). */
static void link_text(const struct fdpeek *p, char *buf, size_t n)
{
	struct inode *ino = p->inode;
	long r;

	if (ino->nlink == 0 && S_ISFIFO(ino->mode))
		snprintf(buf, n, "pipe:[%lu]", ino->ino);
	else if (ino->nlink == 0 && S_ISSOCK(ino->mode))
		snprintf(buf, n, "socket:[%lu]", ino->ino);
	else if (ino->nlink == 0 && ((ino->mode & S_IFMT) == 0 || p->name))
		snprintf(buf, n, "anon_inode:[%s]", p->name ? p->name : "?");
	else if ((r = pseudo_path(ino, buf, n)) == -ENOENT)
		snprintf(buf, n, "(deleted)"); /* an unlinked file: Linux shows "path (deleted)" */
	else if (r < 0)
		snprintf(buf, n, "(unreachable)"); /* a path longer than buf */
}

long vfs_file_path(struct file *f, char *buf, size_t n)
{
	struct fdpeek p = { .inode = f->inode, .name = f->ops ? f->ops->name : NULL };

	if (n == 0)
		return 0;
	mutex_lock(&vfs_lock);
	link_text(&p, buf, n);
	mutex_unlock(&vfs_lock);
	return (long)strlen(buf);
}

static const struct pnode fd_link;

/* Bring the entry of descriptor fd up to date; retarget: recompute its text. */
static void fd_sync(struct inode *dir, long fd, bool retarget)
{
	char name[16], *text;
	size_t len = (size_t)snprintf(name, sizeof(name), "%ld", fd);
	struct fdpeek p;
	struct inode *l;

	if (!peek(fd, &p)) {
		pseudo_remove(dir, name, len);
		return;
	}
	if (!retarget && dir_lookup(dir, name, len))
		return;
	text = kmalloc(PATH_MAX);
	if (!text)
		return;
	link_text(&p, text, PATH_MAX);
	if (pseudo_link(dir, name, len, &fd_link, fd, text) == 0 &&
	    (l = dir_lookup(dir, name, len)) != NULL)
		l->mode = (umode_t)(S_IFLNK | ((p.fmode & FMODE_READ) ? 0500 : 0) |
				    ((p.fmode & FMODE_WRITE) ? 0300 : 0));
	kfree(text);
}

static void fd_refresh(struct inode *dir, const char *name, size_t len)
{
	long fd;

	if (!name) {
		for (fd = 0; fd < VFS_MAX_FDS; fd++)
			fd_sync(dir, fd, false);
	} else if (pseudo_parse_id(name, len, &fd) && fd < VFS_MAX_FDS) {
		fd_sync(dir, fd, true);
	}
}

/* The proxy's open: the open file at the descriptor itself (see the top). */
static int proxy_open(struct inode *ino, struct file **fp)
{
	struct file *target = fd_get((int)ino->hook_arg);

	if (!target)
		return -ENOENT;
	file_put(*fp);
	*fp = target;
	return 0;
}

static const struct file_ops proxy_fops = { .open = proxy_open };
static struct inode *proxies[VFS_MAX_FDS]; /* made on first use, never freed; vfs_lock */

static struct inode *fd_follow(struct inode *link)
{
	long fd = link->hook_arg;
	struct inode *px;
	struct fdpeek p;

	if (!peek(fd, &p))
		return NULL;
	if (p.inode->nlink > 0 || p.inode->fops == &ramfs_reg_fops)
		return p.inode; /* it has a name (or is an unlinked ramfs file): open it again */
	px = proxies[fd];
	if (!px) {
		px = inode_new(p.inode->mode);
		if (!px)
			return NULL;
		inode_get(px);
		px->fops = &proxy_fops;
		px->hook_arg = fd;
		proxies[fd] = px;
	}
	/* what stat() through the link shows: the open file's identity */
	px->mode = p.inode->mode;
	px->ino = p.inode->ino;
	px->uid = p.inode->uid;
	px->gid = p.inode->gid;
	px->atime = p.inode->atime;
	px->mtime = p.inode->mtime;
	px->ctime = p.inode->ctime;
	return px;
}

static const struct inode_hooks fd_link_hooks = { .follow = fd_follow };
static const struct pnode fd_link = { .name = "fd", .mode = S_IFLNK | 0700,
				      .hooks = &fd_link_hooks };
const struct inode_hooks procfs_fd_hooks = { .refresh = fd_refresh };

/* --- fdinfo/N --- */

static int show_fdinfo(struct sbuf *sb, long fd)
{
	struct fdpeek p;

	if (!peek(fd, &p))
		return -ENOENT;
	sb_printf(sb, "pos:\t%lu\nflags:\t0%o\nmnt_id:\t%d\nino:\t%lu\n", p.pos,
		  p.flags | (p.cloexec ? O_CLOEXEC : 0), 1, p.ino);
	return 0;
}

static const struct pnode fdinfo_file = { .name = "fdinfo", .mode = S_IFREG | 0444,
					  .show = show_fdinfo };

static void fdinfo_sync(struct inode *dir, long fd)
{
	char name[16];
	size_t len = (size_t)snprintf(name, sizeof(name), "%ld", fd);
	bool open = fd_peek((int)fd, peek_fn, &(struct fdpeek){ 0 }) == 0;
	bool listed = dir_lookup(dir, name, len) != NULL;

	if (open && !listed)
		pseudo_add(dir, name, len, &fdinfo_file, fd, NULL);
	else if (!open && listed)
		pseudo_remove(dir, name, len);
}

static void fdinfo_refresh(struct inode *dir, const char *name, size_t len)
{
	long fd;

	if (!name) {
		for (fd = 0; fd < VFS_MAX_FDS; fd++)
			fdinfo_sync(dir, fd);
	} else if (pseudo_parse_id(name, len, &fd) && fd < VFS_MAX_FDS) {
		fdinfo_sync(dir, fd);
	}
}

const struct inode_hooks procfs_fdinfo_hooks = { .refresh = fdinfo_refresh };
