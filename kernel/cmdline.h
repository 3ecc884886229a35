/*
 * cmdline.h - the kernel command line (QEMU -append).
 *
 * Form: [OPTION...] [--] [PROGRAM ARG...]. Options come first and start
 * with "--"; the first word that does not (or everything after "--") is
 * the program and its arguments (run by a later issue's launcher).
 *   --selftest=NAME   run a built-in self-test instead of a program
 *   --quiet           do not print the boot facts
 */
#ifndef KEEL_CMDLINE_H
#define KEEL_CMDLINE_H

#include <stdbool.h>

#define CMDLINE_MAX_ARGS 64

struct cmdline {
	const char *selftest;
	bool quiet;
	int argc;
	char *argv[CMDLINE_MAX_ARGS + 1];
};

/* Return: 0, or -EINVAL after printing what is wrong. */
int cmdline_parse(char *line, struct cmdline *cl);
/* Run what the command line asks for. Return: the exit status. */
int cmdline_run(const struct cmdline *cl);

/* selftest.c. Return: exit status of the named test, or -ENOENT. */
int selftest_run(const char *name);
void selftest_list(void);

#endif
