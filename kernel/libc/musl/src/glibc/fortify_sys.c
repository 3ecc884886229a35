/*
 * fortify_sys.c - glibc's _FORTIFY_SOURCE checks for the system-call
 * wrappers and the rest: the buffer given must be at least as large as the
 * length passed with it (fortify_str.c has the failure), open without a
 * mode must not create, FD_SET's index must be inside an fd_set, and
 * longjmp must not jump into a frame that is gone.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <setjmp.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <unistd.h>
#include <wchar.h>
#include <errno.h>
#include "glibc.h"

#define CHECK(ok) do { if (!(ok)) __chk_fail(); } while (0)

ssize_t __read_chk(int fd, void *buf, size_t n, size_t buflen)
{
	CHECK(n <= buflen);
	return read(fd, buf, n);
}

ssize_t __pread_chk(int fd, void *buf, size_t n, off_t off, size_t buflen)
{
	CHECK(n <= buflen);
	return pread(fd, buf, n, off);
}

ssize_t __pread64_chk(int fd, void *buf, size_t n, off_t off, size_t buflen)
{
	CHECK(n <= buflen);
	return pread(fd, buf, n, off);
}

ssize_t __readlink_chk(const char *restrict path, char *restrict buf, size_t n, size_t buflen)
{
	CHECK(n <= buflen);
	return readlink(path, buf, n);
}

ssize_t __readlinkat_chk(int dirfd, const char *restrict path, char *restrict buf, size_t n,
			 size_t buflen)
{
	CHECK(n <= buflen);
	return readlinkat(dirfd, path, buf, n);
}

char *__getcwd_chk(char *buf, size_t size, size_t buflen)
{
	CHECK(size <= buflen);
	return getcwd(buf, size);
}

/* realpath writes up to PATH_MAX bytes into a caller's buffer */
char *__realpath_chk(const char *restrict path, char *restrict resolved, size_t resolvedlen)
{
	CHECK(resolvedlen >= PATH_MAX);
	return realpath(path, resolved);
}

int __gethostname_chk(char *buf, size_t n, size_t buflen)
{
	CHECK(n <= buflen);
	return gethostname(buf, n);
}

int __getlogin_r_chk(char *buf, size_t n, size_t buflen)
{
	CHECK(n <= buflen);
	return getlogin_r(buf, n);
}

int __ttyname_r_chk(int fd, char *buf, size_t n, size_t buflen)
{
	CHECK(n <= buflen);
	return ttyname_r(fd, buf, n);
}

int __getgroups_chk(int n, gid_t *list, size_t listlen)
{
	if (n < 0) {
		errno = EINVAL;
		return -1;
	}
	CHECK((size_t)n <= listlen / sizeof *list);
	return getgroups(n, list);
}

size_t __confstr_chk(int name, char *buf, size_t n, size_t buflen)
{
	CHECK(n <= buflen);
	return confstr(name, buf, n);
}

int __poll_chk(struct pollfd *fds, nfds_t n, int timeout, size_t fdslen)
{
	CHECK(n <= fdslen / sizeof *fds);
	return poll(fds, n, timeout);
}

int __ppoll_chk(struct pollfd *fds, nfds_t n, const struct timespec *t, const sigset_t *mask,
		size_t fdslen)
{
	CHECK(n <= fdslen / sizeof *fds);
	return ppoll(fds, n, t, mask);
}

ssize_t __recv_chk(int fd, void *buf, size_t n, size_t buflen, int flags)
{
	CHECK(n <= buflen);
	return recv(fd, buf, n, flags);
}

ssize_t __recvfrom_chk(int fd, void *restrict buf, size_t n, size_t buflen, int flags,
		       struct sockaddr *restrict addr, socklen_t *restrict alen)
{
	CHECK(n <= buflen);
	return recvfrom(fd, buf, n, flags, addr, alen);
}

size_t __wcrtomb_chk(char *restrict s, wchar_t wc, mbstate_t *restrict st, size_t buflen)
{
	CHECK(buflen >= MB_CUR_MAX);
	return wcrtomb(s, wc, st);
}

size_t __mbstowcs_chk(wchar_t *restrict d, const char *restrict s, size_t n, size_t dlen)
{
	CHECK(n <= dlen);
	return mbstowcs(d, s, n);
}

size_t __wcstombs_chk(char *restrict d, const wchar_t *restrict s, size_t n, size_t dlen)
{
	CHECK(n <= dlen);
	return wcstombs(d, s, n);
}

/* FD_SET/FD_CLR/FD_ISSET's word index, for 0 <= fd < FD_SETSIZE */
long __fdelt_chk(long fd)
{
	if (fd < 0 || fd >= FD_SETSIZE)
		__glibc_fortify_fail("bit out of range 0 - FD_SETSIZE on fd_set");
	return fd / (8 * sizeof(long));
}

long __fdelt_warn(long fd)
{
	return __fdelt_chk(fd);
}

/* open(2) with O_CREAT or O_TMPFILE reads a mode argument the caller did not pass */
static void check_open_flags(int flags)
{
	if ((flags & O_CREAT) || (flags & O_TMPFILE) == O_TMPFILE)
		__glibc_fortify_fail("invalid open call: O_CREAT or O_TMPFILE without mode");
}

int __open_2(const char *path, int flags)
{
	check_open_flags(flags);
	return open(path, flags);
}

int __open64_2(const char *path, int flags)
{
	check_open_flags(flags);
	return open(path, flags);
}

int __openat_2(int dirfd, const char *path, int flags)
{
	check_open_flags(flags);
	return openat(dirfd, path, flags);
}

int __openat64_2(int dirfd, const char *path, int flags)
{
	check_open_flags(flags);
	return openat(dirfd, path, flags);
}

/*
 * longjmp and siglongjmp under _FORTIFY_SOURCE. The jmp_buf was filled by
 * musl's setjmp/sigsetjmp (the program's _setjmp and __sigsetjmp bind to
 * them; both jmp_bufs are 200 bytes), which keeps the caller's %rsp in
 * its seventh word. Jumping to a stack pointer below the current one
 * means jumping into a frame that has returned: glibc stops the process
 * then, unless the jump leaves the alternate signal stack (a handler
 * running there jumping back to the interrupted stack) for a target
 * outside it. musl's longjmp also restores a signal mask that sigsetjmp
 * saved, as glibc's does.
 */
_Noreturn void __longjmp_chk(jmp_buf env, int val)
{
	unsigned long target = ((unsigned long *)env)[6];
	unsigned long here = (unsigned long)__builtin_frame_address(0);
	if (target < here) {
		stack_t ss;
		if (sigaltstack(0, &ss) || !(ss.ss_flags & SS_ONSTACK) ||
		    target - (unsigned long)ss.ss_sp < ss.ss_size)
			__glibc_fortify_fail("longjmp causes uninitialized stack frame");
	}
	longjmp(env, val);
}
