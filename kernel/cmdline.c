/*
 * cmdline.c - split the command line into options and the program's argv.
 * Words are separated by spaces; no quoting yet (the image builder of a
 * later issue defines how arguments with spaces are carried).
 */
#include "cmdline.h"
#include "klib.h"
#include <asm-generic/errno-base.h>

int cmdline_parse(char *line, struct cmdline *cl)
{
	bool options = true;
	char *p = line;

	*cl = (struct cmdline){ 0 };
	while (*p) {
		while (*p == ' ')
			*p++ = 0;
		if (!*p)
			break;
		char *word = p;
		while (*p && *p != ' ')
			p++;
		if (*p)
			*p++ = 0;

		if (options && strcmp(word, "--") == 0) {
			options = false;
		} else if (options && str_starts(word, "--selftest=")) {
			cl->selftest = word + strlen("--selftest=");
		} else if (options && strcmp(word, "--quiet") == 0) {
			cl->quiet = true;
		} else if (options && str_starts(word, "--")) {
			printk("keel: unknown option '%s' (known: --selftest=NAME, --quiet, --)\n", word);
			return -EINVAL;
		} else {
			options = false;
			if (cl->argc == CMDLINE_MAX_ARGS) {
				printk("keel: more than %d program arguments\n", CMDLINE_MAX_ARGS);
				return -EINVAL;
			}
			cl->argv[cl->argc++] = word;
		}
	}
	return 0;
}

int cmdline_run(const struct cmdline *cl)
{
	if (cl->selftest) {
		int status = selftest_run(cl->selftest);
		if (status == -ENOENT) {
			printk("keel: no self-test named '%s'; there are:", cl->selftest);
			selftest_list();
			return 2;
		}
		return status;
	}
	if (cl->argc) {
		printk("keel: cannot run '%s': this kernel has no program launcher yet "
		       "(only --selftest=NAME)\n", cl->argv[0]);
		return 127;
	}
	printk("keel: nothing to run (give a program or --selftest=NAME)\n");
	return 0;
}
