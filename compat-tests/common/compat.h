/*
 * compat.h - the checking kit of the compatibility suite (compat-tests/).
 *
 * A case is one small program testing one behaviour and its error paths.
 * It prints what it observed in a stable form -- never addresses, pids,
 * times, or strerror() text (glibc and musl word it differently) -- and
 * ends with "return compat_done();", which prints "result: ok" or
 * "result: N failures" and gives the exit status (0: every check held).
 * The runner compares the whole output and the status with the same
 * program run on the Linux host, so printing a value is itself a check.
 *
 *   CHECK(cond, fmt, ...)       the condition must hold; prints FAIL otherwise
 *   CHECK_OK(call)              call must not return -1 (or MAP_FAILED: use CHECK)
 *   CHECK_ERR(call, ERRNO)      call must return -1 with errno == ERRNO (exact)
 *   errno_name(e)               "ENOENT" etc., for printing errno values
 */
#ifndef COMPAT_H
#define COMPAT_H

#include <errno.h>
#include <stdio.h>
#include <string.h>

static int compat_failures;

static inline const char *errno_name(int e)
{
	switch (e) {
#define E(x) case x: return #x;
	E(EPERM) E(ENOENT) E(ESRCH) E(EINTR) E(EIO) E(ENXIO) E(E2BIG) E(ENOEXEC) E(EBADF)
	E(ECHILD) E(EAGAIN) E(ENOMEM) E(EACCES) E(EFAULT) E(EBUSY) E(EEXIST) E(EXDEV)
	E(ENODEV) E(ENOTDIR) E(EISDIR) E(EINVAL) E(ENFILE) E(EMFILE) E(ENOTTY) E(EFBIG)
	E(ENOSPC) E(ESPIPE) E(EROFS) E(EMLINK) E(EPIPE) E(EDOM) E(ERANGE) E(EDEADLK)
	E(ENAMETOOLONG) E(ENOLCK) E(ENOSYS) E(ENOTEMPTY) E(ELOOP) E(ENOMSG) E(ENODATA)
	E(ETIME) E(EOVERFLOW) E(EILSEQ) E(ENOTSOCK) E(EDESTADDRREQ) E(EMSGSIZE)
	E(EPROTOTYPE) E(ENOPROTOOPT) E(EPROTONOSUPPORT) E(EOPNOTSUPP) E(EAFNOSUPPORT)
	E(EADDRINUSE) E(EADDRNOTAVAIL) E(ENETUNREACH) E(ECONNABORTED) E(ECONNRESET)
	E(ENOBUFS) E(EISCONN) E(ENOTCONN) E(ETIMEDOUT) E(ECONNREFUSED) E(EALREADY)
	E(EINPROGRESS) E(ECANCELED) E(EOWNERDEAD) E(ENOTRECOVERABLE)
#undef E
	case 0: return "0";
	default: return "E?";
	}
}

#define CHECK(cond, ...)                                                                 \
	do {                                                                             \
		if (!(cond)) {                                                           \
			int compat_errno_ = errno;                                       \
			printf("FAIL %s:%d: ", __FILE__, __LINE__);                      \
			printf(__VA_ARGS__);                                             \
			printf(" (errno %s)\n", errno_name(compat_errno_));             \
			compat_failures++;                                               \
		}                                                                        \
	} while (0)

#define CHECK_OK(call)                                                                   \
	do {                                                                             \
		errno = 0;                                                               \
		long compat_r_ = (long)(call);                                           \
		CHECK(compat_r_ != -1, "%s", #call);                                     \
	} while (0)

#define CHECK_ERR(call, want)                                                            \
	do {                                                                             \
		errno = 0;                                                               \
		long compat_r_ = (long)(call);                                           \
		int compat_e_ = errno;                                                   \
		if (compat_r_ != -1 || compat_e_ != (want)) {                            \
			printf("FAIL %s:%d: %s gave %ld, errno %s; want -1, %s\n",       \
			       __FILE__, __LINE__, #call, compat_r_,                     \
			       errno_name(compat_e_), #want);                            \
			compat_failures++;                                               \
		}                                                                        \
	} while (0)

static inline int compat_done(void)
{
	printf(compat_failures ? "result: %d failures\n" : "result: ok\n", compat_failures);
	fflush(stdout);
	return compat_failures ? 1 : 0;
}

#endif
