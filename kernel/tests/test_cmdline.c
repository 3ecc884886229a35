/*
 * test_cmdline.c - host unit tests for the kernel command-line parser
 * (kernel/cmdline.c).
 *
 * cmdline.c runs unchanged against the kernel's own string.c (both linked
 * as k_-renamed objects, see kernel/tests/more.mk). The kernel functions it
 * calls outside that are stubbed here: printk records how often it was
 * called and the last message, so error paths can be checked for saying
 * something; selftest_run/selftest_list record their calls and return
 * what the test asks for.
 *
 * Built and run by `make test` through kernel/tests/more.mk.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <asm-generic/errno-base.h>

#include "cmdline.h"
#include "klib.h"
#include "hosttest.h"

static int printk_calls;
static char printk_last[512];
static int selftest_run_calls, selftest_list_calls, selftest_status;
static const char *selftest_name;

int printk(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	int n = vsnprintf(printk_last, sizeof(printk_last), fmt, ap);
	va_end(ap);
	printk_calls++;
	return n;
}

int selftest_run(const char *name)
{
	selftest_run_calls++;
	selftest_name = name;
	return selftest_status;
}

static int launch_calls, launch_status, launch_argc;

int launch_program(const struct cmdline *c)
{
	launch_calls++;
	launch_argc = c->argc;
	return launch_status;
}

void selftest_list(void)
{
	selftest_list_calls++;
}

static char line[4096];
static struct cmdline cl;

/* Parse a copy of s (the parser writes into its line), with cl full of junk first. */
static int parse(const char *s)
{
	snprintf(line, sizeof(line), "%s", s);
	memset(&cl, 0xa5, sizeof(cl));
	printk_calls = 0;
	printk_last[0] = 0;
	return cmdline_parse(line, &cl);
}

/* The program argv is exactly the given words, NULL-terminated. */
static bool argv_is(int argc, const char *const *want)
{
	if (cl.argc != argc) {
		fprintf(stderr, "  argc %d, want %d\n", cl.argc, argc);
		return false;
	}
	for (int i = 0; i < argc; i++) {
		if (!cl.argv[i] || strcmp(cl.argv[i], want[i]) != 0) {
			fprintf(stderr, "  argv[%d] \"%s\", want \"%s\"\n", i,
				cl.argv[i] ? cl.argv[i] : "(null)", want[i]);
			return false;
		}
	}
	return cl.argv[argc] == NULL;
}
#define ARGV_IS(...)                                                                    \
	CHECK(argv_is(sizeof((const char *[]){ __VA_ARGS__ }) / sizeof(const char *), \
		      (const char *[]){ __VA_ARGS__ }))

/* Nothing at all: no options, no program. */
static bool empty_result(void)
{
	return cl.argc == 0 && cl.argv[0] == NULL && !cl.quiet && cl.selftest == NULL;
}

static void test_empty(void)
{
	CHECK(parse("") == 0 && empty_result());
	CHECK(parse(" ") == 0 && empty_result());
	CHECK(parse("      ") == 0 && empty_result());
	CHECK(parse("--") == 0 && empty_result());
	CHECK(parse("  --  ") == 0 && empty_result());
	CHECK(printk_calls == 0);
}

static void test_options(void)
{
	CHECK(parse("--quiet") == 0);
	CHECK(cl.quiet && cl.selftest == NULL && cl.argc == 0 && cl.argv[0] == NULL);

	CHECK(parse("--selftest=boot") == 0);
	CHECK(!cl.quiet && cl.selftest && strcmp(cl.selftest, "boot") == 0 && cl.argc == 0);

	CHECK(parse("--quiet --selftest=pagefault") == 0);
	CHECK(cl.quiet && cl.selftest && strcmp(cl.selftest, "pagefault") == 0);

	/* The name points into the line (it is not copied), and the last one wins. */
	CHECK(parse("--selftest=a --selftest=bc") == 0);
	CHECK(cl.selftest == line + strlen("--selftest=a --selftest="));
	CHECK(strcmp(cl.selftest, "bc") == 0);

	/* An empty name is passed on; selftest_run decides what it means. */
	CHECK(parse("--selftest=") == 0);
	CHECK(cl.selftest && cl.selftest[0] == 0);
	CHECK(printk_calls == 0);
}

static void test_program(void)
{
	CHECK(parse("prog") == 0);
	ARGV_IS("prog");
	CHECK(cl.argv[0] == line);

	CHECK(parse("--quiet --selftest=x /bin/prog -v --quiet arg") == 0);
	CHECK(cl.quiet && strcmp(cl.selftest, "x") == 0);
	ARGV_IS("/bin/prog", "-v", "--quiet", "arg");

	/* Options end at the first word that is not one: these belong to the program. */
	CHECK(parse("prog --quiet --selftest=x --bogus") == 0);
	CHECK(!cl.quiet && cl.selftest == NULL);
	ARGV_IS("prog", "--quiet", "--selftest=x", "--bogus");

	/* A single '-' is not an option. */
	CHECK(parse("- x") == 0);
	ARGV_IS("-", "x");

	/* Spaces only separate; runs of them, leading and trailing, give no empty words. */
	CHECK(parse("   a    b  c   ") == 0);
	ARGV_IS("a", "b", "c");
	CHECK(parse("--quiet     prog") == 0);
	CHECK(cl.quiet);
	ARGV_IS("prog");

	/* Only spaces separate: a tab is part of a word; single quotes are not quotes. */
	CHECK(parse("a\tb 'c d'") == 0);
	ARGV_IS("a\tb", "'c", "d'");
	CHECK(printk_calls == 0);

	/* Double quotes keep spaces; \" and \\ inside them are a quote and a backslash. */
	CHECK(parse("echo \"a b\" \"q\\\"x\" \"s\\\\\" x\"\"y") == 0);
	ARGV_IS("echo", "a b", "q\"x", "s\\", "xy");
	CHECK(parse("--env=A=1 --env=B=x=y prog") == 0);
	CHECK(cl.envc == 2 && strcmp(cl.envp[0], "A=1") == 0 && strcmp(cl.envp[1], "B=x=y") == 0);
	CHECK(cl.envp[2] == NULL);
	CHECK(parse("--env=novalue prog") == -EINVAL);
	CHECK(parse("--syscall-stats --mode=interp prog") == 0 && cl.syscall_stats);
	CHECK(cl.mode == CMDLINE_MODE_INTERP);
	CHECK(parse("--mode=linked prog") == 0 && cl.mode == CMDLINE_MODE_LINKED);
	CHECK(parse("--mode=auto prog") == 0 && cl.mode == CMDLINE_MODE_AUTO);
	CHECK(parse("prog") == 0 && cl.mode == CMDLINE_MODE_AUTO);
	CHECK(parse("--mode=fast prog") == -EINVAL);
}

static void test_separator(void)
{
	CHECK(parse("-- --quiet --selftest=x") == 0);
	CHECK(!cl.quiet && cl.selftest == NULL);
	ARGV_IS("--quiet", "--selftest=x");

	CHECK(parse("--quiet -- prog -- x") == 0);
	CHECK(cl.quiet);
	ARGV_IS("prog", "--", "x");

	CHECK(parse("-- --") == 0);
	ARGV_IS("--");

	/* "--" after the program is the program's. */
	CHECK(parse("prog --") == 0);
	ARGV_IS("prog", "--");

	/* Only the exact word "--" separates. */
	CHECK(parse("--- x") == -EINVAL);
}

static void test_unknown(void)
{
	static const char *bad[] = {
		"--bogus", "--quiet --bogus prog", "--selftest", "--selftest boot",
		"--quietly", "--QUIET", "--selftest:boot", "--=x",
	};

	for (size_t i = 0; i < ARRAY_SIZE(bad); i++) {
		CHECK(parse(bad[i]) == -EINVAL);
		/* It says which word it did not understand. */
		CHECK(printk_calls == 1);
		CHECK(strstr(printk_last, "unknown option") != NULL);
	}
	CHECK(parse("--quiet --bogus prog") == -EINVAL);
	CHECK(strstr(printk_last, "'--bogus'") != NULL);
}

static void test_too_many(void)
{
	char buf[1024];
	size_t len = 0;

	/* Exactly CMDLINE_MAX_ARGS words fit, and argv stays NULL-terminated. */
	len += snprintf(buf + len, sizeof(buf) - len, "--quiet");
	for (int i = 0; i < CMDLINE_MAX_ARGS; i++)
		len += snprintf(buf + len, sizeof(buf) - len, " w%d", i);
	CHECK(parse(buf) == 0);
	CHECK(cl.argc == CMDLINE_MAX_ARGS);
	CHECK(cl.argv[CMDLINE_MAX_ARGS] == NULL);
	CHECK(strcmp(cl.argv[0], "w0") == 0);
	CHECK(strcmp(cl.argv[CMDLINE_MAX_ARGS - 1], "w63") == 0);
	CHECK(printk_calls == 0);

	/* Trailing spaces after the last one are not another word. */
	snprintf(buf + len, sizeof(buf) - len, "   ");
	CHECK(parse(buf) == 0 && cl.argc == CMDLINE_MAX_ARGS);

	/* One more is refused, with a message, and nothing past the array is written. */
	snprintf(buf + len, sizeof(buf) - len, " one-too-many");
	CHECK(parse(buf) == -EINVAL);
	CHECK(printk_calls == 1);
	CHECK(strstr(printk_last, "more than 64") != NULL);
}

static void test_run(void)
{
	struct cmdline c;

	/* A self-test's status is the exit status. */
	CHECK(parse("--selftest=boot prog") == 0);
	c = cl;
	selftest_status = 7;
	CHECK(cmdline_run(&c) == 7);
	CHECK(selftest_run_calls == 1 && strcmp(selftest_name, "boot") == 0);

	/* An unknown self-test lists the real ones and exits 2. */
	selftest_status = -ENOENT;
	printk_calls = 0;
	CHECK(cmdline_run(&c) == 2);
	CHECK(selftest_list_calls == 1 && printk_calls == 1);
	CHECK(strstr(printk_last, "'boot'") != NULL);

	/* Without a self-test the launcher runs, and its status is the result. */
	CHECK(parse("prog a") == 0);
	c = cl;
	launch_status = 127;
	CHECK(cmdline_run(&c) == 127);
	CHECK(launch_calls == 1 && launch_argc == 2);
	CHECK(selftest_run_calls == 2);

	/* No words: still the launcher (the boot image may name the program). */
	CHECK(parse("--quiet") == 0);
	c = cl;
	launch_status = 0;
	CHECK(cmdline_run(&c) == 0);
	CHECK(launch_calls == 2 && launch_argc == 0);
	CHECK(selftest_run_calls == 2 && selftest_list_calls == 1);
}

int main(void)
{
	test_empty();
	test_options();
	test_program();
	test_separator();
	test_unknown();
	test_too_many();
	test_run();
	return TEST_END();
}
