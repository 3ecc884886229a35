/*
 * check.h - the little checking kit shared by the compat-tests programs.
 *
 * CHECK(cond, fmt, ...) prints "FAIL: <fmt>" with errno's name when cond is
 * false and counts the failure; the program's main() ends with
 * "return check_done();", which prints "result: ok" or "result: N failures"
 * and returns the exit status (0 only when every check held). Everything
 * printed must be the same on every run and on every system: no
 * addresses, pids, times or error strings that libcs word differently.
 */
#ifndef COMPAT_CHECK_H
#define COMPAT_CHECK_H

#include <errno.h>
#include <stdio.h>
#include <string.h>

static int check_failures;

#define CHECK(cond, ...)                                                       \
	do {                                                                   \
		if (!(cond)) {                                                 \
			int check_errno_ = errno;                              \
			printf("FAIL %s:%d: ", __FILE__, __LINE__);            \
			printf(__VA_ARGS__);                                   \
			printf(" (errno %d)\n", check_errno_);                 \
			check_failures++;                                      \
		}                                                              \
	} while (0)

static inline int check_done(void)
{
	if (check_failures)
		printf("result: %d failures\n", check_failures);
	else
		printf("result: ok\n");
	fflush(stdout);
	return check_failures ? 1 : 0;
}

#endif
