/*
 * printf_format.c - parse_printf_format (glibc's <printf.h>), which
 * libsystemd uses to step over the arguments of a printf-style format.
 *
 * As glibc's manual describes it: the return value is the number of
 * arguments the format consumes; the type of each of the first n is
 * stored in argtypes (a PA_* base type, ORed with PA_FLAG_* for the size
 * modifiers). Width and precision given as '*' consume an int each, before
 * the value. Positional arguments (%3$d, *2$) store at their position, and
 * the count is then the highest position used. %% and %m consume nothing.
 * The types are the ones glibc 2.36 reports (checked against it,
 * tests/glibc_test.c): for integers hh gives PA_CHAR, h PA_FLAG_SHORT, and
 * l, ll, j, z, Z, t PA_FLAG_LONG (all are long on x86-64) while L and q
 * give no flag; L, q and ll make a double PA_FLAG_LONG_DOUBLE; %n is
 * PA_INT | PA_FLAG_PTR whatever its size; %lc and %ls stay PA_CHAR and
 * PA_STRING (only %C and %S are the wide ones). For stepping over
 * arguments, which is what callers do, those are the right sizes.
 */
#include <stddef.h>
#include "glibc.h"

enum { PA_INT, PA_CHAR, PA_WCHAR, PA_STRING, PA_WSTRING, PA_POINTER, PA_FLOAT, PA_DOUBLE };
#define PA_FLAG_LONG_DOUBLE (1 << 8)
#define PA_FLAG_LONG (1 << 9)
#define PA_FLAG_SHORT (1 << 10)
#define PA_FLAG_PTR (1 << 11)

struct parse {
	size_t n, next, count;
	int *types;
};

static void store(struct parse *ps, size_t pos, int type)
{
	size_t i = pos ? pos - 1 : ps->next++;
	if (i < ps->n)
		ps->types[i] = type;
	if (i + 1 > ps->count)
		ps->count = i + 1;
}

/* "N$" at *s: N, and s moved past it; else 0 */
static size_t position(const char **s)
{
	const char *p = *s;
	size_t v = 0;
	while (*p >= '0' && *p <= '9')
		v = v * 10 + (*p++ - '0');
	if (*p != '$' || !v)
		return 0;
	*s = p + 1;
	return v;
}

/* a width or precision: '*' (maybe "*N$") consumes an int */
static const char *number(struct parse *ps, const char *f)
{
	if (*f == '*') {
		f++;
		store(ps, position(&f), PA_INT);
		return f;
	}
	while (*f >= '0' && *f <= '9')
		f++;
	return f;
}

size_t parse_printf_format(const char *restrict fmt, size_t n, int *restrict types)
{
	struct parse ps = { n, 0, 0, types };
	const char *f = fmt;

	while (*f) {
		if (*f++ != '%')
			continue;
		if (*f == '%') {
			f++;
			continue;
		}
		size_t pos = position(&f);
		while (*f == '-' || *f == '+' || *f == ' ' || *f == '#' || *f == '0' || *f == '\'' ||
		       *f == 'I')
			f++;
		f = number(&ps, f);
		if (*f == '.')
			f = number(&ps, f + 1);
		int h = 0, l = 0, big = 0, word = 0;
		for (;; f++) {
			if (*f == 'h')
				h++;
			else if (*f == 'l')
				l++;
			else if (*f == 'L' || *f == 'q')
				big = 1;
			else if (*f == 'j' || *f == 'z' || *f == 'Z' || *f == 't')
				word = 1;
			else
				break;
		}
		switch (*f) {
		case 'd': case 'i': case 'o': case 'u': case 'x': case 'X':
			store(&ps, pos, h > 1 ? PA_CHAR : h ? PA_INT | PA_FLAG_SHORT :
					   l || word ? PA_INT | PA_FLAG_LONG : PA_INT);
			break;
		case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'a': case 'A':
			store(&ps, pos, big || l > 1 ? PA_DOUBLE | PA_FLAG_LONG_DOUBLE : PA_DOUBLE);
			break;
		case 'c':
			store(&ps, pos, PA_CHAR);
			break;
		case 'C':
			store(&ps, pos, PA_WCHAR);
			break;
		case 's':
			store(&ps, pos, PA_STRING);
			break;
		case 'S':
			store(&ps, pos, PA_WSTRING);
			break;
		case 'p':
			store(&ps, pos, PA_POINTER);
			break;
		case 'n':
			store(&ps, pos, PA_INT | PA_FLAG_PTR);
			break;
		default: /* %m, or not a conversion: no argument */
			break;
		}
		if (*f)
			f++;
	}
	return ps.count;
}
