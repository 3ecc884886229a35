/*
 * test_string.c - host unit tests for the kernel's string functions
 * (kernel/string.c).
 *
 * Where C defines the result (mem*, str*), the kernel's function is run
 * next to libc's on the same inputs: for comparisons the sign must agree,
 * for copies the whole destination buffer, guard bytes included. The
 * kernel-only helpers (strlcpy, str_starts, parse_u64) are checked against
 * their contracts in klib.h, parse_u64 at the edges of the uint64_t range.
 *
 * string.c is linked in as an object whose libc-clashing names carry a k_
 * prefix (see kernel/tests/more.mk); klib.h is included under the same
 * renames so the k_ prototypes are the kernel's own.
 *
 * Built and run by `make test` through kernel/tests/more.mk.
 */
#define memset k_memset
#define memcpy k_memcpy
#define memmove k_memmove
#define memcmp k_memcmp
#define strlen k_strlen
#define strnlen k_strnlen
#define strcmp k_strcmp
#define strncmp k_strncmp
#define strchr k_strchr
#define strlcpy k_strlcpy
#include "klib.h"
#undef memset
#undef memcpy
#undef memmove
#undef memcmp
#undef strlen
#undef strnlen
#undef strcmp
#undef strncmp
#undef strchr
#undef strlcpy

#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <asm-generic/errno-base.h>

#include "hosttest.h"

static int sign(int v)
{
	return (v > 0) - (v < 0);
}

/* A recognisable, position-dependent byte pattern. */
static void pattern(unsigned char *p, size_t n, unsigned seed)
{
	for (size_t i = 0; i < n; i++)
		p[i] = (unsigned char)(seed + i * 7 + (i >> 3));
}

static void test_memset(void)
{
	unsigned char k[64], h[64];

	for (size_t off = 0; off < 8; off++) {
		for (size_t n = 0; n <= 40; n += 3) {
			pattern(k, sizeof(k), 1);
			pattern(h, sizeof(h), 1);
			CHECK(k_memset(k + off, 0xab, n) == k + off);
			memset(h + off, 0xab, n);
			CHECK(memcmp(k, h, sizeof(k)) == 0);
		}
	}
	/* Only the low byte of c is stored. */
	k_memset(k, 0x1ff, 4);
	CHECK(k[0] == 0xff && k[3] == 0xff);
	k_memset(k, -1, 2);
	CHECK(k[0] == 0xff && k[1] == 0xff);
}

static void test_memcpy(void)
{
	unsigned char src[64], k[80], h[80];

	pattern(src, sizeof(src), 3);
	for (size_t off = 0; off < 8; off++) {
		for (size_t n = 0; n <= sizeof(src); n += 5) {
			memset(k, 0x5a, sizeof(k));
			memset(h, 0x5a, sizeof(h));
			CHECK(k_memcpy(k + off, src, n) == k + off);
			memcpy(h + off, src, n);
			CHECK(memcmp(k, h, sizeof(k)) == 0);
		}
	}
}

/* Overlap in both directions, at every distance and length in a small window. */
static void test_memmove(void)
{
	unsigned char k[48], h[48];
	bool ok = true;

	for (size_t d = 0; d < 16; d++) {
		for (size_t s = 0; s < 16; s++) {
			for (size_t n = 0; n <= 32; n++) {
				pattern(k, sizeof(k), 9);
				pattern(h, sizeof(h), 9);
				ok &= k_memmove(k + d, k + s, n) == k + d;
				memmove(h + d, h + s, n);
				ok &= memcmp(k, h, sizeof(k)) == 0;
			}
		}
	}
	CHECK(ok);

	/* Spelled out once each way. */
	char fwd[] = "abcdefgh", back[] = "abcdefgh";
	k_memmove(fwd, fwd + 2, 6); /* dest below src */
	CHECK(memcmp(fwd, "cdefghgh", 8) == 0);
	k_memmove(back + 2, back, 6); /* dest above src: must copy from the end */
	CHECK(memcmp(back, "ababcdef", 8) == 0);
}

static void test_memcmp(void)
{
	static const struct {
		const char *a, *b;
		size_t n;
	} c[] = {
		{ "abc", "abc", 3 }, { "abc", "abd", 3 }, { "abd", "abc", 3 },
		{ "abc", "abd", 2 }, { "", "", 0 },       { "a", "b", 0 },
		{ "\x80", "\x7f", 1 }, /* bytes compare as unsigned */
		{ "\xff\x00", "\xff\x01", 2 },
	};

	for (size_t i = 0; i < ARRAY_SIZE(c); i++)
		CHECK(sign(k_memcmp(c[i].a, c[i].b, c[i].n)) ==
		      sign(memcmp(c[i].a, c[i].b, c[i].n)));
	/* Past a NUL: memcmp does not stop there. */
	CHECK(k_memcmp("a\0b", "a\0c", 3) < 0);
}

static void test_strlen(void)
{
	static const char *s[] = { "", "a", "hello", "with\ttab", "\xff\xfe" };

	for (size_t i = 0; i < ARRAY_SIZE(s); i++) {
		CHECK(k_strlen(s[i]) == strlen(s[i]));
		for (size_t max = 0; max < 8; max++)
			CHECK(k_strnlen(s[i], max) == strnlen(s[i], max));
	}
	/* strnlen must not read past max: no NUL in this array at all. */
	const char nonul[4] = { 'a', 'b', 'c', 'd' };
	CHECK(k_strnlen(nonul, sizeof(nonul)) == 4);
	CHECK(k_strnlen(nonul, 2) == 2);
}

static void test_strcmp(void)
{
	static const char *s[] = { "", "a", "b", "ab", "abc", "abd", "abcd", "A", "\x80", "\x7f" };

	for (size_t i = 0; i < ARRAY_SIZE(s); i++) {
		for (size_t j = 0; j < ARRAY_SIZE(s); j++) {
			CHECK(sign(k_strcmp(s[i], s[j])) == sign(strcmp(s[i], s[j])));
			for (size_t n = 0; n < 6; n++)
				CHECK(sign(k_strncmp(s[i], s[j], n)) ==
				      sign(strncmp(s[i], s[j], n)));
		}
	}
	/* strncmp stops at the first NUL even if n goes further. */
	CHECK(k_strncmp("ab\0x", "ab\0y", 4) == 0);
}

static void test_strchr(void)
{
	const char *s = "hello, world";

	CHECK(k_strchr(s, 'h') == s);
	CHECK(k_strchr(s, 'o') == s + 4);
	CHECK(k_strchr(s, 'd') == s + 11);
	CHECK(k_strchr(s, 'z') == NULL);
	CHECK(k_strchr(s, 0) == s + 12); /* the terminator counts */
	CHECK(k_strchr("", 0) != NULL);
	CHECK(k_strchr("", 'a') == NULL);
	CHECK(k_strchr("a\xe9", 0xe9) != NULL); /* c is converted to char */
	CHECK(k_strchr(s, 'o' + 256) == s + 4);
}

static void test_strlcpy(void)
{
	char d[8];

	memset(d, 'Z', sizeof(d));
	CHECK(k_strlcpy(d, "abc", sizeof(d)) == 3);
	CHECK(strcmp(d, "abc") == 0 && d[4] == 'Z');

	memset(d, 'Z', sizeof(d));
	CHECK(k_strlcpy(d, "abcdefghij", sizeof(d)) == 10); /* returns strlen(src) */
	CHECK(strcmp(d, "abcdefg") == 0);

	memset(d, 'Z', sizeof(d));
	CHECK(k_strlcpy(d, "abcdefg", sizeof(d)) == 7); /* exactly fits */
	CHECK(strcmp(d, "abcdefg") == 0);

	memset(d, 'Z', sizeof(d));
	CHECK(k_strlcpy(d, "abc", 1) == 3);
	CHECK(d[0] == 0 && d[1] == 'Z');

	memset(d, 'Z', sizeof(d));
	CHECK(k_strlcpy(d, "abc", 0) == 3); /* size 0 writes nothing */
	CHECK(d[0] == 'Z');

	CHECK(k_strlcpy(d, "", sizeof(d)) == 0 && d[0] == 0);
}

static void test_str_starts(void)
{
	CHECK(str_starts("--selftest=boot", "--selftest="));
	CHECK(str_starts("abc", "abc"));
	CHECK(str_starts("abc", ""));
	CHECK(str_starts("", ""));
	CHECK(!str_starts("", "a"));
	CHECK(!str_starts("ab", "abc"));
	CHECK(!str_starts("abd", "abc"));
	CHECK(!str_starts("Abc", "abc"));
}

static void test_parse_u64(void)
{
	static const struct {
		const char *s;
		uint64_t v;
	} good[] = {
		{ "0", 0 },
		{ "7", 7 },
		{ "0042", 42 },
		{ "4294967296", 4294967296ULL },
		{ "1844674407370955161", 1844674407370955161ULL }, /* UINT64_MAX / 10 */
		{ "18446744073709551609", 18446744073709551609ULL },
		{ "18446744073709551610", 18446744073709551610ULL },
		{ "18446744073709551615", UINT64_MAX },
		{ "000000000000000000000018446744073709551615", UINT64_MAX },
	};
	static const char *bad[] = {
		"", "-1", "+1", " 1", "1 ", "12a", "a12", "0x10", "1.5",
		"18446744073709551616", /* UINT64_MAX + 1 */
		"18446744073709551620",
		"18446744073709551700",
		"99999999999999999999",
		"184467440737095516150",
		"100000000000000000000000",
	};

	for (size_t i = 0; i < ARRAY_SIZE(good); i++) {
		uint64_t v = 12345;
		int err = parse_u64(good[i].s, &v);
		if (err || v != good[i].v)
			fprintf(stderr, "parse_u64(\"%s\"): %d, %llu\n", good[i].s, err,
				(unsigned long long)v);
		CHECK(err == 0 && v == good[i].v);
	}
	for (size_t i = 0; i < ARRAY_SIZE(bad); i++) {
		uint64_t v = 12345;
		int err = parse_u64(bad[i], &v);
		if (err != -EINVAL)
			fprintf(stderr, "parse_u64(\"%s\"): %d, %llu\n", bad[i], err,
				(unsigned long long)v);
		CHECK(err == -EINVAL);
		CHECK(v == 12345); /* *out is left alone on failure */
	}
}

int main(void)
{
	test_memset();
	test_memcpy();
	test_memmove();
	test_memcmp();
	test_strlen();
	test_strcmp();
	test_strchr();
	test_strlcpy();
	test_str_starts();
	test_parse_u64();
	return TEST_END();
}
