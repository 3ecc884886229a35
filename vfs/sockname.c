/*
 * sockname.c - AF_UNIX socket names in the namespace (unix(7) "pathname"
 * sockets): bind(2) makes an S_IFSOCK node, connect(2)/sendto(2) find the
 * socket bound there.
 *
 * The binding is the node's inode->priv (unused by ramfs for S_IFSOCK
 * inodes), set while the socket lives; the socket family keeps the inode
 * (with a reference) as its handle and clears the binding when it closes.
 * The node itself stays, as on Linux: it is an ordinary name that unlink
 * removes, and a socket node made by mknod(2) or the boot image, or whose
 * socket has closed, has no binding (connect gives ECONNREFUSED). Opening
 * such a node is -ENXIO (namei.c: no fops).
 *
 * Locking: vfs_lock, inside the caller's own lock. The caller (net/unix.c)
 * serializes bind, find and unbind with its lock, which is what keeps the
 * pointer vfs_find_socket returns valid: the socket cannot unbind (close)
 * while the caller holds it.
 */
#include "internal.h"

int vfs_bind_socket(const char *kpath, umode_t mode, void *sock, struct inode **node)
{
	unsigned umask = vfs_umask_get();
	struct inode *ino;
	struct walk w;
	int err = walk_begin(&w, AT_FDCWD, kpath, 0);

	if (err)
		goto out_end;
	mutex_lock(&vfs_lock);
	err = walk_path(&w, kpath, WALK_PARENT);
	if (!err && w.inode)
		err = -EADDRINUSE; /* Linux's unix_bind_bsd turns mknod's EEXIST into this */
	else if (!err && w.slash)
		err = -ENOENT;
	if (!err && sock) {
		err = ramfs_create(w.dir, w.name, w.len, S_IFSOCK | (mode & 0777 & ~umask), &ino);
		if (!err) {
			ino->priv = sock;
			inode_get(ino);
			*node = ino;
		}
	}
	mutex_unlock(&vfs_lock);
out_end:
	walk_end(&w);
	return err;
}

int vfs_find_socket(const char *kpath, void **sock)
{
	struct walk w;
	int err = walk_begin(&w, AT_FDCWD, kpath, 0);

	if (err)
		goto out_end;
	mutex_lock(&vfs_lock);
	err = walk_path(&w, kpath, WALK_FOLLOW);
	if (!err) {
		if (S_ISSOCK(w.inode->mode) && w.inode->priv && !w.inode->hooks)
			*sock = w.inode->priv;
		else
			err = -ECONNREFUSED;
	}
	mutex_unlock(&vfs_lock);
out_end:
	walk_end(&w);
	return err;
}

void vfs_unbind_socket(struct inode *node)
{
	mutex_lock(&vfs_lock);
	node->priv = NULL;
	inode_put(node);
	mutex_unlock(&vfs_lock);
}
