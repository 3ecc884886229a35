/*
 * test_printf.c - host unit tests for the kernel's vsnprintf (kernel/printf.c).
 *
 * The host C library is the reference: every format the kernel claims to
 * support is printed by both, at every buffer size from 0 to past the full
 * length, and the return values and the whole buffers (pre-filled with a
 * marker, so bytes written past the end or a missing NUL show up) must be
 * identical. The few places where the kernel deliberately differs from
 * glibc (%p of NULL, an unknown conversion) are checked against fixed strings.
 *
 * printf.c and string.c are linked in as objects whose libc-clashing names
 * carry a k_ prefix (see kernel/tests/more.mk); klib.h is included under the
 * same renames so the k_ prototypes are the kernel's own.
 *
 * Built and run by `make test` through kernel/tests/more.mk.
 */
#define vsnprintf k_vsnprintf
#define snprintf k_snprintf
#include "klib.h"
#undef vsnprintf
#undef snprintf

#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/types.h>

#include "hosttest.h"

#define BUF 160
#define MARK 0x7e

/* Return: whether kernel and libc agree on fmt for every buffer size. */
static bool vsame(int line, const char *fmt, va_list ap)
{
	char kb[BUF], hb[BUF];
	va_list a1, a2;
	int full;

	va_copy(a1, ap);
	full = vsnprintf(NULL, 0, fmt, a1);
	va_end(a1);
	if (full < 0 || full + 2 > BUF) {
		fprintf(stderr, "line %d: \"%s\": test output too long\n", line, fmt);
		return false;
	}
	/* Largest size first, so a mismatch is reported with the whole output. */
	for (size_t size = BUF; size != (size_t)-1; size--) {
		memset(kb, MARK, sizeof(kb));
		memset(hb, MARK, sizeof(hb));
		va_copy(a1, ap);
		va_copy(a2, ap);
		int kn = k_vsnprintf(kb, size, fmt, a1);
		int hn = vsnprintf(hb, size, fmt, a2);
		va_end(a1);
		va_end(a2);
		if (kn != hn || memcmp(kb, hb, sizeof(kb)) != 0) {
			kb[BUF - 1] = hb[BUF - 1] = 0;
			fprintf(stderr,
				"line %d: \"%s\" size %zu: kernel %d \"%.*s\", libc %d \"%.*s\"\n",
				line, fmt, size, kn, (int)size, kb, hn, (int)size, hb);
			return false;
		}
	}
	return true;
}

static bool same_at(int line, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static bool same_at(int line, const char *fmt, ...)
{
	va_list ap;
	bool ok;

	va_start(ap, fmt);
	ok = vsame(line, fmt, ap);
	va_end(ap);
	return ok;
}

/* The format attribute makes the compiler check each test's own arguments. */
#define SAME(...) CHECK(same_at(__LINE__, __VA_ARGS__))

/* Return: whether k_snprintf into a large buffer gives exactly want. */
static bool gives_at(int line, const char *want, const char *fmt, ...)
{
	char kb[BUF];
	va_list ap;

	memset(kb, MARK, sizeof(kb));
	va_start(ap, fmt);
	int n = k_vsnprintf(kb, sizeof(kb), fmt, ap);
	va_end(ap);
	if (n != (int)strlen(want) || strcmp(kb, want) != 0) {
		fprintf(stderr, "line %d: \"%s\": got %d \"%s\", want \"%s\"\n", line, fmt, n, kb,
			want);
		return false;
	}
	return true;
}
#define GIVES(want, ...) CHECK(gives_at(__LINE__, want, __VA_ARGS__))

static void test_ints(void)
{
	SAME("%d", 0);
	SAME("%d", 1);
	SAME("%d", -1);
	SAME("%d", INT_MAX);
	SAME("%d", INT_MIN);
	SAME("%i", 42);
	SAME("%i", -42);
	SAME("%u", 0u);
	SAME("%u", UINT_MAX);
	SAME("%x", 0xdeadbeefu);
	SAME("%X", 0xdeadbeefu);
	SAME("%x", 0u);
	SAME("%o", 8u);
	SAME("%o", 0777u);
	SAME("%o", UINT_MAX);
	SAME("[%d|%u|%x]", -7, 7u, 7u);
}

static void test_lengths(void)
{
	SAME("%ld", 0L);
	SAME("%ld", LONG_MIN);
	SAME("%ld", LONG_MAX);
	SAME("%li", -123456789012L);
	SAME("%lu", ULONG_MAX);
	SAME("%lx", ULONG_MAX);
	SAME("%lX", 0xabcdef0123456789UL);
	SAME("%lo", ULONG_MAX);
	SAME("%lld", LLONG_MIN);
	SAME("%lld", LLONG_MAX);
	SAME("%lli", -1LL);
	SAME("%llu", ULLONG_MAX);
	SAME("%llx", 0x123456789abcdefULL);
	SAME("%llo", ULLONG_MAX);
	SAME("%zu", SIZE_MAX);
	SAME("%zu", (size_t)0);
	SAME("%zx", (size_t)0x1234);
	SAME("%zd", (ssize_t)-5);
	SAME("%zd", (ssize_t)SSIZE_MAX);
	/* A long argument must not be read as an int, nor an int as a long. */
	SAME("%d %ld %d", 1, 0x100000002L, 3);
	SAME("%u %llu %u", 4u, 0xffffffff00000001ULL, 5u);
}

static void test_width_flags(void)
{
	SAME("%5d", 42);
	SAME("%5d", -42);
	SAME("%-5d|", 42);
	SAME("%-5d|", -42);
	SAME("%05d", 42);
	SAME("%05d", -42);
	SAME("%08lld", LLONG_MIN);
	SAME("%025lld", LLONG_MIN);
	SAME("%-25lld|", LLONG_MIN);
	SAME("%1d", 12345);
	SAME("%2d", -12345);
	SAME("%03d", 0);
	SAME("%08x", 0xbeefu);
	SAME("%-8x|", 0xbeefu);
	SAME("%016lx", 0x1234UL);
	SAME("%6o", 8u);
	SAME("%06o", 8u);
	SAME("%20llu", ULLONG_MAX);

	/* '#': 0x/0X/0 prefix, none for zero, and the prefix counts toward the width. */
	SAME("%#x", 255u);
	SAME("%#X", 255u);
	SAME("%#x", 0u);
	SAME("%#o", 8u);
	SAME("%#o", 0u);
	SAME("%#lx", 0xffffffff80000000UL);
	SAME("%#llo", ULLONG_MAX);
	SAME("%#10x", 255u);
	SAME("%#010x", 255u);
	SAME("%#-10x|", 255u);
	SAME("%#10X", 255u);
	SAME("%#6o", 8u);
	SAME("%#06o", 8u);
	SAME("%#3x", 0x1234u);
	SAME("%#05x", 0u);

	/* '*' takes the width from the arguments; a negative one means '-'. */
	SAME("%*d", 6, 42);
	SAME("%*d|", -6, 42);
	SAME("%0*d", 6, -42);
	SAME("%*s|", 8, "ab");
	SAME("%*s|", -8, "ab");
	SAME("%-*x|", 6, 0xabu);
	SAME("%*d", 0, 7);
}

/* Flag combinations C allows but GCC's format check warns about. */
static void test_flag_mix(void)
{
	const char *minus_zero = "%-05d|", *zero_minus = "%0-5d|";

	SAME(minus_zero, -42);
	SAME(zero_minus, 42);
}

static void test_strings_chars(void)
{
	const char *null = NULL;

	SAME("%s", "hello");
	SAME("%s", "");
	SAME("%10s|", "hello");
	SAME("%-10s|", "hello");
	SAME("%3s", "toolong");
	SAME("%s and %s", "this", "that");
	SAME("%c", 'A');
	SAME("%3c|", 'x');
	SAME("%-3c|", 'x');
	SAME("%c%c%c", 'a', 'b', 'c');
	SAME("%%");
	SAME("100%%");
	SAME("%d%%", 5);
	SAME("plain text, no conversions");
	SAME("%s", "a string long enough to be cut at every size of the buffer");
	/* NUL via %c is output like any other character. */
	SAME("a%cb", 0);

	GIVES("(null)", "%s", null);
	GIVES("  (null)|", "%8s|", null);
	GIVES("(null)  |", "%-8s|", null);
}

static void test_pointers(void)
{
	SAME("%p", (void *)0x1234);
	SAME("%p", (void *)0xffffffff80001000UL);
	SAME("%p", (void *)&test_pointers);
	SAME("%20p|", (void *)0xabcdef);
	SAME("%-20p|", (void *)0xabcdef);
	SAME("%3p|", (void *)0xabcdef);
	/* glibc prints "(nil)"; the kernel keeps the number. */
	GIVES("0x0", "%p", (void *)0);
	GIVES("     0x0", "%8p", (void *)0);
}

/* Behaviour libc does not define: unknown conversions are copied through. */
static void test_unknown(void)
{
	const char *fmt;

	fmt = "%q";
	GIVES("%q", fmt);
	fmt = "ab%";
	GIVES("ab%", fmt);
	fmt = "ab%-";
	GIVES("ab%", fmt);
	fmt = "%yx%d";
	GIVES("%yx3", fmt, 3);
}

/*
 * An int passed on the stack only defines the low half of its 8-byte slot;
 * GCC pushes such arguments as sign-extended 64-bit immediates. Unsigned
 * values with the top bit set then leave ones in the upper half, which a
 * vsnprintf that read them as long long would print.
 */
static __attribute__((noinline)) void test_int_slots(void)
{
	char b[160];

	k_snprintf(b, sizeof(b), "%x %x %x %x %x %x %x %x %u %d", 0xfffffff1u, 0xfffffff2u,
		   0xfffffff3u, 0xfffffff4u, 0xfffffff5u, 0xfffffff6u, 0xfffffff7u, 0xfffffff8u,
		   0x80000000u, -9);
	CHECK(strcmp(b, "fffffff1 fffffff2 fffffff3 fffffff4 fffffff5 fffffff6 fffffff7 "
			"fffffff8 2147483648 -9") == 0);
}

/* The snprintf wrapper and the truncation contract, spelled out. */
static void test_truncation(void)
{
	char b[16];

	memset(b, MARK, sizeof(b));
	CHECK(k_snprintf(b, 5, "%s", "hello world") == 11);
	CHECK(strcmp(b, "hell") == 0 && b[5] == MARK);

	memset(b, MARK, sizeof(b));
	CHECK(k_snprintf(b, 1, "%d", 12345) == 5);
	CHECK(b[0] == 0 && b[1] == MARK);

	memset(b, MARK, sizeof(b));
	CHECK(k_snprintf(b, 0, "%d", 12345) == 5);
	CHECK(b[0] == MARK);
	CHECK(k_snprintf(NULL, 0, "%s=%d", "x", -1) == 4);

	memset(b, MARK, sizeof(b));
	CHECK(k_snprintf(b, 4, "%05d", -42) == 5);
	CHECK(strcmp(b, "-00") == 0);

	memset(b, MARK, sizeof(b));
	CHECK(k_snprintf(b, sizeof(b), "%s", "") == 0);
	CHECK(b[0] == 0 && b[1] == MARK);

	memset(b, MARK, sizeof(b));
	CHECK(k_snprintf(b, sizeof(b), "%d:%s", 7, "ok") == 4);
	CHECK(strcmp(b, "7:ok") == 0);
}

int main(void)
{
	test_ints();
	test_lengths();
	test_width_flags();
	test_flag_mix();
	test_strings_chars();
	test_pointers();
	test_unknown();
	test_int_slots();
	test_truncation();
	return TEST_END();
}
