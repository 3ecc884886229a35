/*
 * launch.c - from the command line and the boot image to a running program.
 *
 * The boot image (a cpio archive, unpacked into ramfs by main.c) may carry
 * /.keel/cmdline, written by tools/mkimage: the program's argv and
 * environment, one per line ("argv WORD" / "env K=V" after the header
 * line "keel-cmdline-v1"; a newline in a word is written \n and a
 * backslash \\). Words from the kernel command line are appended to that
 * argv; --env settings are added to that environment (cmdline.h).
 * A bare program name is looked up in /bin, /usr/bin, /sbin, /usr/sbin,
 * as a shell's default PATH would.
 */
#include "cmdline.h"
#include "net.h"
#include "exec.h"
#include "proc.h"
#include "klib.h"
#include "mm.h"
#include "sched.h"
#include "vfs.h"
#include <asm-generic/errno.h>

#define IMAGE_CMDLINE "/.keel/cmdline"
#define IMAGE_CMDLINE_MAX (64 * 1024)
#define MAX_WORDS 256

struct words {
	int n;
	char *v[MAX_WORDS + 1];
};

static int push(struct words *w, char *s)
{
	if (w->n == MAX_WORDS) {
		printk("keel: more than %d program arguments or environment entries\n", MAX_WORDS);
		return -E2BIG;
	}
	w->v[w->n++] = s;
	w->v[w->n] = NULL;
	return 0;
}

/* Undo mkimage's escaping in place. */
static void unescape(char *s)
{
	char *o = s;
	for (; *s; s++) {
		if (*s == '\\' && (s[1] == 'n' || s[1] == '\\'))
			*o++ = *++s == 'n' ? '\n' : '\\';
		else
			*o++ = *s;
	}
	*o = 0;
}

/* Return: 0 (also when there is no such file), or -errno after a message. */
static int read_image_cmdline(struct words *argv, struct words *env)
{
	struct file *f;
	if (vfs_kopen(IMAGE_CMDLINE, O_RDONLY, &f) < 0)
		return 0;
	char *buf = kmalloc(IMAGE_CMDLINE_MAX + 1); /* kept: argv and env point into it */
	long n = buf ? vfs_kread(f, buf, IMAGE_CMDLINE_MAX, 0) : -ENOMEM;
	file_put(f);
	if (n < 0)
		return (int)n;
	buf[n] = 0;
	char *line = buf, *next;
	int err = 0;
	for (int i = 0; *line && !err; i++, line = next) {
		next = strchr(line, '\n');
		if (next)
			*next++ = 0;
		else
			next = line + strlen(line);
		if (i == 0 && strcmp(line, "keel-cmdline-v1")) {
			printk("keel: %s: unknown format (first line '%s')\n", IMAGE_CMDLINE, line);
			return -EINVAL;
		}
		if (i == 0 || !*line)
			continue;
		unescape(line);
		if (str_starts(line, "argv "))
			err = push(argv, line + 5);
		else if (str_starts(line, "env "))
			err = push(env, line + 4);
		else
			printk("keel: %s: ignoring line '%s'\n", IMAGE_CMDLINE, line);
	}
	return err;
}

/* A name without a slash is looked up in the default PATH directories. */
static char *find_program(const char *name)
{
	static const char *const dirs[] = { "/bin/", "/usr/bin/", "/sbin/", "/usr/sbin/" };
	static char path[256];
	if (strchr(name, '/'))
		return (char *)name;
	for (unsigned i = 0; i < ARRAY_SIZE(dirs); i++) {
		struct file *f;
		snprintf(path, sizeof(path), "%s%s", dirs[i], name);
		if (vfs_kopen(path, O_RDONLY, &f) == 0) {
			file_put(f);
			return path;
		}
	}
	return (char *)name;
}

int launch_program(const struct cmdline *cl)
{
	static struct words argv, env;
	int err = read_image_cmdline(&argv, &env);
	for (int i = 0; !err && i < cl->argc; i++)
		err = push(&argv, cl->argv[i]);
	for (int i = 0; !err && i < cl->envc; i++)
		err = push(&env, cl->envp[i]);
	if (err)
		return 2;
	if (argv.n == 0) {
		printk("keel: nothing to run: give a program (a boot image from tools/mkimage, or "
		       "its path on the command line) or --selftest=NAME\n");
		return 2;
	}
	/* the network is up before the program starts (its address, if DHCP, too) */
	if (net_init(cl))
		return 2; /* net_init said which option is wrong */
	argv.v[0] = find_program(argv.v[0]);
	proc.syscall_stats = cl->syscall_stats;
	static const enum exec_mode modes[] = {
		[CMDLINE_MODE_AUTO] = EXEC_AUTO, [CMDLINE_MODE_INTERP] = EXEC_INTERP,
		[CMDLINE_MODE_LINKED] = EXEC_LINKED,
	};
	struct exec_args a = { argv.n, argv.v, env.n, env.v, modes[cl->mode], cl->quiet };
	err = exec_start(&a);
	if (err) {
		printk("keel: could not start %s (error %d)\n", argv.v[0], -err);
		return err == -ENOENT ? 127 : 126; /* as a shell reports "not found" / "cannot run" */
	}
	/* The program's exit ends the VM; this thread has nothing more to do. */
	struct waitq never;
	waitq_init(&never);
	unsigned long flags = sched_lock_irqsave();
	for (;;)
		waitq_wait_locked(&never, 0);
	sched_unlock_irqrestore(flags);
}
