/*
 * locale.c - locale_t objects with glibc's layout, for glibc programs.
 *
 * glibc's locale_t points to a public struct __locale_struct that compiled
 * code reads: libstdc++ (its "gnu" locale model) takes the character
 * class and case tables straight from it -- __ctype_b at offset 104,
 * __ctype_tolower at 112, __ctype_toupper at 120 -- for every ctype<char>
 * facet, the classic "C" one included, which every C++ program builds at
 * start. musl's locale_t points to six category pointers (48 bytes), so
 * those reads would land past the end of musl's object.
 *
 * So newlocale and duplocale (and glibc's __newlocale, __duplocale) give a
 * glibc program an object that is both: its first 48 bytes are musl's
 * struct __locale_struct, which every musl function taking a locale_t
 * reads (strtod_l, strcoll_l, nl_langinfo_l, uselocale ...), and the rest
 * is glibc's layout: the C tables musl's __ctype_b_loc, __ctype_tolower_loc
 * and __ctype_toupper_loc give (musl's classification does not depend on
 * the locale), and the category names in __names. musl's freelocale frees
 * it (it is not one of musl's static locales), and uselocale hands back
 * what was given to it, so neither needs an override.
 *
 * glibc's newlocale also takes 1 << LC_ALL as "every category" (libstdc++
 * passes that); musl would read it as no category at all.
 */
#define _GNU_SOURCE
#include <ctype.h>
#include <errno.h>
#include <locale.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "locale_impl.h"
#include "libc.h"
#include "glibc.h"

struct glibc_locale {
	struct __locale_struct musl;	/* glibc's __locales[0..5] */
	const void *magic;		/* __locales[6]: marks an object made here */
	void *unused[6];		/* __locales[7..12] */
	const unsigned short *ctype_b;
	const int *ctype_tolower;
	const int *ctype_toupper;
	const char *names[13];
};

_Static_assert(sizeof(struct __locale_struct) == 48 &&
	       offsetof(struct glibc_locale, ctype_b) == 104 &&
	       offsetof(struct glibc_locale, ctype_tolower) == 112 &&
	       offsetof(struct glibc_locale, ctype_toupper) == 120 &&
	       offsetof(struct glibc_locale, names) == 128 && sizeof(struct glibc_locale) == 232,
	       "glibc's struct __locale_struct");

/* musl's glibc-compatible tables (src/ctype), indexable from -128 to 255 */
const unsigned short **__ctype_b_loc(void);
const int32_t **__ctype_tolower_loc(void);
const int32_t **__ctype_toupper_loc(void);

static const char magic[] = "keel glibc locale";
#define GLIBC_LC_ALL 6

static int is_ours(locale_t l)
{
	return l && l != LC_GLOBAL_LOCALE && ((struct glibc_locale *)l)->magic == magic;
}

static void fill(struct glibc_locale *g)
{
	g->magic = magic;
	g->ctype_b = *__ctype_b_loc();
	g->ctype_tolower = *__ctype_tolower_loc();
	g->ctype_toupper = *__ctype_toupper_loc();
	int same = 1;
	for (int i = 0; i < 6; i++) {
		g->names[i] = g->musl.cat[i] ? g->musl.cat[i]->name : "C";
		same &= !strcmp(g->names[i], g->names[0]);
	}
	/* LC_ALL: the name when all agree (glibc writes a composite otherwise) */
	g->names[GLIBC_LC_ALL] = same ? g->names[0] : "C";
	for (int i = GLIBC_LC_ALL + 1; i < 13; i++)
		g->names[i] = "C";
}

/* a new object holding base's categories (musl's, or the global locale's) */
static struct glibc_locale *make(locale_t base)
{
	struct glibc_locale *g = calloc(1, sizeof *g);
	if (!g) {
		errno = ENOMEM;
		return 0;
	}
	if (base == LC_GLOBAL_LOCALE)
		g->musl = libc.global_locale;
	else if (base)
		g->musl = *base;
	g->magic = magic;
	return g;
}

/*
 * Every object is made here first, then handed to musl's newlocale as the
 * base, which musl changes in place (it is not one of musl's static
 * locales). A NULL base gives the other categories from "C", as POSIX and
 * glibc say (musl itself would take them from the environment). On
 * success a base that was not reused is freed, as glibc does; on failure
 * it is left alone.
 */
locale_t GLIBC_OVERRIDE(newlocale)(int mask, const char *name, locale_t base)
{
	if (mask & (1 << GLIBC_LC_ALL))
		mask |= LC_ALL_MASK;
	mask &= LC_ALL_MASK;
	struct glibc_locale *g = is_ours(base) ? (struct glibc_locale *)base : make(base);
	if (!g)
		return 0;
	if (!newlocale(mask, name, (locale_t)g)) {
		if ((locale_t)g != base)
			free(g);
		return 0;
	}
	fill(g);
	if (base && base != LC_GLOBAL_LOCALE && (locale_t)g != base)
		freelocale(base);
	return (locale_t)g;
}

locale_t GLIBC_OVERRIDE(__newlocale)(int mask, const char *name, locale_t base)
{
	return GLIBC_OVERRIDE(newlocale)(mask, name, base);
}

locale_t GLIBC_OVERRIDE(duplocale)(locale_t old)
{
	struct glibc_locale *g;
	if (is_ours(old)) {
		if ((g = malloc(sizeof *g)))
			memcpy(g, old, sizeof *g);
		return (locale_t)g;
	}
	if ((g = make(old)))
		fill(g);
	return (locale_t)g;
}

locale_t GLIBC_OVERRIDE(__duplocale)(locale_t old)
{
	return GLIBC_OVERRIDE(duplocale)(old);
}
