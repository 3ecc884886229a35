/*
 * abi.c - the x86-64 ABI a glibc program was compiled against, next to
 * musl's: sizes and offsets of the structures that cross the libc
 * boundary, and the values of constants programs pass to it.
 *
 * tests/run builds it with glibc's headers and with musl's (plus musl's
 * internal stdio_impl.h for FILE, which glibc's getc/putc macros read
 * inline) and compares line by line; the lines that differ are listed in
 * kernel/libc/glibc.md ("ABI facts") with what they mean, and run expects
 * exactly those to differ.
 */
#define _GNU_SOURCE
#include <aio.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <getopt.h>
#include <glob.h>
#include <langinfo.h>
#include <limits.h>
#include <locale.h>
#include <mntent.h>
#include <netdb.h>
#include <poll.h>
#include <pthread.h>
#include <regex.h>
#include <sched.h>
#include <semaphore.h>
#include <setjmp.h>
#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/epoll.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/statvfs.h>
#include <sys/time.h>
#include <sys/uio.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <ucontext.h>
#include <unistd.h>
#include <utmpx.h>
#include <wchar.h>
#include <wordexp.h>
#include <pwd.h>
#include <grp.h>
#ifdef KEEL_LAYER
#include "stdio_impl.h"
#include "pthread_impl.h"
#include "libc.h"
#endif

#define SZ(t) printf("sizeof %s: %zu\n", #t, sizeof(t))
#define OFF(t, f) printf("offsetof %s.%s: %zu\n", #t, #f, offsetof(t, f))
#define VAL(c) printf("value %s: %ld\n", #c, (long)(c))
#define UNDEF(c) printf("value %s: undefined\n", #c)
#ifdef KEEL_LAYER
#define c_ispeed __c_ispeed
#endif

int main(void)
{
	/* FILE: the fields glibc's inline getc/putc and gnulib read */
#ifdef KEEL_LAYER
	printf("offsetof FILE.flags: %zu\n", offsetof(FILE, flags));
	printf("offsetof FILE.read_ptr: %zu\n", offsetof(FILE, rpos));
	printf("offsetof FILE.read_end: %zu\n", offsetof(FILE, rend));
	printf("offsetof FILE.write_ptr: %zu\n", offsetof(FILE, wpos));
	printf("offsetof FILE.write_end: %zu (musl: mustbezero_1)\n", offsetof(FILE, mustbezero_1));
	printf("value FILE eof flag: %d\n", F_EOF);
	printf("value FILE error flag: %d\n", F_ERR);
#else
	printf("offsetof FILE.flags: %zu\n", offsetof(FILE, _flags));
	printf("offsetof FILE.read_ptr: %zu\n", offsetof(FILE, _IO_read_ptr));
	printf("offsetof FILE.read_end: %zu\n", offsetof(FILE, _IO_read_end));
	printf("offsetof FILE.write_ptr: %zu\n", offsetof(FILE, _IO_write_ptr));
	printf("offsetof FILE.write_end: %zu (musl: mustbezero_1)\n", offsetof(FILE, _IO_write_end));
	printf("value FILE eof flag: %d\n", _IO_EOF_SEEN);
	printf("value FILE error flag: %d\n", _IO_ERR_SEEN);
#endif
	/* where a static mutex initializer puts the kind (glibc: __kind; musl: _m_type) */
#ifdef KEEL_LAYER
	printf("offsetof mutex kind: %zu\n", offsetof(pthread_mutex_t, __u.__i[0]));
	printf("sizeof struct __locale_struct: %zu\n", sizeof(struct __locale_struct));
#else
	printf("offsetof mutex kind: %zu\n", offsetof(pthread_mutex_t, __data.__kind));
	printf("sizeof struct __locale_struct: %zu\n", sizeof(struct __locale_struct));
#endif
	SZ(struct stat); OFF(struct stat, st_mode); OFF(struct stat, st_size); OFF(struct stat, st_mtim);
	SZ(struct dirent); OFF(struct dirent, d_off); OFF(struct dirent, d_reclen);
	OFF(struct dirent, d_type); OFF(struct dirent, d_name);
	SZ(struct sigaction); OFF(struct sigaction, sa_mask); OFF(struct sigaction, sa_flags);
	SZ(sigset_t); SZ(siginfo_t); OFF(siginfo_t, si_addr); SZ(stack_t);
	SZ(ucontext_t); OFF(ucontext_t, uc_mcontext); OFF(ucontext_t, uc_sigmask);
	OFF(ucontext_t, __fpregs_mem); SZ(mcontext_t);
	SZ(jmp_buf); SZ(sigjmp_buf);
	SZ(pthread_t); SZ(pthread_attr_t); SZ(pthread_mutex_t); SZ(pthread_mutexattr_t);
	SZ(pthread_cond_t); SZ(pthread_condattr_t); SZ(pthread_rwlock_t); SZ(pthread_rwlockattr_t);
	SZ(pthread_barrier_t); SZ(pthread_spinlock_t); SZ(pthread_key_t); SZ(pthread_once_t);
	SZ(sem_t);
	SZ(regex_t); OFF(regex_t, re_nsub); SZ(regmatch_t);
	SZ(glob_t); OFF(glob_t, gl_pathc); OFF(glob_t, gl_pathv); OFF(glob_t, gl_offs);
	SZ(wordexp_t);
	SZ(struct tm); OFF(struct tm, tm_gmtoff); OFF(struct tm, tm_zone);
	SZ(struct timespec); SZ(struct timeval); SZ(struct rlimit); SZ(struct rusage);
	SZ(struct utsname); SZ(struct passwd); OFF(struct passwd, pw_dir); SZ(struct group);
	SZ(struct addrinfo); OFF(struct addrinfo, ai_addr); OFF(struct addrinfo, ai_next);
	SZ(struct sockaddr_storage);
	SZ(struct msghdr); OFF(struct msghdr, msg_iovlen); OFF(struct msghdr, msg_controllen);
	OFF(struct msghdr, msg_flags); SZ(struct cmsghdr); SZ(struct iovec);
	SZ(struct lconv); OFF(struct lconv, int_frac_digits); OFF(struct lconv, int_n_sign_posn);
	SZ(struct termios); OFF(struct termios, c_cc); OFF(struct termios, c_ispeed);
	SZ(struct statvfs); OFF(struct statvfs, f_fsid); OFF(struct statvfs, f_flag);
	OFF(struct statvfs, f_namemax);
	SZ(struct statfs); SZ(struct flock); SZ(struct epoll_event); SZ(struct pollfd);
	SZ(fd_set); SZ(struct utmpx); SZ(struct sched_param); SZ(cpu_set_t); SZ(struct option);
	SZ(struct sigevent); SZ(struct itimerspec); SZ(struct mntent);
	SZ(struct aiocb); OFF(struct aiocb, aio_offset);
	SZ(mbstate_t); SZ(wint_t); SZ(wchar_t); SZ(off_t); SZ(time_t); SZ(clock_t);
	SZ(long double); SZ(max_align_t);

	VAL(O_CREAT); VAL(O_EXCL); VAL(O_TRUNC); VAL(O_APPEND); VAL(O_NONBLOCK); VAL(O_DSYNC);
	VAL(O_SYNC); VAL(O_DIRECT); VAL(O_LARGEFILE); VAL(O_DIRECTORY); VAL(O_NOFOLLOW);
	VAL(O_CLOEXEC); VAL(O_PATH); VAL(O_TMPFILE); VAL(O_NOATIME);
	VAL(AT_FDCWD); VAL(AT_SYMLINK_NOFOLLOW); VAL(AT_REMOVEDIR); VAL(AT_EMPTY_PATH);
	VAL(F_GETLK); VAL(F_SETLK); VAL(F_SETLKW); VAL(F_DUPFD_CLOEXEC); VAL(F_OFD_GETLK);
	VAL(_SC_ARG_MAX); VAL(_SC_CLK_TCK); VAL(_SC_OPEN_MAX); VAL(_SC_PAGESIZE);
	VAL(_SC_NPROCESSORS_CONF); VAL(_SC_NPROCESSORS_ONLN); VAL(_SC_PHYS_PAGES);
	VAL(_SC_GETPW_R_SIZE_MAX); VAL(_SC_GETGR_R_SIZE_MAX); VAL(_SC_LINE_MAX);
	VAL(_SC_HOST_NAME_MAX); VAL(_SC_THREAD_STACK_MIN); VAL(_SC_IOV_MAX);
	VAL(_SC_NGROUPS_MAX); VAL(_SC_AVPHYS_PAGES);

#ifdef _SC_LEVEL1_DCACHE_LINESIZE
	VAL(_SC_LEVEL1_DCACHE_LINESIZE);
#else
	UNDEF(_SC_LEVEL1_DCACHE_LINESIZE);
#endif

	VAL(_PC_NAME_MAX); VAL(_PC_PATH_MAX); VAL(_PC_PIPE_BUF);
	VAL(SA_RESTART); VAL(SA_SIGINFO); VAL(SA_ONSTACK); VAL(SA_NODEFER); VAL(SA_RESETHAND);
	VAL(SIG_BLOCK); VAL(SIG_SETMASK); VAL(SIGRTMIN); VAL(SIGRTMAX); VAL(_NSIG);
	VAL(MINSIGSTKSZ); VAL(SIGSTKSZ);
	VAL(RLIMIT_NOFILE); VAL(RLIMIT_STACK); VAL(RLIM_INFINITY);
	VAL(PTHREAD_MUTEX_NORMAL); VAL(PTHREAD_MUTEX_RECURSIVE); VAL(PTHREAD_MUTEX_ERRORCHECK);
	VAL(PTHREAD_MUTEX_DEFAULT); VAL(PTHREAD_CREATE_DETACHED); VAL(PTHREAD_CANCEL_DISABLE);
	VAL(PTHREAD_CANCEL_ASYNCHRONOUS); VAL(PTHREAD_PROCESS_SHARED); VAL(PTHREAD_MUTEX_ROBUST);
	VAL(PTHREAD_STACK_MIN); VAL(PTHREAD_KEYS_MAX); VAL(PTHREAD_DESTRUCTOR_ITERATIONS);
	VAL(FD_SETSIZE); VAL(PATH_MAX); VAL(NAME_MAX); VAL(BUFSIZ); VAL(FILENAME_MAX);
	VAL(MB_LEN_MAX); VAL(RAND_MAX); VAL(CLOCKS_PER_SEC); VAL(TMP_MAX); VAL(L_tmpnam);
	VAL(LC_CTYPE); VAL(LC_NUMERIC); VAL(LC_TIME); VAL(LC_COLLATE); VAL(LC_MONETARY);
	VAL(LC_MESSAGES); VAL(LC_ALL); VAL(LC_CTYPE_MASK); VAL(LC_ALL_MASK);
	VAL(CODESET); VAL(RADIXCHAR); VAL(THOUSEP); VAL(D_T_FMT); VAL(ABDAY_1); VAL(MON_1);
	VAL(YESEXPR); VAL(NOEXPR); VAL(CRNCYSTR);
	VAL(GLOB_ERR); VAL(GLOB_MARK); VAL(GLOB_NOSORT); VAL(GLOB_NOCHECK); VAL(GLOB_NOESCAPE);
	VAL(GLOB_PERIOD);
#ifdef GLOB_BRACE
	VAL(GLOB_BRACE);
#else
	UNDEF(GLOB_BRACE);
#endif
	 VAL(GLOB_TILDE);
#ifdef GLOB_ONLYDIR
	VAL(GLOB_ONLYDIR);
#else
	UNDEF(GLOB_ONLYDIR);
#endif
	 VAL(GLOB_NOMATCH);
	VAL(GLOB_ABORTED); VAL(GLOB_NOSPACE);
	VAL(FNM_PATHNAME); VAL(FNM_NOESCAPE); VAL(FNM_PERIOD); VAL(FNM_LEADING_DIR);
	VAL(FNM_CASEFOLD); VAL(FNM_NOMATCH);
	VAL(REG_EXTENDED); VAL(REG_ICASE); VAL(REG_NEWLINE); VAL(REG_NOSUB); VAL(REG_NOTBOL);
	VAL(REG_NOMATCH); VAL(REG_BADPAT); VAL(REG_ESPACE);
	VAL(EAI_AGAIN); VAL(EAI_NONAME); VAL(EAI_SYSTEM); VAL(EAI_MEMORY); VAL(AI_PASSIVE);
	VAL(AI_CANONNAME); VAL(AI_NUMERICHOST); VAL(AI_ADDRCONFIG); VAL(AI_NUMERICSERV);
	VAL(NI_NUMERICHOST); VAL(NI_NUMERICSERV); VAL(NI_NAMEREQD); VAL(NI_MAXHOST);
	VAL(MSG_NOSIGNAL); VAL(MSG_DONTWAIT); VAL(MSG_PEEK); VAL(SOCK_NONBLOCK); VAL(SOCK_CLOEXEC);
	VAL(SO_REUSEADDR); VAL(SO_REUSEPORT); VAL(SOL_SOCKET); VAL(SO_KEEPALIVE);
	VAL(CLOCK_MONOTONIC); VAL(CLOCK_REALTIME_COARSE); VAL(TIMER_ABSTIME);
	VAL(MAP_ANONYMOUS); VAL(MAP_FIXED); VAL(MAP_NORESERVE); VAL(MAP_POPULATE); VAL(MAP_FAILED);
	VAL(MREMAP_MAYMOVE); VAL(MADV_DONTNEED); VAL(MADV_FREE);
	VAL(EPOLLIN); VAL(EPOLLET); VAL(EPOLLEXCLUSIVE); VAL(EPOLL_CLOEXEC);
	VAL(WNOHANG); VAL(WUNTRACED);
	VAL(EAGAIN); VAL(ENOTSUP); VAL(EOPNOTSUPP); VAL(EDEADLK); VAL(ETIMEDOUT);
	return 0;
}
