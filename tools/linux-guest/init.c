/*
 * init.c - /init of the Linux guest's initramfs (see tools/linux-guest/mkinitramfs).
 *
 * Runs as PID 1 in a stock Debian kernel under QEMU and does only what a
 * benchmark needs: mount /proc, /sys and /dev (devtmpfs), load the
 * kernel modules listed in /.init/modules (for devices such as virtio-net,
 * which Debian builds as modules: virtio_mmio too), run one program, and end the VM with
 * that program's exit status, so tools/linux-guest/run sees it like
 * tools/run sees keel's.
 *
 * The program, its arguments and environment come from /.keel/cmdline,
 * the file tools/mkimage writes into keel's boot images (format
 * "keel-cmdline-v1": lines "argv WORD" and "env K=V", "\n" and "\\"
 * escaped), so one image can boot in keel and, with this /init added, in
 * Linux. Words after "--" on the kernel command line, which the kernel
 * hands to init as arguments, are appended to argv, as keel does. PATH is
 * set if the environment lacks it. /.init/modules lists module files, one
 * per line, loaded in that order. The program runs as a child (fork +
 * execve), so init is left to report its status.
 *
 * The exit status takes keel's route (kernel/shutdown.c): the last console
 * line is "linux-guest: exit status N", and N is written to port 0xf4,
 * QEMU's isa-debug-exit device, which makes QEMU exit with 2N+1. PID 1 runs
 * as root, so ioperm() grants the port. A program killed by signal S
 * reports 128+S, as a shell does. If the port cannot be had, init powers
 * the machine off with reboot(RB_POWER_OFF) and the runner falls back to
 * the console line. Built static: the initramfs holds no libraries.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/io.h>
#include <sys/mount.h>
#include <sys/reboot.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#define DEBUG_EXIT_PORT 0xf4
#define MAX_WORDS 256

static void say(const char *fmt, const char *a, int err)
{
	fprintf(stderr, "linux-guest init: ");
	fprintf(stderr, fmt, a);
	if (err)
		fprintf(stderr, ": %s", strerror(err));
	fputc('\n', stderr);
}

static __attribute__((noreturn)) void machine_exit(int status)
{
	printf("linux-guest: exit status %d\n", status);
	fflush(stdout);
	fflush(stderr);
	if (ioperm(DEBUG_EXIT_PORT, 4, 1) == 0)
		outl((unsigned int)(status & 0xff), DEBUG_EXIT_PORT);
	else
		say("ioperm(0x%s) failed, powering off instead", "f4", errno);
	sync();
	reboot(RB_POWER_OFF);
	for (;;)
		pause();
}

static void mount_one(const char *type, const char *dir)
{
	mkdir(dir, 0755);
	if (mount(type, dir, type, 0, NULL) != 0 && errno != EBUSY)
		say("mount %s", dir, errno);
}

static char *read_file(const char *path)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	struct stat st;

	if (fd < 0 || fstat(fd, &st) != 0) {
		if (fd >= 0)
			close(fd);
		return NULL;
	}
	char *buf = malloc((size_t)st.st_size + 1);
	ssize_t len = buf ? read(fd, buf, (size_t)st.st_size) : -1;
	close(fd);
	if (len < 0) {
		free(buf);
		return NULL;
	}
	buf[len] = '\0';
	return buf;
}

/* Undo keel-cmdline-v1's escapes ("\n", "\\") in place. */
static char *unescape(char *w)
{
	char *in = w, *out = w;

	for (; *in; in++)
		if (*in == '\\' && (in[1] == 'n' || in[1] == '\\'))
			*out++ = *++in == 'n' ? '\n' : '\\';
		else
			*out++ = *in;
	*out = '\0';
	return w;
}

/* Parse /.keel/cmdline into argv[] and env[]. Return: 0, or -1 if absent or malformed. */
static int read_cmdline(char **args, int *nargs, char **env, int *nenv)
{
	char *buf = read_file("/.keel/cmdline"), *line, *save;

	*nargs = *nenv = 0;
	if (!buf || strncmp(buf, "keel-cmdline-v1\n", 16) != 0)
		return -1;
	for (line = strtok_r(buf + 16, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		if (strncmp(line, "argv ", 5) == 0 && *nargs < MAX_WORDS)
			args[(*nargs)++] = unescape(line + 5);
		else if (strncmp(line, "env ", 4) == 0 && *nenv < MAX_WORDS)
			env[(*nenv)++] = unescape(line + 4);
	}
	return 0;
}

static void load_modules(void)
{
	char *list = read_file("/.init/modules"), *save;

	for (char *m = list ? strtok_r(list, "\n", &save) : NULL; m; m = strtok_r(NULL, "\n", &save)) {
		int fd = open(m, O_RDONLY | O_CLOEXEC);
		if (fd < 0 || syscall(SYS_finit_module, fd, "", 0) != 0)
			if (errno != EEXIST)
				say("cannot load module %s", m, errno);
		if (fd >= 0)
			close(fd);
	}
	free(list);
}

int main(int argc, char **argv)
{
	char *words[MAX_WORDS + 1], *env[MAX_WORDS + 2];

	/* The kernel opens /dev/console as 0, 1, 2 if the image has it; else get it now. */
	mount_one("devtmpfs", "/dev");
	if (fcntl(1, F_GETFD) < 0) {
		int fd = open("/dev/console", O_RDWR);
		if (fd >= 0) {
			dup2(fd, 0), dup2(fd, 1), dup2(fd, 2);
			if (fd > 2)
				close(fd);
		}
	}
	setvbuf(stdout, NULL, _IOLBF, 0);
	mount_one("proc", "/proc");
	mount_one("sysfs", "/sys");
	load_modules();

	int nargs, nenv, has_path = 0;
	if (read_cmdline(words, &nargs, env, &nenv) != 0 && argc < 2) {
		say("nothing to run: no %s and no arguments after \"--\"", "/.keel/cmdline", 0);
		machine_exit(127);
	}
	for (int i = 1; i < argc && nargs < MAX_WORDS; i++)
		words[nargs++] = argv[i];
	words[nargs] = NULL;
	char **prog = words;
	for (int i = 0; i < nenv; i++)
		has_path |= strncmp(env[i], "PATH=", 5) == 0;
	if (!has_path)
		env[nenv++] = "PATH=/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin";
	env[nenv] = NULL;

	pid_t pid = fork();
	if (pid < 0) {
		say("fork %s", "", errno);
		machine_exit(125);
	}
	if (pid == 0) {
		execve(prog[0], prog, env);
		say("cannot run %s", prog[0], errno);
		_exit(errno == ENOENT ? 127 : 126);
	}
	int status;
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR) {
			say("waitpid %s", "", errno);
			machine_exit(125);
		}
	machine_exit(WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status));
}
