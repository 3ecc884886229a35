/*
 * fortify_str.c - glibc's _FORTIFY_SOURCE checks for the string and memory
 * functions, and the failure they end in.
 *
 * With -D_FORTIFY_SOURCE (Debian builds everything with it), gcc turns
 * memcpy(d, s, n) into __memcpy_chk(d, s, n, dlen) when it knows the size
 * dlen of the destination object ((size_t)-1 when it does not). Each
 * check below is the one glibc documents for the function: the bytes it
 * would write must fit in dlen; if not, the process ends the way glibc
 * ends it, "*** buffer overflow detected ***: terminated" on standard error
 * and abort() (SIGABRT). Otherwise musl does the work.
 */
#define _BSD_SOURCE
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "glibc.h"

void __glibc_fortify_fail(const char *msg)
{
	/* not stdio: the overflow may have hit its buffers */
	static const char head[] = "*** ", tail[] = " ***: terminated\n";
	write(2, head, sizeof head - 1);
	write(2, msg, strlen(msg));
	write(2, tail, sizeof tail - 1);
	abort();
}

void __chk_fail(void)
{
	__glibc_fortify_fail("buffer overflow detected");
}

void *__memcpy_chk(void *restrict d, const void *restrict s, size_t n, size_t dlen)
{
	if (dlen < n)
		__chk_fail();
	return memcpy(d, s, n);
}

void *__memmove_chk(void *d, const void *s, size_t n, size_t dlen)
{
	if (dlen < n)
		__chk_fail();
	return memmove(d, s, n);
}

void *__mempcpy_chk(void *restrict d, const void *restrict s, size_t n, size_t dlen)
{
	if (dlen < n)
		__chk_fail();
	return (char *)memcpy(d, s, n) + n;
}

void *__memset_chk(void *d, int c, size_t n, size_t dlen)
{
	if (dlen < n)
		__chk_fail();
	return memset(d, c, n);
}

void __explicit_bzero_chk(void *d, size_t n, size_t dlen)
{
	if (dlen < n)
		__chk_fail();
	explicit_bzero(d, n);
}

char *__strcpy_chk(char *restrict d, const char *restrict s, size_t dlen)
{
	size_t n = strlen(s);
	if (n >= dlen)
		__chk_fail();
	return memcpy(d, s, n + 1);
}

char *__stpcpy_chk(char *restrict d, const char *restrict s, size_t dlen)
{
	size_t n = strlen(s);
	if (n >= dlen)
		__chk_fail();
	return (char *)memcpy(d, s, n + 1) + n;
}

char *__strncpy_chk(char *restrict d, const char *restrict s, size_t n, size_t dlen)
{
	if (dlen < n)
		__chk_fail();
	return strncpy(d, s, n);
}

char *__stpncpy_chk(char *restrict d, const char *restrict s, size_t n, size_t dlen)
{
	if (dlen < n)
		__chk_fail();
	return stpncpy(d, s, n);
}

char *__strcat_chk(char *restrict d, const char *restrict s, size_t dlen)
{
	size_t dl = strnlen(d, dlen), sl = strlen(s);
	if (dl == dlen || sl >= dlen - dl)
		__chk_fail();
	memcpy(d + dl, s, sl + 1);
	return d;
}

char *__strncat_chk(char *restrict d, const char *restrict s, size_t n, size_t dlen)
{
	size_t dl = strnlen(d, dlen), sl = strnlen(s, n);
	if (dl == dlen || sl >= dlen - dl)
		__chk_fail();
	memcpy(d + dl, s, sl);
	d[dl + sl] = 0;
	return d;
}
