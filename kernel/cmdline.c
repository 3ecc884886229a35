/*
 * cmdline.c - split the command line into options and the program's words
 * (grammar in cmdline.h), in place: the words point into the line.
 */
#include "cmdline.h"
#include "klib.h"
#include <asm-generic/errno-base.h>

/* Cut the next word out of *pp (quotes and escapes removed). NULL at the end. */
static char *next_word(char **pp)
{
	char *p = *pp, *out;
	while (*p == ' ')
		p++;
	if (!*p) {
		*pp = p;
		return NULL;
	}
	char *word = out = p;
	bool quoted = false;
	for (; *p && (quoted || *p != ' '); p++) {
		if (*p == '"') {
			quoted = !quoted;
		} else if (quoted && *p == '\\' && (p[1] == '"' || p[1] == '\\')) {
			*out++ = *++p;
		} else {
			*out++ = *p;
		}
	}
	if (*p)
		p++;
	*out = 0; /* out never passes p, so this is inside the word or its separator */
	*pp = p;
	return word;
}

static int add(char **v, int *n, int max, char *word, const char *what)
{
	if (*n == max) {
		printk("keel: more than %d %s\n", max, what);
		return -EINVAL;
	}
	v[(*n)++] = word;
	v[*n] = NULL;
	return 0;
}

int cmdline_parse(char *line, struct cmdline *cl)
{
	bool options = true;
	char *p = line, *word;

	*cl = (struct cmdline){ 0 };
	cl->dhcp_wait_ms = -1;
	/* DESIGN.md: the fastest mode known to work for the binary -- linked when
	 * its imports all resolve, else interp (elf/linked.c says why) */
	cl->mode = CMDLINE_MODE_AUTO;
	while ((word = next_word(&p))) {
		int err = 0;
		if (str_starts(word, "virtio_mmio.device=")) {
			/* QEMU appends these (microvm with acpi=off); virtio_mmio.c reads them */
			continue;
		} else if (options && strcmp(word, "--") == 0) {
			options = false;
		} else if (options && str_starts(word, "--selftest=")) {
			cl->selftest = word + strlen("--selftest=");
		} else if (options && str_starts(word, "--ip=")) {
			cl->ip = word + 5;
		} else if (options && str_starts(word, "--gw=")) {
			cl->gw = word + 5;
		} else if (options && str_starts(word, "--dns=")) {
			cl->dns = word + 6;
		} else if (options && strcmp(word, "--net=none") == 0) {
			cl->net_none = true;
		} else if (options && str_starts(word, "--dhcp-wait=")) {
			const char *v = word + 12;
			int ms = 0;
			if (!*v)
				err = -EINVAL;
			for (; *v && !err; v++) {
				if (*v < '0' || *v > '9' || ms > 1000000)
					err = -EINVAL;
				else
					ms = ms * 10 + (*v - '0');
			}
			if (err)
				printk("keel: --dhcp-wait wants milliseconds, not '%s'\n", word + 12);
			cl->dhcp_wait_ms = ms;
		} else if (options && strcmp(word, "--quiet") == 0) {
			cl->quiet = true;
		} else if (options && strcmp(word, "--syscall-stats") == 0) {
			cl->syscall_stats = true;
		} else if (options && str_starts(word, "--env=")) {
			if (!strchr(word + 6, '=')) {
				printk("keel: --env wants K=V, not '%s'\n", word + 6);
				return -EINVAL;
			}
			err = add(cl->envp, &cl->envc, CMDLINE_MAX_ENV, word + 6, "--env settings");
		} else if (options && str_starts(word, "--mode=")) {
			const char *m = word + 7;
			if (!strcmp(m, "auto"))
				cl->mode = CMDLINE_MODE_AUTO;
			else if (!strcmp(m, "interp"))
				cl->mode = CMDLINE_MODE_INTERP;
			else if (!strcmp(m, "linked"))
				cl->mode = CMDLINE_MODE_LINKED;
			else {
				printk("keel: --mode=%s: the modes are linked, interp and auto\n", m);
				return -EINVAL;
			}
		} else if (options && str_starts(word, "--")) {
			printk("keel: unknown option '%s' (known: --selftest=NAME, --quiet, "
			       "--env=K=V, --syscall-stats, --mode=, --ip=, --gw=, --dns=, --net=none, --dhcp-wait=, --)\n", word);
			return -EINVAL;
		} else {
			options = false;
			err = add(cl->argv, &cl->argc, CMDLINE_MAX_ARGS, word, "program arguments");
		}
		if (err)
			return err;
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
	return launch_program(cl);
}
