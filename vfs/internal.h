/*
 * internal.h - what the files of vfs/ share and nobody else uses: inodes,
 * directory entries, the namespace lock, the path walk, and the mechanism
 * functions behind the sys_* handlers.
 */
#ifndef KEEL_VFS_INTERNAL_H
#define KEEL_VFS_INTERNAL_H

#include "vfs.h"
#include "klib.h"
#include "mm.h"
#include "list.h"
#include "uaccess.h"
#include <asm-generic/errno.h>
#include <linux/fs.h>

/* kernel/clock.c: wall-clock time, nanoseconds since the Unix epoch */
uint64_t clock_realtime_ns(void);

/*
 * vfs_lock - the namespace lock. It protects every field of every inode
 * (including directory lists and file pages), the root, the current
 * directory and the umask. Taken by path walks and every inode operation;
 * it is a mutex (may sleep) and is never held across a user copy.
 */
extern struct mutex vfs_lock;

struct vtime {
	int64_t sec;
	int64_t nsec;
};

/* one name in a directory; protected by vfs_lock */
struct dentry {
	struct list link;      /* in dir.entries, in insertion (seq) order */
	struct inode *inode;   /* counted in inode->nlink */
	uint64_t seq;          /* increasing within the directory: getdents cookie */
	uint32_t hash;
	uint16_t len;
	char name[];           /* NUL-terminated */
};

/* file pages of a regular file: a radix tree of page-sized nodes */
struct radix {
	void *root;            /* leaf page (height 1) or node of 512 pointers */
	unsigned height;       /* 0: empty; h covers 512^h pages (h <= 6 for 63-bit sizes) */
	uint64_t nr_pages;     /* data pages present */
	int nr_mmaps;          /* MAP_SHARED mappings of these pages (atomic); while
				* nonzero, truncation zeroes pages instead of freeing them */
};

/*
 * struct inode_hooks - what makes an inode synthetic (procfs, sysfs): what
 * it shows is computed from kernel state when it is looked at, not stored.
 * procfs.c sets them on its directories and links; they are NULL on every
 * other inode. Both are called with vfs_lock held and must not sleep on
 * anything ordered outside it (see the lock order in vfs.h).
 *   refresh  (directories) make the entry name[0..len), or every entry when
 *            name is NULL, match the state it shows -- add, remove or
 *            retarget it -- before walk_path looks it up (name) or getdents
 *            lists the directory (NULL). Untouched entries keep their seq.
 *   follow   (symlinks) a "magic link", as Linux's /proc/self/fd/N: walking
 *            through it goes straight to the inode returned (valid while
 *            vfs_lock is held), whatever readlink shows. NULL: -ENOENT.
 * A directory with hooks is read-only to path operations: walk_path refuses
 * to create, remove or rename names in it (-EPERM; -EACCES for O_CREAT),
 * as Linux's procfs does.
 */
struct inode_hooks {
	void (*refresh)(struct inode *dir, const char *name, size_t len);
	struct inode *(*follow)(struct inode *link);
};

/*
 * struct inode - one ramfs object. All fields are protected by vfs_lock.
 * Lifetime: it lives while it has a name (nlink > 0) or a holder (refs:
 * open files, the current directory, a path walk in progress); the one of
 * inode_put()/dir_unlink() that brings both to zero frees it.
 */
struct inode {
	uint64_t ino;
	umode_t mode;                  /* S_IF* type and permission bits */
	uint32_t nlink;                /* directories: 2 + subdirectories while linked */
	uint32_t uid, gid;
	uint32_t rdev;                 /* devices: Linux's new_encode_dev() layout */
	uint64_t size;
	int refs;
	struct vtime atime, mtime, ctime, btime;
	const struct file_ops *fops;   /* what open() of this inode gives */
	/* synthetic inodes only (procfs.c): fixed at creation; NULL/0 elsewhere */
	const struct inode_hooks *hooks;
	const void *hook_data;         /* the owner's: procfs's struct pnode */
	long hook_arg;                 /* the owner's: a pid, tid or fd */
	union {
		struct {                   /* S_IFDIR */
			struct list entries;
			uint64_t next_seq;
			uint32_t count;
			struct inode *parent;  /* ".."; the root is its own parent */
		} dir;
		struct radix pages;        /* S_IFREG */
		char *target;              /* S_IFLNK: NUL-terminated, size = strlen */
		void *priv;                /* anonymous inodes: unused by vfs */
	};
};

/* the same information as struct stat/statx, taken under vfs_lock */
struct kstat {
	uint64_t dev, ino, rdev, size, blocks;
	uint32_t mode, nlink, uid, gid, blksize;
	struct vtime atime, mtime, ctime, btime;
};

/* device numbers, as Linux's new_encode_dev() */
#define MKDEV(ma, mi) ((((ma) & 0xfffu) << 8) | ((mi) & 0xffu) | (((mi) & ~0xffu) << 12))
#define DEV_MAJOR(d) (((d) >> 8) & 0xfffu)
#define DEV_MINOR(d) (((d) & 0xffu) | (((d) >> 12) & 0xfff00u))
#define RAMFS_DEV MKDEV(0, 1)   /* st_dev of every ramfs inode */

/* inode_touch() bits */
#define T_ATIME 1
#define T_MTIME 2
#define T_CTIME 4

/* ramfs.c: inodes and directories (vfs_lock held for all) */
extern struct inode *vfs_root;
struct vtime vtime_now(void);
/* A new inode with nlink 0 and refs 0 (so the caller links or gets it). */
struct inode *inode_new(umode_t mode);
void inode_get(struct inode *ino);
void inode_put(struct inode *ino);
void inode_touch(struct inode *ino, unsigned what);
void inode_fill_kstat(struct inode *ino, struct kstat *ks);
/* Return: the inode named name[0..len) in dir (not "." or ".."), or NULL. */
struct inode *dir_lookup(struct inode *dir, const char *name, size_t len);
/* Add name -> ino. Return: 0, -EEXIST, -ENOENT (dir removed), -ENOMEM. */
int dir_link(struct inode *dir, const char *name, size_t len, struct inode *ino);
/* Remove name; frees the inode if that was its last link and holder. */
int dir_unlink(struct inode *dir, const char *name, size_t len);
/* rename(2) on entries that the caller has checked; replaces (unlinks) an
 * existing new name. Return: 0 or -ENOMEM (nothing changed then). */
int dir_move(struct inode *odir, const char *oname, size_t olen, struct inode *ndir,
	     const char *nname, size_t nlen);
/* RENAME_EXCHANGE: swap what two existing names point to. */
void dir_exchange(struct inode *adir, const char *aname, size_t alen, struct inode *bdir,
		  const char *bname, size_t blen);
bool dir_is_empty(struct inode *dir);
/* The name of child in dir (a linked directory), or NULL. */
const struct dentry *dir_find_inode(struct inode *dir, struct inode *child);
/* The first entry with seq >= seq, or NULL. */
const struct dentry *dir_entry_from(struct inode *dir, uint64_t seq);
const struct dentry *dir_entry_next(struct inode *dir, const struct dentry *d);
/* Create name in dir: mode gives the type. Return: 0 and *out, or -errno. */
int ramfs_create(struct inode *dir, const char *name, size_t len, umode_t mode,
		 struct inode **out);
int ramfs_symlink(struct inode *dir, const char *name, size_t len, const char *target,
		  struct inode **out);

/* ramfs_data.c: regular file contents (vfs_lock held) */
long ramfs_read(struct inode *ino, void *kdst, size_t n, uint64_t off);
long ramfs_write(struct inode *ino, const void *ksrc, size_t n, uint64_t off);
int ramfs_truncate(struct inode *ino, uint64_t size);
void ramfs_data_free(struct inode *ino);
uint64_t ramfs_data_pages(const struct inode *ino);

/* path.c: the path walk (vfs_lock held across walk_path) */
extern struct inode *vfs_cwd;     /* protected by vfs_lock; holds a reference */
#define WALK_FOLLOW 0x1   /* follow a symlink in the last component */
#define WALK_PARENT 0x2   /* unlink/rename/mkdir...: the last component may be missing,
			   * is never followed, and a trailing '/' is left to the caller */
#define WALK_CREATE 0x4   /* open(O_CREAT): the last component may be missing */
#define WALK_EMPTY 0x8    /* AT_EMPTY_PATH: "" names the dirfd itself */

enum last_type { LAST_NORM, LAST_DOT, LAST_DOTDOT, LAST_ROOT, LAST_EMPTY };

struct walk {
	struct file *dirf;        /* the dirfd's file, referenced (walk_begin .. walk_end) */
	char *buf, *tmp;          /* PATH_MAX each: the path left to walk */
	/* results */
	struct inode *dir;        /* directory holding the last component */
	struct inode *inode;      /* what the path names, or NULL (WALK_PARENT only) */
	enum last_type type;
	bool slash;               /* the path ended in '/' (after the last name) */
	size_t len;               /* last component: name[0..len) */
	char name[NAME_MAX + 1];
};
/* Take the dirfd (unless path is absolute) and buffers; no lock held. */
int walk_begin(struct walk *w, int dirfd, const char *path, unsigned flags);
/* Walk kpath with vfs_lock held. Return: 0 or -errno (see path.c). */
int walk_path(struct walk *w, const char *kpath, unsigned flags);
void walk_end(struct walk *w);
/* AT_* flags of *at calls to WALK_* flags; -EINVAL for unknown bits in allowed. */
int walk_flags_from_at(int atflags, int allowed, unsigned *wflags);
/* Copy a path from the program. Return: a kmalloc'd PATH_MAX buffer or ERR. */
long path_from_user(const char *upath, char **out);

/* namei.c: operations by path (kernel strings); each takes vfs_lock */
int vfs_openat(int dirfd, const char *path, int flags, umode_t mode, struct file **out);
int vfs_mkdirat(int dirfd, const char *path, umode_t mode);
int vfs_mknodat(int dirfd, const char *path, umode_t mode, unsigned dev);
int vfs_unlinkat(int dirfd, const char *path, int flags);
int vfs_renameat2(int odfd, const char *oldp, int ndfd, const char *newp, unsigned flags);
int vfs_linkat(int odfd, const char *oldp, int ndfd, const char *newp, int flags);
int vfs_symlinkat(const char *target, int dirfd, const char *path);
long vfs_readlinkat(int dirfd, const char *path, char *kbuf, size_t n);

/* attr.c: attributes by path (path NULL: the dirfd itself, as futimens) */
int vfs_statat(int dirfd, const char *path, unsigned wflags, struct kstat *ks);
int vfs_accessat(int dirfd, const char *path, int mode, unsigned wflags);
int vfs_chmodat(int dirfd, const char *path, umode_t mode, unsigned wflags);
int vfs_chownat(int dirfd, const char *path, uint32_t uid, uint32_t gid, unsigned wflags);
int vfs_utimensat(int dirfd, const char *path, const struct vtime t[2], unsigned wflags);
int vfs_truncate_path(const char *path, uint64_t size);
int vfs_chdir(int dirfd, const char *path, unsigned wflags);
long vfs_getcwd(char *kbuf, size_t n);
unsigned vfs_umask(unsigned mask);  /* set; Return: the old mask */
unsigned vfs_umask_get(void);       /* /proc/self/status */
void vfs_statfs_fill(struct statfs *sf);

/* file.c */
struct file *file_alloc(struct inode *ino, const struct file_ops *ops, int flags);
int file_stat(struct file *f, struct kstat *ks);
void kstat_to_stat(const struct kstat *ks, struct stat *st);
extern const struct file_ops ramfs_reg_fops, ramfs_dir_fops, ramfs_link_fops;
extern const struct file_ops fifo_fops; /* pipe.c: named pipes */

/* file_rw.c: the I/O paths shared by read/write/sendfile/vfs_kread */
/* pos == NULL: use and advance f->pos (under pos_lock). */
long file_read(struct file *f, void *buf, size_t n, uint64_t *pos, unsigned io);
long file_write(struct file *f, const void *buf, size_t n, uint64_t *pos, unsigned io);
long file_lseek(struct file *f, int64_t off, int whence);
int file_truncate(struct file *f, uint64_t size);
long file_getdents(struct file *f, void *ubuf, size_t n);
#define MAX_RW_COUNT 0x7ffff000L   /* read(2): Linux's per-call maximum */

/* fd.c */
int fd_install_min(struct file *f, int minfd, unsigned flags);
int fd_dup2(int oldfd, int newfd, unsigned flags);
int fd_close(int fd);
int fd_close_range(unsigned first, unsigned last, bool cloexec_only);
int fd_get_cloexec(int fd);          /* 0/1, or -EBADF */
int fd_set_cloexec(int fd, bool on);
void fd_table_reset(void);           /* host tests: close everything */
/*
 * Call fn on the file open at fd under fd_lock, without taking a reference:
 * procfs looks at open files with vfs_lock held, where dropping a last
 * reference (file_put takes vfs_lock) would deadlock. fn must not sleep or
 * keep f. Return: 0, or -EBADF if fd is not open.
 */
int fd_peek(int fd, void (*fn)(struct file *f, bool cloexec, void *arg), void *arg);

/* devfs.c / tty.c / pipe.c */
const struct file_ops *devfs_fops(uint32_t rdev);
int devfs_populate(struct inode *dev);
extern const struct file_ops tty_fops;
int pipe_create(int flags, struct file **rd, struct file **wr);
long pipe_fcntl_size(struct file *f, bool set, unsigned long arg);

/*
 * procfs.c: the synthetic trees under /proc and /sys (procfs*.c, sysfs.c).
 * A tree is described by static tables of struct pnode and built of
 * ordinary ramfs inodes marked with hooks (struct inode_hooks); see
 * procfs.c for the design.
 */
struct sbuf {                    /* a growing text buffer, kmalloc'd */
	char *buf;
	size_t len, cap;
	bool oom;                    /* an allocation failed: the text is cut short */
};
void sb_printf(struct sbuf *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void sb_write(struct sbuf *sb, const void *p, size_t n);

struct pnode {
	const char *name;            /* NULL ends a table */
	umode_t mode;                /* S_IFREG, S_IFDIR or S_IFLNK, and permissions */
	/* S_IFREG: the contents, made at open (arg: the inode's hook_arg). Return: 0 or -errno */
	int (*show)(struct sbuf *sb, long arg);
	const char *text;            /* S_IFREG without show: fixed contents */
	/* S_IFREG: a write of n bytes (NUL-terminated copy); NULL: opening for writing is -EACCES */
	int (*store)(const char *buf, size_t n, long arg);
	const struct pnode *sub;     /* S_IFDIR: the fixed entries */
	const struct inode_hooks *hooks; /* S_IFDIR with computed entries; S_IFLNK: a magic link */
	const char *target;          /* S_IFLNK: a fixed target (else set with pseudo_link) */
};
/* Make top->name under / with top's tree. Takes vfs_lock. Return: 0 or -errno. */
int pseudo_mount(const struct pnode *top);
/* vfs_lock held for the next four. Return: 0 or -errno. */
/* Add name -> a node like n (and its sub-tree), its files and links seeing arg. */
int pseudo_add(struct inode *dir, const char *name, size_t len, const struct pnode *n, long arg,
	       struct inode **out);
/* Make the link name (like n) point at target: create it or change its text. */
int pseudo_link(struct inode *dir, const char *name, size_t len, const struct pnode *n, long arg,
		const char *target);
void pseudo_remove(struct inode *dir, const char *name, size_t len); /* and all below it */
/* ino's absolute path into buf. Return: its length, -ENOENT (no name), -ENAMETOOLONG. */
long pseudo_path(struct inode *ino, char *buf, size_t n);
/* A pid, tid or fd as a name: decimal, no sign or leading zero. Return: true and *out. */
bool pseudo_parse_id(const char *name, size_t len, long *out);

/* procfs_pid.c, procfs_fd.c, procfs_sys.c: the tables and hooks of /proc */
extern const struct pnode procfs_pid_node, procfs_root_tab[];
extern const struct inode_hooks procfs_fd_hooks, procfs_fdinfo_hooks;
/* The program's threads: the first (tid == pid) and every clone (detached). */
bool procfs_program_thread(const struct thread *t);
/* procfs_stat.c: what a process or thread looks like (arg: its tid) */
int procfs_show_maps(struct sbuf *sb, long tid);
int procfs_show_status(struct sbuf *sb, long tid);
int procfs_show_stat(struct sbuf *sb, long tid);
int procfs_show_statm(struct sbuf *sb, long tid);

/* ring.c: the byte ring under a pipe (pure, tested on the host) */
struct ring {
	char *buf;
	uint32_t size;          /* a power of two */
	uint32_t head, tail;    /* free-running: bytes ever written / read */
};
static inline uint32_t ring_used(const struct ring *r) { return r->head - r->tail; }
static inline uint32_t ring_space(const struct ring *r) { return r->size - ring_used(r); }
/* Copy up to n bytes in/out through buf (io). Return: bytes moved, or -EFAULT if none. */
long ring_put(struct ring *r, const void *buf, size_t n, unsigned io);
long ring_get(struct ring *r, void *buf, size_t n, unsigned io);

/* poll.c: what poll/select and epoll share */
#define POLL_FOREVER UINT64_MAX   /* a deadline (clock_ns time) that never comes */
/* f's ready mask: its poll op, or "always readable and writable" without one. */
unsigned vfs_poll(struct file *f, struct poll_table *pt);
/* Deadlines from timeouts: ms < 0 is forever; a NULL timespec is forever. */
uint64_t poll_deadline_ms(int ms);
int poll_deadline_ts(const struct __kernel_timespec *uts, uint64_t *deadline); /* 0/-EFAULT/-EINVAL */
/* Sleep on wq (sched_lock held) until woken or deadline. Return: 0 or -ETIMEDOUT. */
int poll_sleep_locked(struct waitq *wq, uint64_t deadline);
/* ppoll/pselect6/epoll_pwait: switch to the caller's temporary mask (NULL: none). */
int poll_sigmask_begin(const uint64_t *umask, size_t size);

/* epoll.c */
/* file.c: f's last reference is gone; take it out of every epoll set. May sleep. */
void epoll_file_release(struct file *f);

#endif
