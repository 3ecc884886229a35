/*
 * regex.c - regcomp and regexec with glibc's regex_t and regmatch_t.
 *
 * Both libcs' regex_t are 64 bytes, but glibc keeps re_nsub (the one
 * public field) at offset 48, musl at 0 (musl's 48 is padding). And
 * glibc's regmatch_t is two ints (regoff_t is int), 8 bytes, musl's two
 * ssize_t, 16: musl writing a glibc program's match array would write
 * twice as far as it goes, with the offsets in the wrong halves. So for
 * glibc programs regcomp also stores the count of subexpressions where
 * they read it, and regexec runs musl's on an array of musl's matches and
 * copies the offsets into the program's. REG_STARTEND (glibc: search only
 * between pmatch[0].rm_so and rm_eo, offsets still relative to the
 * string) is done by matching that stretch as a string of its own; musl
 * has no such flag. regerror and regfree need nothing.
 */
#include <regex.h>
#include <stdlib.h>
#include <string.h>
#include "glibc.h"

#define GLIBC_REG_STARTEND 4
#define GLIBC_RE_NSUB_OFFSET 48

struct glibc_regmatch {
	int rm_so, rm_eo;
};

_Static_assert(sizeof(regex_t) == 64, "regex_t is 64 bytes in both");

int GLIBC_OVERRIDE(regcomp)(regex_t *restrict re, const char *restrict pattern, int cflags)
{
	int r = regcomp(re, pattern, cflags);
	if (!r)
		memcpy((char *)re + GLIBC_RE_NSUB_OFFSET, &re->re_nsub, sizeof re->re_nsub);
	return r;
}

int GLIBC_OVERRIDE(regexec)(const regex_t *restrict re, const char *restrict s, size_t n,
			    struct glibc_regmatch *restrict m, int eflags)
{
	regmatch_t small[16], *mm = small;
	char *copy = 0;
	int base = 0, r;

	if ((eflags & GLIBC_REG_STARTEND) && m) {
		size_t len = m[0].rm_eo - m[0].rm_so;
		base = m[0].rm_so;
		if (!(copy = malloc(len + 1)))
			return REG_ESPACE;
		memcpy(copy, s + base, len);
		copy[len] = 0;
		s = copy;
	}
	if (!m)
		n = 0;
	if (n > sizeof small / sizeof *small && !(mm = malloc(n * sizeof *mm))) {
		free(copy);
		return REG_ESPACE;
	}
	r = regexec(re, s, n, mm, eflags & (REG_NOTBOL | REG_NOTEOL));
	if (!r) {
		for (size_t i = 0; i < n; i++) {
			m[i].rm_so = mm[i].rm_so < 0 ? -1 : (int)mm[i].rm_so + base;
			m[i].rm_eo = mm[i].rm_eo < 0 ? -1 : (int)mm[i].rm_eo + base;
		}
	}
	if (mm != small)
		free(mm);
	free(copy);
	return r;
}
