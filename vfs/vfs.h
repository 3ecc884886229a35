/*
 * vfs.h - the file system subsystem's whole interface.
 *
 * keel runs one program, so there is one namespace, one current directory,
 * one umask and one file-descriptor table, shared by all of the program's
 * threads (as after clone(CLONE_FS | CLONE_FILES)). The namespace is a
 * single ramfs tree filled from the boot image (a cpio archive, cpio.c);
 * /dev holds device nodes whose open() binds them to driver file_ops
 * (devfs.c); pipes and, later, sockets, eventfds and epoll are files with
 * no name, built on the same struct file (vfs_file_anon()).
 *
 * Layers, bottom up (each file's top comment says more):
 *   ramfs.c, ramfs_data.c   inodes, directories, file pages
 *   path.c                  path walk (symlinks, "..", dirfd, trailing '/')
 *   namei.c                 create/remove/rename/link/symlink/attributes by path
 *   file.c, file_rw.c       open files: open, read/write/lseek, stat, getdents
 *   fd.c                    the descriptor table
 *   devfs.c, tty.c, pipe.c  device files, the console, pipes
 *   eventfd.c, timerfd.c    counters and timers behind files
 *   poll.c, epoll.c         waiting for many files (poll/select, epoll)
 *   sockname.c              AF_UNIX socket names: S_IFSOCK nodes bound to sockets
 *   procfs*.c, sysfs.c      /proc and /sys: ramfs trees whose files are
 *                           generated at open and whose directories are
 *                           refreshed on lookup (struct inode_hooks)
 *   cpio.c, init.c          boot: unpack the image, build /dev, open 0/1/2
 *   sys_*.c                 the system calls: argument copying and checks only
 *
 * Locking (lock order, outermost first):
 *   file->pos_lock   (mutex) one open file's offset, held across one read/write
 *   unix_lock        (mutex, net/unix.c) AF_UNIX sockets: taken by their poll op
 *                    (so after epmutex/ep->mtx), and before vfs_lock (socket
 *                    names in sockname.c; page faults in its user copies)
 *   vfs_lock         (mutex, internal.h) the whole namespace: every inode,
 *                    directory and file page. Never held across a user copy,
 *                    so a page fault inside copy_to_user may itself read a file
 *                    (file-backed mmap) without deadlocking.
 *   epmutex, ep->mtx (mutexes, epoll.c) epoll sets; a poll op is called
 *                    under them, so they come before every file's own lock
 *   pipe->lock       (mutex) one pipe's ring
 *   fd_lock          (spinlock, fd.c) the descriptor table; never sleeps
 *   sched_lock       wait/wake handshakes (pipes, eventfd and timerfd state,
 *                    epoll ready lists, poll's wait-queue callback entries);
 *                    procfs's refresh hooks take fd_lock and sched_lock
 *                    (thread_walk) inside vfs_lock
 *
 * Errors are -errno everywhere; sys_* return Linux's value or -errno.
 *
 * Not yet: a mount table (/proc and /sys are hooked ramfs trees, with
 * ramfs's st_dev and statfs), opening
 * named FIFOs and socket nodes (-ENXIO), O_TMPFILE (-EOPNOTSUPP), console
 * input (reads give end of file, see tty.c), SIGPIPE (write gives -EPIPE
 * only), atime updates on read, and signals interrupting a wait in
 * poll/select/epoll_wait with -EINTR (no sleep is interruptible yet).
 */
#ifndef KEEL_VFS_H
#define KEEL_VFS_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>
#include <linux/types.h>
#include <linux/fcntl.h>
#include <linux/stat.h>
#include <linux/limits.h>
#include <linux/uio.h>
#include <linux/time_types.h>
#include <asm/stat.h>
#include <asm/statfs.h>
#include "sched.h"

/*
 * The file type bits of inode(7). <linux/stat.h> hides them when __GLIBC__
 * is defined, which happens in host unit tests (glibc's <stdint.h>); the
 * values are the ABI and identical to it.
 */
#ifndef S_IFMT
#define S_IFMT 00170000
#define S_IFSOCK 0140000
#define S_IFLNK 0120000
#define S_IFREG 0100000
#define S_IFBLK 0060000
#define S_IFDIR 0040000
#define S_IFCHR 0020000
#define S_IFIFO 0010000
#define S_ISUID 0004000
#define S_ISGID 0002000
#define S_ISVTX 0001000
#define S_ISLNK(m) (((m) & S_IFMT) == S_IFLNK)
#define S_ISREG(m) (((m) & S_IFMT) == S_IFREG)
#define S_ISDIR(m) (((m) & S_IFMT) == S_IFDIR)
#define S_ISCHR(m) (((m) & S_IFMT) == S_IFCHR)
#define S_ISBLK(m) (((m) & S_IFMT) == S_IFBLK)
#define S_ISFIFO(m) (((m) & S_IFMT) == S_IFIFO)
#define S_ISSOCK(m) (((m) & S_IFMT) == S_IFSOCK)
#define S_IXUSR 00100
#define S_IXGRP 00010
#define S_IXOTH 00001
#endif

/* Linux's kernel-internal mode type; syscalls take it for mode arguments. */
typedef unsigned short umode_t;

/*
 * struct linux_dirent64 - one record of getdents64(2). No UAPI header
 * defines it; the layout is the one in the getdents(2) man page. d_reclen
 * is rounded up to 8 so the next record is aligned.
 */
struct linux_dirent64 {
	uint64_t d_ino;
	int64_t d_off;           /* cookie: lseek() here to continue after this entry */
	unsigned short d_reclen;
	unsigned char d_type;    /* DT_*: the S_IFMT bits >> 12 */
	char d_name[];
};

/* utimensat(2): the special tv_nsec values (no UAPI header has them). */
#define UTIME_NOW ((1L << 30) - 1L)
#define UTIME_OMIT ((1L << 30) - 2L)

/* statfs(2): the f_type of ramfs and the "flags are valid" bit. */
#define KEEL_RAMFS_MAGIC 0x858458f6
#define KEEL_ST_VALID 0x0020

#define VFS_MAX_FDS 1024        /* RLIMIT_NOFILE's default soft limit on Linux */
#define VFS_MAX_SYMLINKS 40     /* path_resolution(7) */
#define VFS_PIPE_SIZE 65536     /* pipe(7): the default capacity */

struct inode;   /* opaque outside vfs/ */
struct file;

/*
 * struct poll_table - how a poller learns which wait queues to sleep on.
 * A file's poll op reports its ready mask (POLLIN, POLLOUT, POLLHUP,
 * POLLERR, ... from <linux/poll.h>) and, when pt is not NULL, hands every
 * wait queue that a change of that mask will be woken on to pt->queue
 * (through poll_wait()). poll/select/epoll build their sleeping on this.
 */
struct poll_table {
	void (*queue)(struct poll_table *pt, struct waitq *wq);
	void *priv;
};
static inline void poll_wait(struct poll_table *pt, struct waitq *wq)
{
	if (pt && pt->queue)
		pt->queue(pt, wq);
}

/* io argument of read/write ops: where buf lives */
#define IO_USER 0    /* program memory: move it with copy_to_user/copy_from_user */
#define IO_KERNEL 1  /* kernel memory: plain memcpy */

/*
 * struct file_ops - what an open file does. Any op may be NULL:
 *   open     called once by vfs_openat after the struct file is filled in,
 *            before it is visible; may set (*fp)->priv, clear FMODE_SEEK, or
 *            replace *fp by another file (putting the one it was given).
 *            -errno aborts the open (release is then not called).
 *   read     read up to n bytes at *pos into buf (io: IO_USER/IO_KERNEL),
 *            advance *pos. Return: bytes (0 = end of file), or -errno.
 *            Files without FMODE_SEEK get a dummy pos. May sleep.
 *   write    the same in the other direction. Return: bytes, or -errno.
 *   lseek    Return: the new offset, or -errno; NULL means -ESPIPE.
 *            Called with f->pos_lock held; sets f->pos itself.
 *   ioctl    device-specific requests; NULL (or -ENOTTY) for none. The
 *            generic FIONBIO/FIOCLEX/FIONCLEX are handled before it.
 *   poll     Return: the ready mask; see struct poll_table. NULL means
 *            always readable and writable (POLLIN|POLLOUT|POLLRDNORM|POLLWRNORM).
 *   getdents fill kbuf with struct linux_dirent64 records from f->pos
 *            (pos_lock held). Return: bytes, or -errno (-EINVAL if even
 *            the first record does not fit).
 *   rw_iov   readv/writev of a whole checked iovec array (kernel copy of
 *            it, user memory behind it) as one transfer, for files where
 *            that matters (a socket sends one message, not one per entry);
 *            NULL: one read/write per entry. Return: bytes, or -errno.
 *   release  the last reference is gone; free f->priv.
 * name is not an op: for files with no name (vfs_file_anon) of a type
 * without S_IF* bits, it is what /proc/self/fd shows, as Linux's
 * "anon_inode:[eventfd]" ("eventfd", "eventpoll", "timerfd", "signalfd").
 */
struct file_ops {
	int (*open)(struct inode *inode, struct file **fp);
	long (*read)(struct file *f, void *buf, size_t n, uint64_t *pos, unsigned io);
	long (*write)(struct file *f, const void *buf, size_t n, uint64_t *pos, unsigned io);
	long (*lseek)(struct file *f, int64_t off, int whence);
	long (*ioctl)(struct file *f, unsigned int cmd, unsigned long arg);
	unsigned (*poll)(struct file *f, struct poll_table *pt);
	long (*getdents)(struct file *f, void *kbuf, size_t n);
	long (*rw_iov)(struct file *f, const struct iovec *kiov, unsigned long n, bool write);
	void (*release)(struct file *f);
	const char *name;
};

/* struct file.fmode: what the open file may do (fixed at open) */
#define FMODE_READ 0x1
#define FMODE_WRITE 0x2
#define FMODE_SEEK 0x4   /* has an offset: lseek, pread/pwrite; read/write take pos_lock */
#define FMODE_PATH 0x8   /* O_PATH: only fstat, fchdir, *at dirfd, close */

/*
 * struct file - one open file description (open(2)): what dup() and fork
 * share. Reference counted; the last file_put() calls ops->release and
 * drops the inode.
 */
struct file {
	const struct file_ops *ops;   /* fixed after open */
	struct inode *inode;          /* never NULL (anonymous files get their own) */
	void *priv;                   /* the ops' own state */
	unsigned fmode;               /* FMODE_*, fixed after open */
	unsigned flags;               /* O_ACCMODE and status flags (O_APPEND, O_NONBLOCK, ...);
				       * F_SETFL writes them with one store, readers take a snapshot */
	int refs;                     /* atomic */
	struct mutex pos_lock;        /* protects pos */
	uint64_t pos;
	struct list ep_links;         /* epoll.c: the epoll items watching this file; epmutex */
};

/* init.c */
/*
 * Mount ramfs at /, create /dev (devfs.c: null zero full random urandom
 * tty console, and stdin/stdout/stderr, see there), /dev/shm, /tmp, /proc,
 * /sys, and open fds 0, 1, 2 on the console. Called once at boot, before
 * vfs_unpack_cpio(). Return: 0 or -ENOMEM.
 */
int vfs_init(void);

/* cpio.c */
/*
 * Unpack a cpio "newc" (070701) or "crc" (070702) archive into the
 * namespace: directories, regular files, symlinks, device nodes and FIFOs
 * with their modes and mtimes; hard links (nlink > 1, same ino) become
 * real hard links. Missing parents are created. "TRAILER!!!" ends it.
 * May sleep (takes vfs_lock).
 * Return: 0, -EINVAL for a malformed archive (truncated header, bad magic,
 * non-hex field, size past the end, name without its NUL, a ".." component),
 * -EEXIST when an entry would replace a non-empty directory, -ENOMEM.
 */
int vfs_unpack_cpio(const void *buf, size_t len);

/* file.c: the kernel-internal file API (ELF launcher, mmap, other subsystems) */
/*
 * Open path (kernel memory), relative to the current directory, following
 * symlinks; flags as open(2) (O_RDONLY for the launcher). May sleep.
 * Return: 0 and *out holding one reference, or -errno as open(2).
 */
int vfs_kopen(const char *path, int flags, struct file **out);
/* pread into a kernel buffer. Return: bytes read (short at EOF), or -errno. */
long vfs_kread(struct file *f, void *kbuf, size_t n, uint64_t off);
/* pwrite from a kernel buffer. Return: bytes written, or -errno. */
long vfs_kwrite(struct file *f, const void *kbuf, size_t n, uint64_t off);
/* fstat into a kernel struct stat. Return: 0 or -errno. */
int vfs_kstat(struct file *f, struct stat *st);
void file_get(struct file *f);
void file_put(struct file *f);   /* may sleep (release) */
/*
 * A file with its own ops and no name (pipe, socket, eventfd, epoll):
 * mode is its S_IF* type and permissions as fstat shows them (0600 for an
 * anon inode, S_IFIFO | 0600 for a pipe). flags are open(2) flags: O_ACCMODE
 * gives FMODE_READ/WRITE, and the status flags are kept in f->flags.
 * Return: the file with one reference, or NULL when out of memory.
 */
struct file *vfs_file_anon(const struct file_ops *ops, void *priv, int flags, umode_t mode);
/* Copy between buf (IO_USER or IO_KERNEL) and kernel memory. Return: 0 or -EFAULT. */
int vfs_copy_out(void *buf, const void *ksrc, size_t n, unsigned io);
int vfs_copy_in(void *kdst, const void *buf, size_t n, unsigned io);

/* fd.c: the one descriptor table (threads share it: CLONE_FILES) */
/* Return: the file at fd with a new reference, or NULL if fd is not open. */
struct file *fd_get(int fd);
/*
 * Give f the lowest free descriptor; flags may hold O_CLOEXEC. On success
 * the table owns the caller's reference. Return: the fd, or -EMFILE.
 */
int fd_install(struct file *f, unsigned flags);
/* Close every descriptor marked close-on-exec (for execve). */
void fd_close_on_exec(void);

/* devfs.c */
/* Fill a kernel buffer with random bytes (RDRAND when the CPU has it, else
 * a TSC-seeded xorshift generator: not cryptographic). For getrandom(2) too. */
void vfs_random_fill(void *buf, size_t n);

/* sys_file.c: opening, closing, descriptors */
long sys_open(const char *filename, int flags, umode_t mode);
long sys_openat(int dfd, const char *filename, int flags, umode_t mode);
long sys_creat(const char *pathname, umode_t mode);
long sys_close(unsigned int fd);
long sys_close_range(unsigned int fd, unsigned int max_fd, unsigned int flags);
long sys_dup(unsigned int fildes);
long sys_dup2(unsigned int oldfd, unsigned int newfd);
long sys_dup3(unsigned int oldfd, unsigned int newfd, int flags);
long sys_fcntl(unsigned int fd, unsigned int cmd, unsigned long arg);
long sys_ioctl(unsigned int fd, unsigned int cmd, unsigned long arg);
long sys_flock(unsigned int fd, unsigned int cmd);
long sys_pipe(int *fildes);
long sys_pipe2(int *fildes, int flags);

/* sys_rw.c: reading and writing */
long sys_read(unsigned int fd, char *buf, size_t count);
long sys_write(unsigned int fd, const char *buf, size_t count);
long sys_pread64(unsigned int fd, char *buf, size_t count, __kernel_loff_t pos);
long sys_pwrite64(unsigned int fd, const char *buf, size_t count, __kernel_loff_t pos);
long sys_readv(unsigned long fd, const struct iovec *vec, unsigned long vlen);
long sys_writev(unsigned long fd, const struct iovec *vec, unsigned long vlen);
long sys_preadv(unsigned long fd, const struct iovec *vec, unsigned long vlen,
		unsigned long pos_l, unsigned long pos_h);
long sys_pwritev(unsigned long fd, const struct iovec *vec, unsigned long vlen,
		 unsigned long pos_l, unsigned long pos_h);
long sys_preadv2(unsigned long fd, const struct iovec *vec, unsigned long vlen,
		 unsigned long pos_l, unsigned long pos_h, int flags);
long sys_pwritev2(unsigned long fd, const struct iovec *vec, unsigned long vlen,
		  unsigned long pos_l, unsigned long pos_h, int flags);
long sys_lseek(unsigned int fd, __kernel_off_t offset, unsigned int whence);
long sys_sendfile(int out_fd, int in_fd, __kernel_loff_t *offset, size_t count);
long sys_copy_file_range(int fd_in, __kernel_loff_t *off_in, int fd_out,
			 __kernel_loff_t *off_out, size_t len, unsigned int flags);
long sys_truncate(const char *path, long length);
long sys_ftruncate(unsigned int fd, long length);
long sys_fallocate(int fd, int mode, __kernel_loff_t offset, __kernel_loff_t len);
long sys_fsync(unsigned int fd);
long sys_fdatasync(unsigned int fd);
long sys_sync(void);
long sys_sync_file_range(int fd, __kernel_loff_t offset, __kernel_loff_t nbytes, unsigned flags);
long sys_syncfs(int fd);
long sys_fadvise64(int fd, __kernel_loff_t offset, size_t len, int advice);

/* sys_dir.c: directories and names */
long sys_getdents64(unsigned int fd, struct linux_dirent64 *dirent, unsigned int count);
long sys_getcwd(char *buf, unsigned long size);
long sys_chdir(const char *filename);
long sys_fchdir(unsigned int fd);
long sys_mkdir(const char *pathname, umode_t mode);
long sys_mkdirat(int dfd, const char *pathname, umode_t mode);
long sys_mknod(const char *filename, umode_t mode, unsigned int dev);
long sys_mknodat(int dfd, const char *filename, umode_t mode, unsigned int dev);
long sys_rmdir(const char *pathname);
long sys_unlink(const char *pathname);
long sys_unlinkat(int dfd, const char *pathname, int flag);
long sys_rename(const char *oldname, const char *newname);
long sys_renameat(int olddfd, const char *oldname, int newdfd, const char *newname);
long sys_renameat2(int olddfd, const char *oldname, int newdfd, const char *newname,
		   unsigned int flags);
long sys_link(const char *oldname, const char *newname);
long sys_linkat(int olddfd, const char *oldname, int newdfd, const char *newname, int flags);
long sys_symlink(const char *oldname, const char *newname);
long sys_symlinkat(const char *oldname, int newdfd, const char *newname);
long sys_readlink(const char *path, char *buf, int bufsiz);
long sys_readlinkat(int dfd, const char *path, char *buf, int bufsiz);

/* sys_stat.c: attributes */
long sys_stat(const char *filename, struct stat *statbuf);
long sys_lstat(const char *filename, struct stat *statbuf);
long sys_fstat(unsigned int fd, struct stat *statbuf);
long sys_newfstatat(int dfd, const char *filename, struct stat *statbuf, int flag);
long sys_statx(int dfd, const char *filename, unsigned int flags, unsigned int mask,
	       struct statx *buffer);
long sys_access(const char *filename, int mode);
long sys_faccessat(int dfd, const char *filename, int mode);
long sys_faccessat2(int dfd, const char *filename, int mode, int flags);
long sys_umask(int mask);
long sys_chmod(const char *filename, umode_t mode);
long sys_fchmod(unsigned int fd, umode_t mode);
long sys_fchmodat(int dfd, const char *filename, umode_t mode);
long sys_chown(const char *filename, __kernel_uid32_t user, __kernel_gid32_t group);
long sys_lchown(const char *filename, __kernel_uid32_t user, __kernel_gid32_t group);
long sys_fchown(unsigned int fd, __kernel_uid32_t user, __kernel_gid32_t group);
long sys_fchownat(int dfd, const char *filename, __kernel_uid32_t user,
		  __kernel_gid32_t group, int flag);
long sys_utimensat(int dfd, const char *filename, struct __kernel_timespec *utimes, int flags);
long sys_statfs(const char *pathname, struct statfs *buf);
long sys_fstatfs(unsigned int fd, struct statfs *buf);

/* ramfs_data.c: MAP_SHARED mappings of ramfs files (kernel/sys_mman.c, kernel/vm.c) */
/* Return: 0 with pages[] filled, -ENODEV if f is not a ramfs regular file, -ENOMEM. */
long vfs_mmap_shared(struct file *f, uint64_t first_page, uint64_t n, uint64_t *pages);
void vfs_mmap_dup(struct file *f);     /* a mapping was split in two; no sleep */
long vfs_mmap_page(struct file *f, uint64_t index, uint64_t *pa); /* may sleep; -ENXIO past EOF */
void vfs_mmap_release(struct file *f); /* a mapping is gone; may sleep */

/* sys_xattr.c: extended attributes (ramfs has none) */
long sys_getxattr(const char *path, const char *name, void *value, size_t size);
long sys_lgetxattr(const char *path, const char *name, void *value, size_t size);
long sys_fgetxattr(int fd, const char *name, void *value, size_t size);
long sys_listxattr(const char *path, char *list, size_t size);
long sys_llistxattr(const char *path, char *list, size_t size);
long sys_flistxattr(int fd, char *list, size_t size);
long sys_setxattr(const char *path, const char *name, const void *value, size_t size, int flags);
long sys_lsetxattr(const char *path, const char *name, const void *value, size_t size, int flags);
long sys_fsetxattr(int fd, const char *name, const void *value, size_t size, int flags);
long sys_removexattr(const char *path, const char *name);
long sys_lremovexattr(const char *path, const char *name);
long sys_fremovexattr(int fd, const char *name);

/*
 * sockname.c: AF_UNIX path names (net/unix.c). Paths are kernel strings,
 * relative to the current directory. The caller serializes the three
 * calls with its own lock (taken before vfs_lock); that keeps *sock valid.
 * bind: make an S_IFSOCK node (mode & ~umask) bound to sock; *node is the
 *       handle for unbind (it holds the inode). sock NULL: only check, make
 *       nothing. Return: 0, -EADDRINUSE (the name exists), path errors as
 *       mknod(2) (-ENOENT, -ENOTDIR, -ENAMETOOLONG, -ELOOP, -EPERM ...).
 * find: the socket bound at the node the path names (symlinks followed).
 *       Return: 0, path errors (-ENOENT ...), -ECONNREFUSED (not a socket
 *       node, or nothing bound to it).
 * unbind: the socket closed; the node stays, unbound. May sleep.
 */
int vfs_bind_socket(const char *kpath, umode_t mode, void *sock, struct inode **node);
int vfs_find_socket(const char *kpath, void **sock);
void vfs_unbind_socket(struct inode *node);

/* procfs.c, sysfs.c: /proc and /sys, made at boot by vfs_init */
int procfs_init(void);
int sysfs_init(void);
/* procfs_fd.c */
/*
 * What the open file f is called, as /proc/self/fd shows it: its absolute
 * path ("/lib/libc.so.6"), "pipe:[ino]", "socket:[ino]", "anon_inode:[eventfd]",
 * or "(deleted)", into buf (n bytes, PATH_MAX for any path; cut short
 * otherwise). For naming file mappings in /proc/self/maps. Finding a
 * file's path searches the namespace. May sleep (takes vfs_lock).
 * Return: the length of the text.
 */
long vfs_file_path(struct file *f, char *buf, size_t n);

/* poll.c, epoll.c, eventfd.c, timerfd.c: waiting for many files */
struct pollfd;
struct epoll_event;
struct itimerspec;
struct __kernel_itimerspec;
struct __kernel_old_timeval;
struct sigset_argpack;
long sys_poll(struct pollfd *ufds, unsigned int nfds, int timeout_msecs);
long sys_ppoll(struct pollfd *ufds, unsigned int nfds, struct __kernel_timespec *tsp,
	       const uint64_t *sigmask, size_t sigsetsize);
long sys_select(int n, void *inp, void *outp, void *exp, struct __kernel_old_timeval *tvp);
long sys_pselect6(int n, void *inp, void *outp, void *exp, struct __kernel_timespec *tsp,
		  void *sig);
long sys_epoll_create(int size);
long sys_epoll_create1(int flags);
long sys_epoll_ctl(int epfd, int op, int fd, struct epoll_event *event);
long sys_epoll_wait(int epfd, struct epoll_event *events, int maxevents, int timeout);
long sys_epoll_pwait(int epfd, struct epoll_event *events, int maxevents, int timeout,
		     const uint64_t *sigmask, size_t sigsetsize);
long sys_epoll_pwait2(int epfd, struct epoll_event *events, int maxevents,
		      const struct __kernel_timespec *timeout, const uint64_t *sigmask,
		      size_t sigsetsize);
long sys_eventfd(unsigned int count);
long sys_eventfd2(unsigned int count, int flags);
long sys_timerfd_create(int clockid, int flags);
long sys_timerfd_settime(int ufd, int flags, const struct __kernel_itimerspec *utmr,
			 struct __kernel_itimerspec *otmr);
long sys_timerfd_gettime(int ufd, struct __kernel_itimerspec *otmr);

#endif
