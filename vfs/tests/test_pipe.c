/*
 * test_pipe.c - host unit tests for the byte ring (vfs/ring.c) and pipes
 * (vfs/pipe.c): wrap-around and counter overflow, then pipes driven
 * through pipe2/read/write without ever blocking (the host shim aborts on
 * a sleep): EAGAIN, EOF, EPIPE, the PIPE_BUF atomicity rule, FIONREAD,
 * poll masks, F_GETPIPE_SZ/F_SETPIPE_SZ, fstat, and sendfile into a pipe.
 * Built by vfs/tests/vfs.mk.
 */
#include "vfstest.h"
#include <asm/ioctls.h>
#include <linux/poll.h>

static void test_ring(void)
{
	char store[8], out[16];
	struct ring r = { .buf = store, .size = 8 };

	CHECK(ring_put(&r, "abcde", 5, IO_KERNEL) == 5 && ring_used(&r) == 5);
	CHECK(ring_get(&r, out, 3, IO_KERNEL) == 3 && memcmp(out, "abc", 3) == 0);
	CHECK(ring_put(&r, "fghijkl", 7, IO_KERNEL) == 6 && ring_space(&r) == 0); /* wraps */
	CHECK(ring_put(&r, "x", 1, IO_KERNEL) == 0);
	CHECK(ring_get(&r, out, 16, IO_KERNEL) == 8 && memcmp(out, "defghijk", 8) == 0);
	CHECK(ring_get(&r, out, 16, IO_KERNEL) == 0);
	/* free-running counters wrapping at 2^32 */
	r.head = r.tail = 0xfffffffdu;
	CHECK(ring_put(&r, "12345678", 8, IO_KERNEL) == 8 && ring_used(&r) == 8 && r.head == 5);
	CHECK(ring_get(&r, out, 5, IO_KERNEL) == 5 && memcmp(out, "12345", 5) == 0);
	CHECK(ring_get(&r, out, 5, IO_KERNEL) == 3 && memcmp(out, "678", 3) == 0);
	/* user copies that fault */
	CHECK(ring_put(&r, BAD_PTR, 4, IO_USER) == -EFAULT && ring_used(&r) == 0);
	CHECK(ring_put(&r, "abcd", 4, IO_USER) == 4);
	CHECK(ring_get(&r, BAD_PTR, 4, IO_USER) == -EFAULT && ring_used(&r) == 4);
}

struct pt_count {
	struct poll_table pt;
	int queued;
};

static void count_queue(struct poll_table *pt, struct waitq *wq)
{
	(void)wq;
	((struct pt_count *)pt)->queued++;
}

static unsigned poll_fd(int fd, int *queued)
{
	struct pt_count c = { { count_queue, NULL }, 0 };
	struct file *f = fd_get(fd);
	unsigned m = f->ops->poll(f, &c.pt);

	file_put(f);
	*queued = c.queued;
	return m;
}

static void test_pipe_basic(void)
{
	static char big[VFS_PIPE_SIZE + 100];
	char buf[128];
	struct stat s0, s1;
	int p[2], n, q;

	CHECK(sys_pipe2(p, O_NONBLOCK | O_CLOEXEC) == 0);
	CHECK(p[0] == 3 && p[1] == 4 && sys_fcntl(p[0], F_GETFD, 0) == FD_CLOEXEC);
	CHECK(sys_fstat(p[0], &s0) == 0 && sys_fstat(p[1], &s1) == 0);
	CHECK(S_ISFIFO(s0.st_mode) && s0.st_ino == s1.st_ino && s0.st_size == 0);
	CHECK(sys_read(p[0], buf, 10) == -EAGAIN);
	CHECK(poll_fd(p[0], &q) == 0 && q == 1);
	CHECK(poll_fd(p[1], &q) == (POLLOUT | POLLWRNORM));
	CHECK(sys_write(p[1], "hello", 5) == 5);
	CHECK(poll_fd(p[0], &q) == (POLLIN | POLLRDNORM));
	CHECK(sys_ioctl(p[0], FIONREAD, (unsigned long)&n) == 0 && n == 5);
	CHECK(sys_read(p[0], buf, 3) == 3 && memcmp(buf, "hel", 3) == 0);
	CHECK(sys_read(p[0], buf, 10) == 2 && memcmp(buf, "lo", 2) == 0);
	CHECK(sys_read(p[1], buf, 1) == -EBADF && sys_write(p[0], "x", 1) == -EBADF);
	CHECK(sys_lseek(p[0], 0, SEEK_SET) == -ESPIPE && sys_pread64(p[0], buf, 1, 0) == -ESPIPE);
	CHECK(sys_write(p[1], BAD_PTR, 5) == -EFAULT);

	/* fill it: 64 KiB fit, then EAGAIN; PIPE_BUF writes are all or nothing */
	CHECK(sys_write(p[1], big, sizeof(big)) == VFS_PIPE_SIZE);
	CHECK(sys_write(p[1], "x", 1) == -EAGAIN);
	CHECK(poll_fd(p[1], &q) == 0);
	CHECK(sys_read(p[0], buf, 100) == 100);
	CHECK(sys_write(p[1], big, 4096) == -EAGAIN);    /* atomic: needs 4096 free */
	CHECK(sys_write(p[1], big, 5000) == 100);        /* larger: a partial write */
	CHECK(sys_fcntl(p[0], F_GETPIPE_SZ, 0) == VFS_PIPE_SIZE);
	CHECK(sys_fcntl(p[0], F_SETPIPE_SZ, 4096) == -EBUSY);
	size_t drained = 0;
	long r;
	while ((r = sys_read(p[0], big, sizeof(big))) > 0)
		drained += (size_t)r;
	CHECK(r == -EAGAIN && drained == VFS_PIPE_SIZE);

	/* resizing keeps the contents */
	CHECK(sys_write(p[1], "keep", 4) == 4);
	CHECK(sys_fcntl(p[1], F_SETPIPE_SZ, 5000) == 8192 && sys_fcntl(p[0], F_GETPIPE_SZ, 0) == 8192);
	CHECK(sys_read(p[0], buf, 10) == 4 && memcmp(buf, "keep", 4) == 0);
	CHECK(sys_fcntl(p[1], F_SETPIPE_SZ, 1 << 30) == -EPERM);
	int fd = (int)sys_open("/dev/null", O_RDONLY, 0);
	CHECK(sys_fcntl(fd, F_GETPIPE_SZ, 0) == -EBADF);
	sys_close(fd);

	/* the last writer gone: buffered data, then end of file, POLLHUP */
	CHECK(sys_write(p[1], "tail", 4) == 4);
	CHECK(sys_close(p[1]) == 0);
	CHECK(poll_fd(p[0], &q) == (POLLIN | POLLRDNORM | POLLHUP));
	CHECK(sys_fcntl(p[0], F_SETFL, 0) == 0); /* blocking now: must still not sleep */
	CHECK(sys_read(p[0], buf, 10) == 4 && sys_read(p[0], buf, 10) == 0);
	CHECK(sys_close(p[0]) == 0);

	/* the last reader gone: EPIPE, POLLERR */
	CHECK(sys_pipe(p) == 0);
	CHECK(sys_close(p[0]) == 0);
	CHECK(sys_write(p[1], "x", 1) == -EPIPE);
	CHECK(poll_fd(p[1], &q) & POLLERR);
	CHECK(sys_close(p[1]) == 0);

	CHECK(sys_pipe2(p, O_RDWR) == -EINVAL);
	CHECK(sys_pipe2(BAD_PTR, 0) == -EFAULT);
	CHECK(sys_open("/dev/null", O_RDONLY, 0) == 3); /* the failed pipe2 closed its fds */
	sys_close(3);
}

static void test_pipe_transfers(void)
{
	char buf[64];
	int p[2];
	__kernel_loff_t off = 2;
	struct iovec iov[2] = { { buf, 3 }, { buf + 3, 4 } };

	CHECK(vt_put("/src", "0123456789", 10) == 10);
	long fd = sys_open("/src", O_RDONLY, 0);
	CHECK(sys_pipe2(p, O_NONBLOCK) == 0);
	CHECK(sys_sendfile(p[1], (int)fd, &off, 5) == 5 && off == 7);
	CHECK(sys_lseek(fd, 0, SEEK_CUR) == 0);
	CHECK(sys_sendfile(p[1], (int)fd, NULL, 4) == 4 && sys_lseek(fd, 0, SEEK_CUR) == 4);
	CHECK(sys_readv(p[0], iov, 2) == 7 && memcmp(buf, "2345601", 7) == 0);
	CHECK(sys_read(p[0], buf, 10) == 2 && memcmp(buf, "23", 2) == 0);
	CHECK(sys_sendfile(p[1], 99, NULL, 4) == -EBADF);
	CHECK(sys_sendfile(p[1], p[0], &off, 4) == -ESPIPE); /* an offset into a pipe */
	CHECK(sys_sendfile(p[0], (int)fd, NULL, 4) == -EBADF); /* the read end as output */
	sys_close(fd);
	sys_close(p[0]);
	sys_close(p[1]);
}

int main(void)
{
	vt_init();
	test_ring();
	test_pipe_basic();
	test_pipe_transfers();
	return TEST_END();
}
