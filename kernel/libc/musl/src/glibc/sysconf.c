/*
 * sysconf.c - sysconf for glibc programs: the names glibc answers and musl
 * does not.
 *
 * Most of all _SC_MINSIGSTKSZ and _SC_SIGSTKSZ (glibc 2.34): with
 * _GNU_SOURCE, glibc's <signal.h> defines SIGSTKSZ and MINSIGSTKSZ as
 * sysconf(_SC_SIGSTKSZ), so a program sizing its alternate signal stack
 * calls it; musl 1.2.3 does not know the names and returns -1. glibc's
 * values: _SC_MINSIGSTKSZ is the kernel's AT_MINSIGSTKSZ (2048 without
 * it), _SC_SIGSTKSZ four times the larger of that and the constant
 * MINSIGSTKSZ (2048), at least the constant SIGSTKSZ (8192).
 *
 * Then the x86 cache descriptions (_SC_LEVEL1_DCACHE_LINESIZE ...), which
 * glibc reads from CPUID and nginx asks for: the line sizes come from CPUID
 * leaf 1 (the CLFLUSH line size, the cache line on every x86-64); sizes
 * and associativity are 0, glibc's answer when it cannot tell. And the
 * limits glibc reports as constants where musl says "no limit" (-1), which
 * a program may pass straight to malloc: LINE_MAX, the getpw/getgr buffer
 * sizes, STREAM_MAX, EXPR_NEST_MAX, CHARCLASS_NAME_MAX, NL_*, ATEXIT_MAX
 * and the C type limits; _SC_THREAD_STACK_MIN is glibc's x86-64 minimum,
 * 16384 (musl: 2048), since with _GNU_SOURCE PTHREAD_STACK_MIN is
 * __sysconf(_SC_THREAD_STACK_MIN) and a program may size a stack by it.
 * The rest is musl's (kernel/libc/glibc.md lists where its values differ
 * from glibc's).
 */
#include <limits.h>
#include <stdint.h>
#include <unistd.h>
#include <sys/auxv.h>
#include "glibc.h"

#define AT_MINSIGSTKSZ_ 51
#define GLIBC_MINSIGSTKSZ 2048
#define GLIBC_SIGSTKSZ 8192
#define GLIBC_PTHREAD_STACK_MIN 16384

static long cache_line(void)
{
	uint32_t a = 1, b, c = 0, d;
	__asm__("cpuid" : "+a"(a), "=b"(b), "+c"(c), "=d"(d));
	return ((b >> 8) & 0xff) * 8;
}

static long minsigstksz(void)
{
	unsigned long v = getauxval(AT_MINSIGSTKSZ_);
	return v ? (long)v : GLIBC_MINSIGSTKSZ;
}

/* glibc's _SC_* numbers (bits/confname.h) for the names handled here */
enum {
	SC_STREAM_MAX = 5, SC_EXPR_NEST_MAX = 42, SC_LINE_MAX = 43, SC_CHARCLASS_NAME_MAX = 45,
	SC_GETGR_R_SIZE_MAX = 69, SC_GETPW_R_SIZE_MAX = 70, SC_ATEXIT_MAX = 87,
	SC_CHAR_BIT = 101, SC_CHAR_MAX, SC_CHAR_MIN, SC_INT_MAX, SC_INT_MIN, SC_LONG_BIT,
	SC_WORD_BIT, SC_MB_LEN_MAX, SC_NZERO, SC_SSIZE_MAX, SC_SCHAR_MAX, SC_SCHAR_MIN,
	SC_SHRT_MAX, SC_SHRT_MIN, SC_UCHAR_MAX, SC_UINT_MAX, SC_ULONG_MAX, SC_USHRT_MAX,
	SC_NL_ARGMAX, SC_NL_LANGMAX, SC_NL_MSGMAX, SC_NL_NMAX, SC_NL_SETMAX, SC_NL_TEXTMAX,
	SC_THREAD_STACK_MIN = 75,
	SC_LEVEL1_ICACHE_SIZE = 185, SC_LEVEL4_CACHE_LINESIZE = 199,
	SC_MINSIGSTKSZ = 249, SC_SIGSTKSZ = 250,
};

long GLIBC_OVERRIDE(sysconf)(int name)
{
	switch (name) {
	case SC_MINSIGSTKSZ:
		return minsigstksz();
	case SC_SIGSTKSZ: {
		long m = minsigstksz() > GLIBC_MINSIGSTKSZ ? minsigstksz() : GLIBC_MINSIGSTKSZ;
		return 4 * m > GLIBC_SIGSTKSZ ? 4 * m : GLIBC_SIGSTKSZ;
	}
	case SC_THREAD_STACK_MIN: return GLIBC_PTHREAD_STACK_MIN;
	case SC_STREAM_MAX: return 16;
	case SC_EXPR_NEST_MAX: return 32;
	case SC_LINE_MAX: return 2048;
	case SC_CHARCLASS_NAME_MAX: return 2048;
	case SC_GETGR_R_SIZE_MAX: return 1024;
	case SC_GETPW_R_SIZE_MAX: return 1024;
	case SC_ATEXIT_MAX: return INT_MAX;
	case SC_CHAR_BIT: return CHAR_BIT;
	case SC_CHAR_MAX: return CHAR_MAX;
	case SC_CHAR_MIN: return CHAR_MIN;
	case SC_INT_MAX: return INT_MAX;
	case SC_INT_MIN: return INT_MIN;
	case SC_LONG_BIT: return LONG_BIT;
	case SC_WORD_BIT: return WORD_BIT;
	case SC_MB_LEN_MAX: return 16; /* glibc's MB_LEN_MAX */
	case SC_NZERO: return 20;
	case SC_SSIZE_MAX: return 32767; /* glibc reports _POSIX_SSIZE_MAX */
	case SC_SCHAR_MAX: return SCHAR_MAX;
	case SC_SCHAR_MIN: return SCHAR_MIN;
	case SC_SHRT_MAX: return SHRT_MAX;
	case SC_SHRT_MIN: return SHRT_MIN;
	case SC_UCHAR_MAX: return UCHAR_MAX;
	case SC_UINT_MAX: return UINT_MAX;
	case SC_ULONG_MAX: return ULONG_MAX;
	case SC_USHRT_MAX: return USHRT_MAX;
	case SC_NL_ARGMAX: return 4096;
	case SC_NL_LANGMAX: return 2048;
	case SC_NL_MSGMAX: case SC_NL_NMAX: case SC_NL_SETMAX: case SC_NL_TEXTMAX: return INT_MAX;
	}
	if (name >= SC_LEVEL1_ICACHE_SIZE && name <= SC_LEVEL4_CACHE_LINESIZE) {
		/* LEVEL1_ICACHE_SIZE, _ASSOC, _LINESIZE, LEVEL1_DCACHE_..., LEVEL2_CACHE_...,
		 * LEVEL3_CACHE_..., LEVEL4_CACHE_...: three per cache, the line size last */
		return (name - SC_LEVEL1_ICACHE_SIZE) % 3 == 2 ? cache_line() : 0;
	}
	return sysconf(name);
}

/* glibc's own name for it: with _GNU_SOURCE, <limits.h> makes PTHREAD_STACK_MIN
 * __sysconf(_SC_THREAD_STACK_MIN) */
long __sysconf(int name)
{
	return GLIBC_OVERRIDE(sysconf)(name);
}
