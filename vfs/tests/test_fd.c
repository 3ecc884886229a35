/*
 * test_fd.c - host unit tests for the descriptor table (vfs/fd.c) and the
 * calls that manage descriptors (sys_file.c): lowest-free allocation,
 * dup/dup2/dup3/F_DUPFD sharing one open file (offset and status flags),
 * close-on-exec per descriptor, EMFILE, close_range, fcntl and ioctl, and
 * the device files and console behind fds 0-2. Built by vfs/tests/vfs.mk.
 */
#include "vfstest.h"
#include <asm/termbits.h>
#include <asm/termios.h>
#include <asm/ioctls.h>
#include <linux/close_range.h>

static void test_alloc(void)
{
	long a, b, c;

	CHECK(vt_put("/f", "0123456789", 10) == 10);
	a = sys_open("/f", O_RDWR, 0);
	b = sys_open("/f", O_RDWR, 0);
	CHECK(a == 3 && b == 4);
	CHECK(sys_close(3) == 0 && sys_close(3) == -EBADF);
	c = sys_open("/f", O_RDONLY, 0);
	CHECK(c == 3);
	CHECK(sys_close(3) == 0 && sys_close(4) == 0);
	CHECK(sys_close(1 << 20) == -EBADF && sys_close(-1U) == -EBADF);

	/* EMFILE at 1024 descriptors */
	int n = 0;
	long fd;
	while ((fd = sys_open("/dev/null", O_RDONLY, 0)) >= 0)
		n++;
	CHECK(fd == -EMFILE && n == VFS_MAX_FDS - 3);
	CHECK(sys_dup(0) == -EMFILE);
	CHECK(sys_close_range(3, ~0U, 0) == 0);
	CHECK(sys_open("/dev/null", O_RDONLY, 0) == 3);
	CHECK(sys_close_range(5, 3, 0) == -EINVAL && sys_close_range(3, 3, 0x8) == -EINVAL);
	CHECK(sys_close_range(3, 3, CLOSE_RANGE_CLOEXEC) == 0 && sys_fcntl(3, F_GETFD, 0) == FD_CLOEXEC);
	CHECK(sys_close(3) == 0);
}

static void test_dup(void)
{
	char buf[8];
	long a = sys_open("/f", O_RDWR, 0), b, c;

	CHECK(a == 3);
	b = sys_dup(a);
	CHECK(b == 4);
	CHECK(sys_read(a, buf, 3) == 3 && sys_lseek(b, 0, SEEK_CUR) == 3); /* shared offset */
	CHECK(sys_read(b, buf, 2) == 2 && memcmp(buf, "34", 2) == 0);
	CHECK(sys_fcntl(b, F_SETFL, O_NONBLOCK | O_APPEND) == 0);
	CHECK((sys_fcntl(a, F_GETFL, 0) & (O_NONBLOCK | O_APPEND | O_ACCMODE)) ==
	      (O_NONBLOCK | O_APPEND | O_RDWR));
	CHECK(sys_fcntl(a, F_GETFL, 0) & O_LARGEFILE);
	CHECK(sys_fcntl(a, F_SETFL, O_RDONLY) == 0 && (sys_fcntl(a, F_GETFL, 0) & O_ACCMODE) == O_RDWR);

	/* close-on-exec belongs to the descriptor, not the file */
	c = sys_fcntl(a, F_DUPFD_CLOEXEC, 10);
	CHECK(c == 10 && sys_fcntl(c, F_GETFD, 0) == FD_CLOEXEC && sys_fcntl(a, F_GETFD, 0) == 0);
	CHECK(sys_fcntl(a, F_DUPFD, 10) == 11 && sys_fcntl(11, F_GETFD, 0) == 0);
	CHECK(sys_fcntl(a, F_DUPFD, VFS_MAX_FDS) == -EINVAL);
	CHECK(sys_fcntl(11, F_SETFD, FD_CLOEXEC) == 0 && sys_fcntl(11, F_GETFD, 0) == FD_CLOEXEC);
	CHECK(sys_ioctl(11, FIONCLEX, 0) == 0 && sys_fcntl(11, F_GETFD, 0) == 0);
	CHECK(sys_ioctl(11, FIOCLEX, 0) == 0);
	CHECK(sys_dup3(a, 12, O_CLOEXEC) == 12 && sys_fcntl(12, F_GETFD, 0) == FD_CLOEXEC);
	CHECK(sys_dup2(a, 12) == 12 && sys_fcntl(12, F_GETFD, 0) == 0);
	CHECK(sys_dup3(a, 13, O_CLOEXEC) == 13);
	fd_close_on_exec();
	CHECK(sys_fcntl(10, F_GETFD, 0) == -EBADF && sys_fcntl(11, F_GETFD, 0) == -EBADF);
	CHECK(sys_fcntl(13, F_GETFD, 0) == -EBADF && sys_fcntl(12, F_GETFD, 0) == 0);

	CHECK(sys_dup2(a, a) == a && sys_dup2(99, 99) == -EBADF);
	CHECK(sys_dup3(a, a, 0) == -EINVAL && sys_dup3(a, 20, O_RDWR) == -EINVAL);
	CHECK(sys_dup2(99, 20) == -EBADF && sys_dup2(a, VFS_MAX_FDS) == -EBADF);
	CHECK(sys_fcntl(99, F_GETFD, 0) == -EBADF && sys_fcntl(a, 0x7777, 0) == -EINVAL);

	/* dup2 onto an open descriptor closes what it held: a pipe's writer */
	int p[2];
	CHECK(sys_pipe2(p, O_NONBLOCK) == 0);
	CHECK(sys_dup2(a, p[1]) == p[1]);
	CHECK(sys_read(p[0], buf, 1) == 0); /* no writer left: end of file */
	sys_close(p[0]);
	sys_close(p[1]);
	sys_close(12);
	sys_close(b);
	sys_close(a);
}

static void test_locks(void)
{
	struct flock fl = { .l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 0, .l_len = 10 };
	long fd = sys_open("/f", O_RDWR, 0);

	CHECK(sys_fcntl(fd, F_SETLK, (unsigned long)&fl) == 0);
	CHECK(sys_fcntl(fd, F_SETLKW, (unsigned long)&fl) == 0);
	CHECK(sys_fcntl(fd, F_GETLK, (unsigned long)&fl) == 0 && fl.l_type == F_UNLCK);
	fl.l_type = 77;
	CHECK(sys_fcntl(fd, F_SETLK, (unsigned long)&fl) == -EINVAL);
	fl.l_type = F_RDLCK;
	fl.l_pid = 5;
	CHECK(sys_fcntl(fd, F_OFD_SETLK, (unsigned long)&fl) == -EINVAL);
	fl.l_pid = 0;
	CHECK(sys_fcntl(fd, F_OFD_GETLK, (unsigned long)&fl) == 0 && fl.l_type == F_UNLCK);
	CHECK(sys_fcntl(fd, F_SETLK, (unsigned long)BAD_PTR) == -EFAULT);
	CHECK(sys_flock(fd, LOCK_EX | LOCK_NB) == 0 && sys_flock(fd, 0) == -EINVAL);
	CHECK(sys_flock(99, LOCK_EX) == -EBADF);
	sys_close(fd);
}

static void test_console_and_devices(void)
{
	struct termios t;
	struct winsize ws;
	struct stat st;
	char buf[64];
	int v = 1;
	long fd;

	host_console_len = 0;
	CHECK(sys_write(1, "hello\n", 6) == 6 && sys_write(2, "err", 3) == 3);
	CHECK(host_console_len == 9 && memcmp(host_console, "hello\nerr", 9) == 0);
	CHECK(sys_read(0, buf, sizeof(buf)) == 0); /* no input driver: end of file */
	CHECK(sys_ioctl(1, TCGETS, (unsigned long)&t) == 0 && (t.c_lflag & ICANON) && t.c_cc[VINTR] == 3);
	t.c_lflag &= ~(unsigned)ICANON;
	CHECK(sys_ioctl(0, TCSETS, (unsigned long)&t) == 0);
	CHECK(sys_ioctl(2, TCGETS, (unsigned long)&t) == 0 && !(t.c_lflag & ICANON));
	CHECK(sys_ioctl(1, TIOCGWINSZ, (unsigned long)&ws) == 0 && ws.ws_row == 24 && ws.ws_col == 80);
	CHECK(sys_ioctl(1, TIOCGWINSZ, (unsigned long)BAD_PTR) == -EFAULT);
	CHECK(sys_ioctl(1, 0x5499, 0) == -ENOTTY);
	CHECK(sys_lseek(1, 0, SEEK_SET) == -ESPIPE && sys_pread64(0, buf, 1, 0) == -ESPIPE);
	CHECK(sys_fstat(1, &st) == 0 && S_ISCHR(st.st_mode) && st.st_rdev == MKDEV(5, 1));
	CHECK(sys_ioctl(99, TCGETS, (unsigned long)&t) == -EBADF);

	fd = sys_open("/f", O_RDONLY, 0);
	CHECK(sys_ioctl(fd, TCGETS, (unsigned long)&t) == -ENOTTY);
	CHECK(sys_ioctl(fd, TIOCGWINSZ, (unsigned long)&ws) == -ENOTTY);
	CHECK(sys_read(fd, buf, 4) == 4 && sys_ioctl(fd, FIONREAD, (unsigned long)&v) == 0 && v == 6);
	CHECK(sys_ioctl(fd, FIONBIO, (unsigned long)&v) == 0 && (sys_fcntl(fd, F_GETFL, 0) & O_NONBLOCK));
	sys_close(fd);

	fd = sys_open("/dev/null", O_RDWR, 0);
	CHECK(sys_read(fd, buf, 10) == 0 && sys_write(fd, buf, 10) == 10);
	CHECK(sys_lseek(fd, 100, SEEK_SET) == 0);
	CHECK(sys_fstat(fd, &st) == 0 && st.st_rdev == MKDEV(1, 3) && S_ISCHR(st.st_mode));
	sys_close(fd);
	fd = sys_open("/dev/zero", O_RDONLY, 0);
	memset(buf, 'x', sizeof(buf));
	CHECK(sys_read(fd, buf, 16) == 16 && memcmp(buf, "\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0", 16) == 0);
	CHECK(sys_read(fd, BAD_PTR, 16) == -EFAULT);
	sys_close(fd);
	fd = sys_open("/dev/full", O_WRONLY, 0);
	CHECK(sys_write(fd, "x", 1) == -ENOSPC);
	sys_close(fd);
	fd = sys_open("/dev/urandom", O_RDONLY, 0);
	memset(buf, 0, sizeof(buf));
	CHECK(sys_read(fd, buf, 64) == 64);
	int nonzero = 0;
	for (int i = 0; i < 64; i++)
		nonzero += buf[i] != 0;
	CHECK(nonzero > 32);
	sys_close(fd);
	/* /dev/stdout is the file at fd 1 (see devfs.c) */
	host_console_len = 0;
	fd = sys_open("/dev/stdout", O_WRONLY, 0);
	CHECK(fd >= 3 && sys_write(fd, "via", 3) == 3 && host_console_len == 3);
	sys_close(fd);
	CHECK(sys_open("/dev/tty", O_RDWR, 0) >= 0);
	CHECK(S_ISDIR(vt_mode("/dev/shm", true)) && (vt_mode("/tmp", true) & 07777) == 01777);
	CHECK(S_ISDIR(vt_mode("/proc", true)) && S_ISDIR(vt_mode("/sys", true)));
	/* a FIFO: a writer without a reader is refused when it may not wait (fifo(7)) */
	CHECK(sys_mknod("/tmp/fifo", S_IFIFO | 0600, 0) == 0);
	CHECK(sys_open("/tmp/fifo", O_WRONLY | O_NONBLOCK, 0) == -ENXIO);
	int rfd = sys_open("/tmp/fifo", O_RDONLY | O_NONBLOCK, 0);
	int wfd = sys_open("/tmp/fifo", O_WRONLY | O_NONBLOCK, 0);
	CHECK(rfd >= 0 && wfd >= 0);
	CHECK(sys_write(wfd, "fifo", 4) == 4 && sys_read(rfd, buf, 8) == 4 && memcmp(buf, "fifo", 4) == 0);
	CHECK(sys_lseek(rfd, 0, SEEK_SET) == -ESPIPE);
	sys_close(wfd);
	CHECK(sys_read(rfd, buf, 8) == 0); /* no writer left: end of file */
	sys_close(rfd);
	CHECK(sys_mknod("/tmp/cdev", S_IFCHR | 0600, MKDEV(1, 5)) == 0);
	fd = sys_open("/tmp/cdev", O_RDONLY, 0);
	CHECK(fd >= 0 && sys_read(fd, buf, 4) == 4 && buf[0] == 0);
	CHECK(sys_mknod("/tmp/d", S_IFDIR | 0700, 0) == -EPERM);
}

int main(void)
{
	vt_init();
	test_alloc();
	test_dup();
	test_locks();
	test_console_and_devices();
	return TEST_END();
}
