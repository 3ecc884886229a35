/*
 * cpio.c - unpacking the boot image, a cpio archive in the "newc" format
 * (magic 070701) or its "crc" variant (070702, whose checksum is ignored),
 * as written by `cpio -H newc` and described in cpio(5) and Linux's
 * Documentation/driver-api/early-userspace/buffer-format.rst.
 *
 * Format: each entry is a 110-byte ASCII header (the magic, then 13 fields
 * of 8 hex digits: ino, mode, uid, gid, nlink, mtime, filesize, devmajor,
 * devminor, rdevmajor, rdevminor, namesize, check), the NUL-terminated
 * name (namesize bytes including the NUL), padding to a multiple of 4
 * from the start of the archive, the data (filesize bytes: file contents,
 * or a symlink's target), and padding to 4 again. The entry named
 * "TRAILER!!!" ends the archive.
 *
 * The archive is untrusted: every field is checked before use and every
 * offset is checked against len before anything is read, so a truncated
 * or lying archive gives -EINVAL, never an out-of-bounds read. Names are
 * taken relative to / (leading "/" and "./" are dropped) and a ".."
 * component is refused. Entries go in through the ordinary namespace
 * operations (namei.c, attr.c), which create missing parents' absence as
 * -ENOENT: parents are then made (0755) and the entry retried. An entry
 * replaces a non-directory already at its name, except that a directory
 * entry keeps an existing symlink to a directory, as Linux's initramfs
 * unpacker does (merged-/usr images). Hard links (nlink > 1 and
 * the same ino) become real links; newc stores the data with the last of
 * them. Directory mtimes are set at the end, since adding their contents
 * changes them.
 */
#include "internal.h"

#define HDR_LEN 110
#define NFIELDS 13
enum { F_INO, F_MODE, F_UID, F_GID, F_NLINK, F_MTIME, F_FILESIZE, F_DEVMAJ, F_DEVMIN,
       F_RDEVMAJ, F_RDEVMIN, F_NAMESIZE, F_CHECK };

struct seen {            /* a hard-link group's first name, or a directory to date */
	uint32_t ino, devmaj, devmin;
	uint32_t mtime;
	char *path;
};

struct unpack {
	struct seen *links;  /* hard-link groups seen so far */
	size_t nlinks, cap_links;
	struct seen *dirs;   /* directories (path, mtime in .ino) to date at the end */
	size_t ndirs, cap_dirs;
};

static int parse_header(const char *h, uint32_t f[NFIELDS])
{
	if (memcmp(h, "07070", 5) != 0 || (h[5] != '1' && h[5] != '2'))
		return -EINVAL;
	for (int i = 0; i < NFIELDS; i++) {
		uint32_t v = 0;
		for (int j = 0; j < 8; j++) {
			char c = h[6 + i * 8 + j];
			unsigned d;
			if (c >= '0' && c <= '9')
				d = (unsigned)(c - '0');
			else if (c >= 'a' && c <= 'f')
				d = (unsigned)(c - 'a' + 10);
			else if (c >= 'A' && c <= 'F')
				d = (unsigned)(c - 'A' + 10);
			else
				return -EINVAL;
			v = v << 4 | d;
		}
		f[i] = v;
	}
	return 0;
}

/* Make name (kernel, absolute) usable: drop leading "/" and "./", refuse "..". */
static int clean_name(const char *name, char *out)
{
	const char *p = name;

	for (;;) {
		if (*p == '/')
			p++;
		else if (p[0] == '.' && (p[1] == '/' || p[1] == '\0'))
			p += 1;
		else
			break;
	}
	for (const char *c = p; *c;) {
		const char *e = c;
		while (*e && *e != '/')
			e++;
		if (e - c == 2 && c[0] == '.' && c[1] == '.')
			return -EINVAL;
		c = *e ? e + 1 : e;
	}
	out[0] = '/';
	strlcpy(out + 1, p, PATH_MAX - 1);
	return 0;
}

static int grow(struct seen **arr, size_t *n, size_t *cap)
{
	struct seen *a;

	if (*n < *cap)
		return 0;
	a = kmalloc(sizeof(*a) * (*cap ? *cap * 2 : 16));
	if (!a)
		return -ENOMEM;
	if (*n)
		memcpy(a, *arr, sizeof(*a) * *n);
	kfree(*arr);
	*arr = a;
	*cap = *cap ? *cap * 2 : 16;
	return 0;
}

/* Append key with a copy of path to *arr. */
static int remember(struct seen **arr, size_t *n, size_t *cap, struct seen key, const char *path)
{
	size_t len = strlen(path);
	char *copy;

	if (grow(arr, n, cap))
		return -ENOMEM;
	copy = kmalloc(len + 1);
	if (!copy)
		return -ENOMEM;
	memcpy(copy, path, len + 1);
	key.path = copy;
	(*arr)[(*n)++] = key;
	return 0;
}

/* mkdir -p of path's parent directories (0755). */
static int make_parents(char *path)
{
	for (char *s = path + 1; (s = strchr(s, '/')); s++) {
		int err;
		*s = '\0';
		err = vfs_mkdirat(AT_FDCWD, path, 0755);
		*s = '/';
		if (err && err != -EEXIST)
			return err;
	}
	return 0;
}

/* Remove what is at path unless it is a directory. Return: 0, or -EEXIST for a directory. */
static int clear_slot(const char *path)
{
	struct kstat ks;

	if (vfs_statat(AT_FDCWD, path, 0, &ks))
		return 0;
	if (S_ISDIR(ks.mode))
		return -EEXIST;
	return vfs_unlinkat(AT_FDCWD, path, 0);
}

static int write_data(const char *path, const char *data, uint32_t size, bool trunc)
{
	struct file *f;
	long r = vfs_openat(AT_FDCWD, path, O_WRONLY | (trunc ? O_TRUNC : 0), 0, &f);

	if (r)
		return (int)r;
	r = size ? vfs_kwrite(f, data, size, 0) : 0;
	file_put(f);
	if (r >= 0 && r != size)
		r = -ENOSPC;
	return r < 0 ? (int)r : 0;
}

/* Create the object of one entry at path (parents exist). */
static int create_one(struct unpack *u, const char *path, const uint32_t *f, const char *data)
{
	umode_t mode = (umode_t)f[F_MODE];
	struct file *file;
	char *target;
	int err;

	switch (mode & S_IFMT) {
	case S_IFDIR:
		err = vfs_mkdirat(AT_FDCWD, path, 0700);
		if (err == -EEXIST) {
			/* keep a directory, or a symlink to one (merged /usr: lib -> usr/lib) */
			struct kstat ks;
			if (vfs_statat(AT_FDCWD, path, WALK_FOLLOW, &ks) == 0 && S_ISDIR(ks.mode))
				err = 0;
			else if (!(err = vfs_unlinkat(AT_FDCWD, path, 0)))
				err = vfs_mkdirat(AT_FDCWD, path, 0700);
		}
		return err ? err : remember(&u->dirs, &u->ndirs, &u->cap_dirs,
						     (struct seen){ .mtime = f[F_MTIME] }, path);
	case S_IFREG:
		if (f[F_NLINK] > 1) {
			for (size_t i = 0; i < u->nlinks; i++) {
				struct seen *s = &u->links[i];
				if (s->ino == f[F_INO] && s->devmaj == f[F_DEVMAJ] &&
				    s->devmin == f[F_DEVMIN] &&
				    vfs_linkat(AT_FDCWD, s->path, AT_FDCWD, path, 0) == 0)
					return write_data(path, data, f[F_FILESIZE], f[F_FILESIZE] > 0);
			}
			err = remember(&u->links, &u->nlinks, &u->cap_links,
				       (struct seen){ f[F_INO], f[F_DEVMAJ], f[F_DEVMIN], 0, NULL },
				       path);
			if (err)
				return err;
		}
		err = vfs_openat(AT_FDCWD, path, O_WRONLY | O_CREAT | O_EXCL, 0600, &file);
		if (err)
			return err;
		file_put(file);
		return write_data(path, data, f[F_FILESIZE], false);
	case S_IFLNK:
		if (f[F_FILESIZE] == 0 || f[F_FILESIZE] >= PATH_MAX ||
		    strnlen(data, f[F_FILESIZE]) != f[F_FILESIZE])
			return -EINVAL;
		target = kmalloc(f[F_FILESIZE] + 1);
		if (!target)
			return -ENOMEM;
		memcpy(target, data, f[F_FILESIZE]);
		target[f[F_FILESIZE]] = '\0';
		err = vfs_symlinkat(target, AT_FDCWD, path);
		kfree(target);
		return err;
	case S_IFCHR: case S_IFBLK: case S_IFIFO: case S_IFSOCK:
		return vfs_mknodat(AT_FDCWD, path, mode & S_IFMT,
				   MKDEV(f[F_RDEVMAJ], f[F_RDEVMIN]));
	default:
		return -EINVAL;
	}
}

static int unpack_entry(struct unpack *u, const char *name, const uint32_t *f, const char *data)
{
	umode_t mode = (umode_t)f[F_MODE];
	struct vtime t[2] = { { f[F_MTIME], 0 }, { f[F_MTIME], 0 } };
	char *path = kmalloc(PATH_MAX);
	int err;

	if (!path)
		return -ENOMEM;
	err = clean_name(name, path);
	if (err || strcmp(path, "/") == 0)
		goto out; /* the root itself ("."): keep ours */
	if (!S_ISDIR(mode))
		err = clear_slot(path);
	if (!err) {
		err = create_one(u, path, f, data);
		if (err == -ENOENT) {
			err = make_parents(path);
			if (!err)
				err = create_one(u, path, f, data);
		}
	}
	if (!err && !S_ISLNK(mode))
		err = vfs_chmodat(AT_FDCWD, path, mode & 07777, 0);
	if (!err)
		err = vfs_chownat(AT_FDCWD, path, f[F_UID], f[F_GID], 0);
	if (!err && !S_ISDIR(mode))
		err = vfs_utimensat(AT_FDCWD, path, t, 0);
out:
	kfree(path);
	return err;
}

static void unpack_finish(struct unpack *u)
{
	for (size_t i = u->ndirs; i-- > 0;) {
		struct vtime t[2] = { { u->dirs[i].mtime, 0 }, { u->dirs[i].mtime, 0 } };
		vfs_utimensat(AT_FDCWD, u->dirs[i].path, t, 0);
		kfree(u->dirs[i].path);
	}
	for (size_t i = 0; i < u->nlinks; i++)
		kfree(u->links[i].path);
	kfree(u->dirs);
	kfree(u->links);
}

int vfs_unpack_cpio(const void *buf, size_t len)
{
	const char *a = buf;
	struct unpack u = { 0 };
	size_t off = 0;
	int err;

	for (;;) {
		uint32_t f[NFIELDS];
		size_t name_off, data_off, next;
		const char *name;

		if (len - off < HDR_LEN) { /* off <= len always holds */
			err = -EINVAL;
			break;
		}
		err = parse_header(a + off, f);
		if (err)
			break;
		name_off = off + HDR_LEN;
		if (f[F_NAMESIZE] == 0 || f[F_NAMESIZE] > PATH_MAX ||
		    f[F_NAMESIZE] > len - name_off) {
			err = -EINVAL;
			break;
		}
		name = a + name_off;
		if (strnlen(name, f[F_NAMESIZE]) != f[F_NAMESIZE] - 1) {
			err = -EINVAL; /* no NUL at the end, or one before it */
			break;
		}
		data_off = ALIGN_UP(name_off + f[F_NAMESIZE], (size_t)4);
		if (strcmp(name, "TRAILER!!!") == 0)
			break;
		if (data_off > len || f[F_FILESIZE] > len - data_off) {
			err = -EINVAL;
			break;
		}
		next = ALIGN_UP(data_off + f[F_FILESIZE], (size_t)4);
		err = unpack_entry(&u, name, f, a + data_off);
		if (err) {
			printk("cpio: entry \"%s\" at offset %lu: error %d\n", name,
			       (unsigned long)off, err);
			break;
		}
		off = MIN(next, len);
	}
	unpack_finish(&u);
	return err;
}
