/*
 * fortify_stdio.c - glibc's _FORTIFY_SOURCE versions of the printf family,
 * syslog and fread/fgets.
 *
 * The printf family gets an extra "flag" argument (the fortify level:
 * > 0 when built with _FORTIFY_SOURCE=2), and the sprintf family the size
 * of the destination. glibc fails (fortify_str.c: "buffer overflow
 * detected", abort) when the output does not fit, or when slen is smaller
 * than the maxlen given to snprintf. Here the formatting is musl's
 * vsnprintf bounded by slen: output that would not fit stops at the end
 * of the buffer, then the process is aborted as glibc aborts it.
 *
 * Not done: with flag > 0 glibc also refuses a %n directive in a format
 * string that lives in writable memory ("*** %n in writable segments
 * detected ***") and checks that positional arguments leave no gap;
 * musl's printf is used as is for those formats.
 */
#define _GNU_SOURCE
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <syslog.h>
#include "glibc.h"

int __vsprintf_chk(char *restrict s, int flag, size_t slen, const char *restrict fmt, va_list ap)
{
	(void)flag;
	if (!slen)
		__chk_fail();
	if (slen > INT_MAX)
		return vsprintf(s, fmt, ap);
	int r = vsnprintf(s, slen, fmt, ap);
	if (r >= 0 && (size_t)r >= slen)
		__chk_fail();
	return r;
}

int __sprintf_chk(char *restrict s, int flag, size_t slen, const char *restrict fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int r = __vsprintf_chk(s, flag, slen, fmt, ap);
	va_end(ap);
	return r;
}

int __vsnprintf_chk(char *restrict s, size_t maxlen, int flag, size_t slen,
		    const char *restrict fmt, va_list ap)
{
	(void)flag;
	if (slen < maxlen)
		__chk_fail();
	return vsnprintf(s, maxlen, fmt, ap);
}

int __snprintf_chk(char *restrict s, size_t maxlen, int flag, size_t slen,
		   const char *restrict fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int r = __vsnprintf_chk(s, maxlen, flag, slen, fmt, ap);
	va_end(ap);
	return r;
}

int __vfprintf_chk(FILE *restrict f, int flag, const char *restrict fmt, va_list ap)
{
	(void)flag;
	return vfprintf(f, fmt, ap);
}

int __fprintf_chk(FILE *restrict f, int flag, const char *restrict fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int r = __vfprintf_chk(f, flag, fmt, ap);
	va_end(ap);
	return r;
}

int __vprintf_chk(int flag, const char *restrict fmt, va_list ap)
{
	return __vfprintf_chk(stdout, flag, fmt, ap);
}

int __printf_chk(int flag, const char *restrict fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int r = __vfprintf_chk(stdout, flag, fmt, ap);
	va_end(ap);
	return r;
}

int __vdprintf_chk(int fd, int flag, const char *restrict fmt, va_list ap)
{
	(void)flag;
	return vdprintf(fd, fmt, ap);
}

int __dprintf_chk(int fd, int flag, const char *restrict fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int r = __vdprintf_chk(fd, flag, fmt, ap);
	va_end(ap);
	return r;
}

int __vasprintf_chk(char **restrict p, int flag, const char *restrict fmt, va_list ap)
{
	(void)flag;
	return vasprintf(p, fmt, ap);
}

int __asprintf_chk(char **restrict p, int flag, const char *restrict fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int r = __vasprintf_chk(p, flag, fmt, ap);
	va_end(ap);
	return r;
}

void __vsyslog_chk(int prio, int flag, const char *fmt, va_list ap)
{
	(void)flag;
	vsyslog(prio, fmt, ap);
}

void __syslog_chk(int prio, int flag, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsyslog(prio, fmt, ap);
	va_end(ap);
}

/* the bytes fread may store, size * n, must fit in the buffer (plen) */
static void fread_check(size_t plen, size_t size, size_t n)
{
	size_t bytes;
	if (__builtin_mul_overflow(size, n, &bytes) || bytes > plen)
		__chk_fail();
}

size_t __fread_chk(void *restrict p, size_t plen, size_t size, size_t n, FILE *restrict f)
{
	fread_check(plen, size, n);
	return fread(p, size, n, f);
}

size_t __fread_unlocked_chk(void *restrict p, size_t plen, size_t size, size_t n,
			    FILE *restrict f)
{
	fread_check(plen, size, n);
	return fread_unlocked(p, size, n, f);
}

char *__fgets_chk(char *restrict s, size_t slen, int n, FILE *restrict f)
{
	if (n > 0 && (size_t)n > slen)
		__chk_fail();
	return fgets(s, n, f);
}

char *__fgets_unlocked_chk(char *restrict s, size_t slen, int n, FILE *restrict f)
{
	if (n > 0 && (size_t)n > slen)
		__chk_fail();
	return fgets_unlocked(s, n, f);
}
