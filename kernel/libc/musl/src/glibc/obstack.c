/*
 * obstack.c - the out-of-line half of glibc's obstacks (<obstack.h>):
 * libgmp (expr, factor) imports _obstack_newchunk and obstack_vprintf for
 * its gmp_obstack_printf. musl has none.
 *
 * Most of an obstack lives in the program: <obstack.h>'s macros grow and
 * finish objects by editing struct obstack directly and call these
 * functions only to start, to get a new chunk, and to free. So the
 * structure is glibc 2.36's (its public header's "interface version 1":
 * long chunk_size, int alignment_mask, int lengths; offsets checked below)
 * and the invariants are the ones those macros rely on: the current object
 * runs from object_base to next_free inside the chunk [chunk, chunk_limit);
 * chunk->limit == chunk_limit; chunks are chained newest first by prev.
 *
 * Behaviour, as glibc's manual describes it: chunks come from the
 * obstack's chunkfun (with extra_arg first when use_extra_arg) and go back
 * through freefun; when one cannot be had, obstack_alloc_failed_handler
 * runs (by default: "memory exhausted" on stderr and exit with
 * obstack_exit_failure). A new chunk holds the object being built, which is
 * moved there, plus the requested room, plus an eighth, plus 100 bytes,
 * and at least chunk_size; the old chunk is freed when that object was all
 * it held. obstack_free(h, obj) frees every object allocated after obj
 * (everything when obj is NULL).
 */
#define _GNU_SOURCE
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "glibc.h"

struct _obstack_chunk {
	char *limit;
	struct _obstack_chunk *prev;
	char contents[4];
};

struct obstack {
	long chunk_size;
	struct _obstack_chunk *chunk;
	char *object_base;
	char *next_free;
	char *chunk_limit;
	union {
		ptrdiff_t tempint;
		void *tempptr;
	} temp;
	int alignment_mask;
	struct _obstack_chunk *(*chunkfun)(void *, long);
	void (*freefun)(void *, struct _obstack_chunk *);
	void *extra_arg;
	unsigned use_extra_arg : 1;
	unsigned maybe_empty_object : 1;
	unsigned alloc_failed : 1;
};

_Static_assert(offsetof(struct obstack, temp) == 40 &&
	       offsetof(struct obstack, alignment_mask) == 48 &&
	       offsetof(struct obstack, chunkfun) == 56 && offsetof(struct obstack, extra_arg) == 72 &&
	       sizeof(struct obstack) == 88 && offsetof(struct _obstack_chunk, contents) == 16,
	       "glibc's struct obstack");

/* glibc's defaults: 16-byte alignment (long double, uintmax_t, pointers), 4064-byte chunks */
#define DEFAULT_ALIGNMENT 16
#define DEFAULT_SIZE 4064

static void print_and_exit(void);
void (*obstack_alloc_failed_handler)(void) = print_and_exit;
int obstack_exit_failure = EXIT_FAILURE;

static void print_and_exit(void)
{
	fputs("memory exhausted\n", stderr);
	exit(obstack_exit_failure);
}

static struct _obstack_chunk *call_chunkfun(struct obstack *h, long size)
{
	if (h->use_extra_arg)
		return h->chunkfun(h->extra_arg, size);
	return ((struct _obstack_chunk * (*)(long)) h->chunkfun)(size);
}

static void call_freefun(struct obstack *h, struct _obstack_chunk *c)
{
	if (h->use_extra_arg)
		h->freefun(h->extra_arg, c);
	else
		((void (*)(void *))h->freefun)(c);
}

static char *align_up(char *p, int mask)
{
	return (char *)(((uintptr_t)p + mask) & ~(uintptr_t)mask);
}

static int begin(struct obstack *h, int size, int alignment)
{
	if (alignment <= 0)
		alignment = DEFAULT_ALIGNMENT;
	if (size <= 0)
		size = DEFAULT_SIZE;
	h->chunk_size = size;
	h->alignment_mask = alignment - 1;
	struct _obstack_chunk *c = h->chunk = call_chunkfun(h, size);
	if (!c)
		obstack_alloc_failed_handler();
	h->next_free = h->object_base = align_up(c->contents, h->alignment_mask);
	h->chunk_limit = c->limit = (char *)c + size;
	c->prev = 0;
	h->maybe_empty_object = 0;
	h->alloc_failed = 0;
	return 1;
}

int _obstack_begin(struct obstack *h, int size, int alignment, void *(*chunkfun)(long),
		   void (*freefun)(void *))
{
	h->chunkfun = (struct _obstack_chunk * (*)(void *, long)) chunkfun;
	h->freefun = (void (*)(void *, struct _obstack_chunk *))freefun;
	h->use_extra_arg = 0;
	return begin(h, size, alignment);
}

int _obstack_begin_1(struct obstack *h, int size, int alignment, void *(*chunkfun)(void *, long),
		     void (*freefun)(void *, void *), void *arg)
{
	h->chunkfun = (struct _obstack_chunk * (*)(void *, long)) chunkfun;
	h->freefun = (void (*)(void *, struct _obstack_chunk *))freefun;
	h->extra_arg = arg;
	h->use_extra_arg = 1;
	return begin(h, size, alignment);
}

void _obstack_newchunk(struct obstack *h, int length)
{
	struct _obstack_chunk *old = h->chunk;
	size_t obj = h->next_free - h->object_base;
	size_t need = offsetof(struct _obstack_chunk, contents) + h->alignment_mask + obj +
		      (length > 0 ? length : 0);
	size_t size = need + (obj >> 3) + 100;
	if (size < (size_t)h->chunk_size)
		size = h->chunk_size;
	struct _obstack_chunk *c = call_chunkfun(h, size);
	if (!c) {
		obstack_alloc_failed_handler();
		return;
	}
	h->chunk = c;
	c->prev = old;
	h->chunk_limit = c->limit = (char *)c + size;
	char *base = align_up(c->contents, h->alignment_mask);
	memcpy(base, h->object_base, obj);
	/* the old chunk held only this object: nothing else lives there */
	if (!h->maybe_empty_object && h->object_base == align_up(old->contents, h->alignment_mask)) {
		c->prev = old->prev;
		call_freefun(h, old);
	}
	h->object_base = base;
	h->next_free = base + obj;
	h->maybe_empty_object = 0;
}

int _obstack_allocated_p(struct obstack *h, void *obj)
{
	for (struct _obstack_chunk *c = h->chunk; c; c = c->prev)
		if ((void *)c < obj && obj <= (void *)c->limit)
			return 1;
	return 0;
}

void obstack_free(struct obstack *h, void *obj)
{
	struct _obstack_chunk *c = h->chunk;
	while (c && ((void *)c >= obj || (void *)c->limit < obj)) {
		struct _obstack_chunk *prev = c->prev;
		call_freefun(h, c);
		c = prev;
		h->maybe_empty_object = 1;
	}
	if (c) {
		h->object_base = h->next_free = obj;
		h->chunk_limit = c->limit;
		h->chunk = c;
	} else if (obj) {
		abort(); /* obj was not in this obstack */
	}
}

weak_alias(obstack_free, _obstack_free);

int _obstack_memory_used(struct obstack *h)
{
	size_t n = 0;
	for (struct _obstack_chunk *c = h->chunk; c; c = c->prev)
		n += c->limit - (char *)c;
	return n;
}

/* obstack_vprintf: the output grows the current object (no terminating NUL) */
int obstack_vprintf(struct obstack *h, const char *restrict fmt, va_list ap)
{
	va_list ap2;
	va_copy(ap2, ap);
	int n = vsnprintf(0, 0, fmt, ap2);
	va_end(ap2);
	if (n < 0)
		return n;
	if (h->chunk_limit - h->next_free < (ptrdiff_t)n + 1)
		_obstack_newchunk(h, n + 1);
	vsnprintf(h->next_free, n + 1, fmt, ap);
	h->next_free += n;
	return n;
}

int obstack_printf(struct obstack *h, const char *restrict fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = obstack_vprintf(h, fmt, ap);
	va_end(ap);
	return n;
}

int __obstack_vprintf_chk(struct obstack *h, int flag, const char *restrict fmt, va_list ap)
{
	(void)flag;
	return obstack_vprintf(h, fmt, ap);
}

int __obstack_printf_chk(struct obstack *h, int flag, const char *restrict fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = obstack_vprintf(h, fmt, ap);
	va_end(ap);
	return n;
}
