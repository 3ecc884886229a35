/*
 * getopt.c - glibc's getopt is GNU getopt.
 *
 * glibc's getopt, getopt_long and getopt_long_only permute argv (options
 * are found after operands, which end up at the end) unless the option
 * string starts with '+' or POSIXLY_CORRECT is set in the environment;
 * '-' returns operands as arguments of option 1. musl's getopt never
 * permutes; its getopt_long and getopt_long_only permute as glibc does
 * but do not look at POSIXLY_CORRECT. So for glibc programs getopt is
 * musl's getopt_long without long options, and POSIXLY_CORRECT is
 * honoured by stopping at the first operand, which is what a leading '+'
 * does. glibc's __posix_getopt (what POSIX-conforming programs bind to)
 * is musl's own (an alias of its getopt).
 *
 * optind, optarg, opterr and optopt are musl's variables; a program's
 * COPY of one is the same variable (keel's linker points musl's GOT slots
 * at the copy, kernel/libc/README.md).
 *
 * Error messages are glibc's (users and test suites read them): musl is
 * called with opterr off, and when it reports an error the message is
 * written here in glibc's words -- "invalid option -- 'x'", "option
 * requires an argument -- 'x'", "unrecognized option '--foo'", "option
 * '--fo' is ambiguous; possibilities: '--foo' '--fox'", "option '--foo'
 * requires an argument", "option '--foo' doesn't allow an argument" --
 * after the program's argv[0], unless opterr is 0 or the option string
 * starts with ':'. The error is classified from the element musl parsed
 * (found before the call: with permutation, the first option at or after
 * optind) the way musl matched it. getopt_long_only keeps musl's messages.
 *
 * Permutation is done here, not by musl: musl 1.2.3 moves the element
 * past argv's end into argv when an option that needs an argument is the
 * last element and operands were skipped before it (its count includes the
 * missing argument), overwriting argv[argc]. So musl parses with a '+'
 * option string (no permutation) at the option found, and the elements
 * it consumed are moved in front of the skipped operands here, as musl
 * would, but never past argv[argc - 1].
 *
 * Differences that remain: glibc exchanges lazily, so while the scan is
 * under way optind can be larger than here (argv[optind - 1] is the same
 * element, the final order and optind are the same); glibc does not call
 * a prefix ambiguous when every long option it matches has the same
 * has_arg, flag and val (two names for one option), musl does.
 */
#define _GNU_SOURCE
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "glibc.h"

/* POSIXLY_CORRECT (and no '+' or '-' of the program's own): is argv[optind] an operand? */
static int posix_stop(int argc, char *const argv[], const char *optstring)
{
	int i = optind ? optind : 1;
	if (optstring[0] == '+' || optstring[0] == '-' || !getenv("POSIXLY_CORRECT"))
		return 0;
	return i < argc && argv[i] && (argv[i][0] != '-' || !argv[i][1]);
}

extern int __optpos, __optreset;

/* the argv element musl will parse next, or 0 inside a cluster of short options */
static const char *next_element(int argc, char *const argv[], const char *optstring)
{
	int i = optind ? optind : 1;
	if (optind && __optpos)
		return 0;
	if (optstring[0] != '+' && optstring[0] != '-')
		while (i < argc && argv[i] && !(argv[i][0] == '-' && argv[i][1]))
			i++;
	return i < argc ? argv[i] : 0;
}

/* glibc's words for the error musl found in "--name[=value]" */
static void long_message(const char *prog, const char *elem, const struct option *lo)
{
	const char *name = elem + 2;
	size_t len = strcspn(name, "=");
	int match = -1, cnt = 0;
	for (int i = 0; lo[i].name; i++) {
		if (strncmp(lo[i].name, name, len))
			continue;
		match = i;
		if (!lo[i].name[len]) {
			cnt = 1;
			break;
		}
		cnt++;
	}
	if (!cnt) {
		fprintf(stderr, "%s: unrecognized option '%s'\n", prog, elem);
	} else if (cnt > 1) {
		fprintf(stderr, "%s: option '%s' is ambiguous; possibilities:", prog, elem);
		for (int i = 0; lo[i].name; i++)
			if (!strncmp(lo[i].name, name, len))
				fprintf(stderr, " '--%s'", lo[i].name);
		fputc('\n', stderr);
	} else if (name[len] == '=' && lo[match].has_arg == no_argument) {
		fprintf(stderr, "%s: option '--%s' doesn't allow an argument\n", prog, lo[match].name);
	} else {
		fprintf(stderr, "%s: option '--%s' requires an argument\n", prog, lo[match].name);
	}
}

static void short_message(const char *prog, const char *optstring)
{
	int c = optopt;
	if (c && c != ':' && strchr(optstring, c))
		fprintf(stderr, "%s: option requires an argument -- '%c'\n", prog, c);
	else
		fprintf(stderr, "%s: invalid option -- '%c'\n", prog, c);
}

/* "+" optstring, kept for the next call with the same option string */
static const char *plus_for(const char *optstring)
{
	static const char *from;
	static char *plus;
	if (from != optstring || !plus) {
		size_t n = strlen(optstring);
		char *p = malloc(n + 2);
		if (!p)
			return 0;
		p[0] = '+';
		memcpy(p + 1, optstring, n + 1);
		free(plus);
		plus = p;
		from = optstring;
	}
	return plus;
}

/* move argv[src] to argv[dest], dest < src, the ones between up by one */
static void move_down(char *const argv[], int dest, int src)
{
	char **av = (char **)argv, *tmp = av[src];
	for (int i = src; i > dest; i--)
		av[i] = av[i - 1];
	av[dest] = tmp;
}

/* musl's getopt_long's permutation, without reaching past argv[argc - 1] */
static int permuting(int argc, char *const argv[], const char *optstring,
		     const struct option *longopts, int *idx)
{
	const char *plus = plus_for(optstring);
	if (!plus)
		return getopt_long(argc, argv, optstring, longopts, idx);
	if (!optind || __optreset) { /* musl's start-again check, made here first */
		__optreset = 0;
		__optpos = 0;
		optind = 1;
	}
	int skipped = optind, i = optind;
	if (optind >= argc || !argv[optind])
		return -1;
	if (!__optpos) {
		for (;; i++) {
			if (i >= argc || !argv[i])
				return -1;
			if (argv[i][0] == '-' && argv[i][1])
				break;
		}
	}
	optind = i;
	int resumed = optind;
	int r = getopt_long(argc, argv, plus, longopts, idx);
	if (optind > argc) /* a missing argument: glibc stops at argc */
		optind = argc;
	if (resumed > skipped) {
		for (int k = 0; k < optind - resumed; k++)
			move_down(argv, skipped, optind - 1);
		optind = skipped + (optind - resumed);
	}
	return r;
}

static int gnu_getopt(int argc, char *const argv[], const char *optstring,
		      const struct option *longopts, int *idx, int longonly)
{
	if (posix_stop(argc, argv, optstring)) {
		if (!optind) { /* the request to start again, as musl reads it */
			optind = 1;
			__optpos = 0;
		}
		return -1;
	}
	if (longonly)
		return getopt_long_only(argc, argv, optstring, longopts, idx);
	const char *elem = next_element(argc, argv, optstring);
	const char *opts = optstring + (optstring[0] == '+' || optstring[0] == '-');
	int saved = opterr, r;
	opterr = 0;
	if (optstring[0] == '+' || optstring[0] == '-')
		r = getopt_long(argc, argv, optstring, longopts, idx);
	else
		r = permuting(argc, argv, optstring, longopts, idx);
	opterr = saved;
	if (optind > argc)
		optind = argc;
	if (r == '?' && saved && opts[0] != ':') {
		if (elem && longopts && elem[0] == '-' && elem[1] == '-' && elem[2])
			long_message(argv[0], elem, longopts);
		else
			short_message(argv[0], opts);
	}
	return r;
}

int GLIBC_OVERRIDE(getopt)(int argc, char *const argv[], const char *optstring)
{
	return gnu_getopt(argc, argv, optstring, 0, 0, 0);
}

int GLIBC_OVERRIDE(getopt_long)(int argc, char *const argv[], const char *optstring,
				const struct option *longopts, int *idx)
{
	return gnu_getopt(argc, argv, optstring, longopts, idx, 0);
}

int GLIBC_OVERRIDE(getopt_long_only)(int argc, char *const argv[], const char *optstring,
				     const struct option *longopts, int *idx)
{
	return gnu_getopt(argc, argv, optstring, longopts, idx, 1);
}
