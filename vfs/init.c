/*
 * init.c - the namespace at boot.
 *
 * vfs_init() builds the tree a Linux program expects before the boot image
 * is unpacked over it: / (ramfs), /dev with its device nodes (devfs.c),
 * /dev/shm and /tmp (sticky, world-writable, as on a Linux system where
 * they are tmpfs: here they are simply ramfs directories), and /proc and
 * /sys (procfs.c, sysfs.c). Then it opens
 * /dev/console once and gives that one open file descriptors 0, 1 and 2,
 * as Linux's init does, so the three share an offset and status flags.
 * Called by kernel_main once, before vfs_unpack_cpio().
 */
#include "internal.h"

static const struct {
	const char *path;
	umode_t mode;
} boot_dirs[] = {
	{ "dev", 0755 }, { "dev/shm", 01777 }, { "tmp", 01777 },
};

static int make_tree(void)
{
	struct inode *dev = NULL;
	int err;

	vfs_root = inode_new(S_IFDIR | 0755);
	if (!vfs_root)
		return -ENOMEM;
	vfs_root->nlink = 2;            /* its "." and its own ".." */
	vfs_root->dir.parent = vfs_root;
	inode_get(vfs_root);            /* held by vfs_cwd */
	vfs_cwd = vfs_root;
	for (size_t i = 0; i < ARRAY_SIZE(boot_dirs); i++) {
		const char *path = boot_dirs[i].path, *slash = strchr(path, '/');
		struct inode *parent = slash ? dev : vfs_root, *ino;
		const char *name = slash ? slash + 1 : path;

		err = ramfs_create(parent, name, strlen(name), S_IFDIR | boot_dirs[i].mode, &ino);
		if (err)
			return err;
		if (!slash && strcmp(name, "dev") == 0)
			dev = ino;
	}
	return devfs_populate(dev);
}

int vfs_init(void)
{
	struct file *con;
	int err;

	mutex_init(&vfs_lock);
	mutex_lock(&vfs_lock);
	err = make_tree();
	mutex_unlock(&vfs_lock);
	if (!err)
		err = procfs_init();
	if (!err)
		err = sysfs_init();
	if (err)
		return err;
	err = vfs_openat(AT_FDCWD, "/dev/console", O_RDWR, 0, &con);
	if (err)
		return err;
	for (int fd = 0; fd < 3; fd++) {
		if (fd > 0)
			file_get(con);
		err = fd_install(con, 0);
		if (err != fd) {
			file_put(con);
			return err < 0 ? err : -EBUSY;
		}
	}
	return 0;
}
