/*
 * ramfs.c - inodes and directories of the in-memory file system.
 *
 * Every object of the namespace is a struct inode (internal.h) allocated
 * from the kernel heap. A directory is a list of struct dentry in the order
 * the names were added; each dentry carries a sequence number that only
 * grows, and getdents uses it as its cookie, so removing or adding names
 * while a program reads the directory (rm -r does) never makes it skip or
 * repeat an untouched name. Lookups compare a hash first; directories of a
 * few thousand names are fine, bigger ones would want a hash table here.
 *
 * Link counts follow Linux: a file has one per name; a directory has one
 * for its name, one for its own "." and one per subdirectory's "..".
 * Everything here is called with vfs_lock held. Callers: path.c, namei.c,
 * attr.c, cpio.c, file.c.
 */
#include "internal.h"

struct mutex vfs_lock;
struct inode *vfs_root;
static uint64_t next_ino = 1;

struct vtime vtime_now(void)
{
	uint64_t ns = clock_realtime_ns();
	return (struct vtime){ (int64_t)(ns / 1000000000ULL), (int64_t)(ns % 1000000000ULL) };
}

struct inode *inode_new(umode_t mode)
{
	struct inode *ino = kzalloc(sizeof(*ino));
	if (!ino)
		return NULL;
	ino->ino = next_ino++;
	ino->mode = mode;
	ino->atime = ino->mtime = ino->ctime = ino->btime = vtime_now();
	if (S_ISDIR(mode))
		list_init(&ino->dir.entries);
	if (S_ISREG(mode))
		ino->fops = &ramfs_reg_fops;
	else if (S_ISDIR(mode))
		ino->fops = &ramfs_dir_fops;
	else if (S_ISLNK(mode))
		ino->fops = &ramfs_link_fops;
	return ino;
}

static void inode_free(struct inode *ino)
{
	if (S_ISREG(ino->mode))
		ramfs_data_free(ino);
	else if (S_ISLNK(ino->mode))
		kfree(ino->target);
	kfree(ino);
}

static void inode_maybe_free(struct inode *ino)
{
	if (ino->nlink == 0 && ino->refs == 0)
		inode_free(ino);
}

void inode_get(struct inode *ino)
{
	ino->refs++;
}

void inode_put(struct inode *ino)
{
	BUG_ON(ino->refs <= 0);
	ino->refs--;
	inode_maybe_free(ino);
}

void inode_touch(struct inode *ino, unsigned what)
{
	struct vtime now = vtime_now();
	if (what & T_ATIME)
		ino->atime = now;
	if (what & T_MTIME)
		ino->mtime = now;
	if (what & T_CTIME)
		ino->ctime = now;
}

void inode_fill_kstat(struct inode *ino, struct kstat *ks)
{
	memset(ks, 0, sizeof(*ks));
	ks->dev = RAMFS_DEV;
	ks->ino = ino->ino;
	ks->mode = ino->mode;
	ks->nlink = ino->nlink;
	ks->uid = ino->uid;
	ks->gid = ino->gid;
	ks->rdev = ino->rdev;
	ks->blksize = PAGE_SIZE;
	if (S_ISREG(ino->mode)) {
		ks->size = ino->size;
		ks->blocks = ramfs_data_pages(ino) * (PAGE_SIZE / 512);
	} else if (S_ISLNK(ino->mode)) {
		ks->size = ino->size;
	} else if (S_ISDIR(ino->mode)) {
		ks->size = PAGE_SIZE; /* what tmpfs-like file systems commonly show */
	}
	ks->atime = ino->atime;
	ks->mtime = ino->mtime;
	ks->ctime = ino->ctime;
	ks->btime = ino->btime;
}

/* --- directories --- */

static uint32_t name_hash(const char *s, size_t len)
{
	uint32_t h = 2166136261u; /* FNV-1a */
	for (size_t i = 0; i < len; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return h;
}

static struct dentry *dir_find(struct inode *dir, const char *name, size_t len)
{
	uint32_t h = name_hash(name, len);
	struct list *pos;

	list_for_each(pos, &dir->dir.entries) {
		struct dentry *d = container_of(pos, struct dentry, link);
		if (d->hash == h && d->len == len && memcmp(d->name, name, len) == 0)
			return d;
	}
	return NULL;
}

struct inode *dir_lookup(struct inode *dir, const char *name, size_t len)
{
	struct dentry *d = dir_find(dir, name, len);
	return d ? d->inode : NULL;
}

int dir_link(struct inode *dir, const char *name, size_t len, struct inode *ino)
{
	struct dentry *d;

	if (len == 0 || len > NAME_MAX)
		return len ? -ENAMETOOLONG : -ENOENT;
	if (dir->nlink == 0)
		return -ENOENT; /* the directory was removed */
	if (dir_find(dir, name, len))
		return -EEXIST;
	d = kmalloc(sizeof(*d) + len + 1);
	if (!d)
		return -ENOMEM;
	d->inode = ino;
	d->seq = dir->dir.next_seq++;
	d->hash = name_hash(name, len);
	d->len = (uint16_t)len;
	memcpy(d->name, name, len);
	d->name[len] = '\0';
	list_push_back(&dir->dir.entries, &d->link);
	dir->dir.count++;
	ino->nlink++;
	if (S_ISDIR(ino->mode)) {
		ino->nlink++;  /* its "." */
		dir->nlink++;  /* its ".." */
		ino->dir.parent = dir;
	}
	ino->ctime = dir->mtime = dir->ctime = vtime_now();
	return 0;
}

int dir_unlink(struct inode *dir, const char *name, size_t len)
{
	struct dentry *d = dir_find(dir, name, len);
	struct inode *ino;

	if (!d)
		return -ENOENT;
	ino = d->inode;
	list_remove(&d->link);
	kfree(d);
	dir->dir.count--;
	if (S_ISDIR(ino->mode)) {
		ino->nlink = 0; /* its name and its "." go together */
		dir->nlink--;
	} else {
		ino->nlink--;
	}
	ino->ctime = dir->mtime = dir->ctime = vtime_now();
	inode_maybe_free(ino);
	return 0;
}

bool dir_is_empty(struct inode *dir)
{
	return dir->dir.count == 0;
}

const struct dentry *dir_find_inode(struct inode *dir, struct inode *child)
{
	struct list *pos;

	list_for_each(pos, &dir->dir.entries) {
		struct dentry *d = container_of(pos, struct dentry, link);
		if (d->inode == child)
			return d;
	}
	return NULL;
}

const struct dentry *dir_entry_from(struct inode *dir, uint64_t seq)
{
	struct list *pos;

	list_for_each(pos, &dir->dir.entries) {
		struct dentry *d = container_of(pos, struct dentry, link);
		if (d->seq >= seq)
			return d;
	}
	return NULL;
}

const struct dentry *dir_entry_next(struct inode *dir, const struct dentry *d)
{
	if (d->link.next == &dir->dir.entries)
		return NULL;
	return container_of(d->link.next, struct dentry, link);
}

/* --- creating objects --- */

int ramfs_create(struct inode *dir, const char *name, size_t len, umode_t mode,
		 struct inode **out)
{
	struct inode *ino = inode_new(mode);
	int err;

	if (!ino)
		return -ENOMEM;
	err = dir_link(dir, name, len, ino);
	if (!err) /* a new file's four times are one instant, as on Linux */
		ino->atime = ino->mtime = ino->btime = ino->ctime;
	if (err) {
		kfree(ino);
		return err;
	}
	if (out)
		*out = ino;
	return 0;
}

int ramfs_symlink(struct inode *dir, const char *name, size_t len, const char *target,
		  struct inode **out)
{
	size_t tlen = strlen(target);
	struct inode *ino;
	int err;

	if (tlen == 0)
		return -ENOENT;
	if (tlen >= PATH_MAX)
		return -ENAMETOOLONG;
	ino = inode_new(S_IFLNK | 0777);
	if (!ino)
		return -ENOMEM;
	ino->target = kmalloc(tlen + 1);
	if (!ino->target) {
		kfree(ino);
		return -ENOMEM;
	}
	memcpy(ino->target, target, tlen + 1);
	ino->size = tlen;
	err = dir_link(dir, name, len, ino);
	if (err) {
		inode_free(ino);
		return err;
	}
	if (out)
		*out = ino;
	return 0;
}

/* --- rename --- */

static void reparent(struct inode *ino, struct inode *from, struct inode *to)
{
	if (!S_ISDIR(ino->mode) || from == to)
		return;
	from->nlink--;
	to->nlink++;
	ino->dir.parent = to;
}

int dir_move(struct inode *odir, const char *oname, size_t olen, struct inode *ndir,
	     const char *nname, size_t nlen)
{
	struct dentry *od = dir_find(odir, oname, olen), *nd;
	struct inode *ino;
	struct vtime now = vtime_now();

	BUG_ON(!od);
	nd = kmalloc(sizeof(*nd) + nlen + 1); /* before any change: ENOMEM leaves all as it was */
	if (!nd)
		return -ENOMEM;
	ino = od->inode;
	if (dir_find(ndir, nname, nlen))
		dir_unlink(ndir, nname, nlen);
	list_remove(&od->link);
	odir->dir.count--;
	kfree(od);
	reparent(ino, odir, ndir);
	nd->inode = ino;
	nd->seq = ndir->dir.next_seq++;
	nd->hash = name_hash(nname, nlen);
	nd->len = (uint16_t)nlen;
	memcpy(nd->name, nname, nlen);
	nd->name[nlen] = '\0';
	list_push_back(&ndir->dir.entries, &nd->link);
	ndir->dir.count++;
	ino->ctime = odir->mtime = odir->ctime = ndir->mtime = ndir->ctime = now;
	return 0;
}

void dir_exchange(struct inode *adir, const char *aname, size_t alen, struct inode *bdir,
		  const char *bname, size_t blen)
{
	struct dentry *a = dir_find(adir, aname, alen), *b = dir_find(bdir, bname, blen);
	struct inode *ai, *bi;
	struct vtime now = vtime_now();

	BUG_ON(!a || !b);
	ai = a->inode;
	bi = b->inode;
	a->inode = bi;
	b->inode = ai;
	reparent(ai, adir, bdir);
	reparent(bi, bdir, adir);
	ai->ctime = bi->ctime = adir->mtime = adir->ctime = bdir->mtime = bdir->ctime = now;
}
