/*
 * string.c - glibc's string extensions musl lacks, and the two whose GNU
 * meaning differs from musl's function of the same name.
 *
 * strerror_r: with _GNU_SOURCE (the default in g++, and in most C
 * programs built for glibc) glibc's strerror_r is the GNU one, returning
 * the message (a static string, or buf filled with "Unknown error N");
 * POSIX callers get __xpg_strerror_r, which musl has. musl's strerror_r is
 * the POSIX one returning an int: jemalloc and libsystemd, reading that int
 * as a pointer, would crash. So a glibc program's strerror_r binds to the
 * override.
 *
 * basename: <string.h>'s GNU basename never modifies its argument and
 * returns "" for a path ending in '/'; the POSIX one (<libgen.h>, glibc's
 * __xpg_basename, musl's basename) strips trailing slashes in place.
 *
 * The messages are musl's, so their text differs from glibc's for a few
 * errors (glibc.md); glibc's "Success" for 0 and "Unknown error N" are kept.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include "glibc.h"

void *rawmemchr(const void *s, int c)
{
	if (!(unsigned char)c)
		return (char *)s + strlen(s);
	return memchr(s, c, (size_t)-1);
}

/* musl maps every unknown number to the message of 0, "No error information" */
const char *strerrordesc_np(int e)
{
	if (!e)
		return "Success";
	const char *m = strerror(e);
	return m == strerror(0) ? 0 : m;
}

char *GLIBC_OVERRIDE(strerror_r)(int e, char *buf, size_t len)
{
	const char *m = strerrordesc_np(e);
	if (m)
		return (char *)m;
	snprintf(buf, len, "Unknown error %d", e);
	return buf;
}

char *GLIBC_OVERRIDE(basename)(const char *path)
{
	const char *p = strrchr(path, '/');
	return (char *)(p ? p + 1 : path);
}
