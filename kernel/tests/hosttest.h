/*
 * hosttest.h - the tiny harness shared by the host unit tests.
 *
 * CHECK(cond) counts a pass or prints the failing line; TEST_END() prints
 * the closing "N passed, N failed" line and returns the exit status.
 */
#ifndef KEEL_HOSTTEST_H
#define KEEL_HOSTTEST_H
#include <stdio.h>

static int ht_passed, ht_failed;

#define CHECK(cond)                                                              \
	do {                                                                     \
		if (cond) {                                                      \
			ht_passed++;                                             \
		} else {                                                         \
			ht_failed++;                                             \
			fprintf(stderr, "%s:%d: FAILED: %s\n", __FILE__, __LINE__, #cond); \
		}                                                                \
	} while (0)

#define TEST_END()                                                            \
	(printf("%s: %d passed, %d failed\n", __FILE__, ht_passed, ht_failed), \
	 ht_failed ? 1 : 0)
#endif
