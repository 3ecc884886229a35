/*
 * misc.c - small glibc extensions: the version functions, rpmatch,
 * canonicalize_file_name, __strftime_l, and glibc's assertion message.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <langinfo.h>
#include <limits.h>
#include <locale.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include "glibc.h"

/*
 * The glibc the programs were built against and expect (Debian 12's 2.36:
 * every binary here needs at most GLIBC_2.36). Programs print it or test
 * it for workarounds; confstr(_CS_GNU_LIBC_VERSION) is not provided.
 */
const char *gnu_get_libc_version(void)
{
	return "2.36";
}

const char *gnu_get_libc_release(void)
{
	return "stable";
}

/* realpath with a buffer it allocates */
char *canonicalize_file_name(const char *name)
{
	return realpath(name, 0);
}

/*
 * rpmatch: 1 if the answer matches the locale's YESEXPR, 0 if NOEXPR,
 * -1 for neither or an error, as glibc documents it (both regular
 * expressions are extended ones, "^[yY]" and "^[nN]" in the C locale).
 */
static int matches(const char *s, nl_item item)
{
	regex_t re;
	if (regcomp(&re, nl_langinfo(item), REG_EXTENDED | REG_NOSUB))
		return -1;
	int r = regexec(&re, s, 0, 0, 0) == 0;
	regfree(&re);
	return r;
}

int rpmatch(const char *response)
{
	int r = matches(response, YESEXPR);
	if (r)
		return r;
	r = matches(response, NOEXPR);
	return r > 0 ? 0 : -1;
}

/* musl's __strftime_l is hidden; glibc exports it (libstdc++ calls it) */
size_t GLIBC_OVERRIDE(__strftime_l)(char *restrict s, size_t n, const char *restrict fmt,
				    const struct tm *restrict tm, locale_t loc)
{
	return strftime_l(s, n, fmt, tm, loc);
}

/*
 * assert(): glibc writes "prog: file:line: function: Assertion `expr'
 * failed." (prog is the short program name, left out with its ": " when
 * empty; the function too when NULL) to stderr and aborts; musl's words
 * it "Assertion failed: expr (file: function: line)". Test suites and
 * users compare the text, so glibc programs get glibc's.
 */
_Noreturn void GLIBC_OVERRIDE(__assert_fail)(const char *expr, const char *file, unsigned line,
					     const char *func)
{
	const char *prog = program_invocation_short_name ? program_invocation_short_name : "";
	fprintf(stderr, "%s%s%s:%u: %s%sAssertion `%s' failed.\n", prog, *prog ? ": " : "", file,
		line, func ? func : "", func ? ": " : "", expr);
	fflush(stderr);
	abort();
}
