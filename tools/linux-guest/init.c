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
 *
 * The network, for benchmarks that serve over a NIC: "lo" is always
 * brought up (Linux gives it 127.0.0.1/8 then), and the kernel command
 * line's keel.ip=ADDR/PREFIX [keel.gw=ADDR] [keel.dev=NAME] -- the same
 * address keel takes as --ip=/--gw= -- configure a NIC with plain ioctls
 * (SIOCSIFADDR, SIOCSIFNETMASK, SIOCSIFFLAGS; SIOCADDRT for the default
 * route; the subnet's route comes with the address), before the program
 * starts. The device is NAME, or the first one in /sys/class/net that is
 * not "lo"; init waits up to 5 s for it to appear after the modules are
 * loaded. Linux hands words with a dot to no one (they look like module
 * parameters), so init reads them from /proc/cmdline. A keel.ip that
 * cannot be applied ends the VM with status 125: a server without its
 * address would only make the benchmark wait.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <arpa/inet.h>
#include <dirent.h>
#include <net/if.h>
#include <net/route.h>
#include <netinet/in.h>
#include <sys/io.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/socket.h>
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

/* The whole file, NUL-terminated (read to EOF: /proc files say size 0), or NULL. */
static char *read_file(const char *path)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	size_t len = 0, cap = 4096;
	char *buf = fd >= 0 ? malloc(cap) : NULL;
	ssize_t n;

	while (buf && (n = read(fd, buf + len, cap - 1 - len)) != 0) {
		if (n < 0) {
			if (errno == EINTR)
				continue;
			free(buf);
			buf = NULL;
			break;
		}
		len += (size_t)n;
		if (cap - 1 - len == 0) {
			char *more = realloc(buf, cap *= 2);
			if (!more)
				free(buf);
			buf = more;
		}
	}
	if (fd >= 0)
		close(fd);
	if (buf)
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

/* The value of the kernel command-line word "key=VALUE" (a copy), or NULL. */
static char *cmdline_value(const char *cmdline, const char *key)
{
	size_t klen = strlen(key);

	for (const char *p = cmdline; p && *p;) {
		while (*p == ' ' || *p == '\n' || *p == '\t')
			p++;
		size_t n = strcspn(p, " \n\t");
		if (n > klen && strncmp(p, key, klen) == 0 && p[klen] == '=')
			return strndup(p + klen + 1, n - klen - 1);
		p += n;
	}
	return NULL;
}

/* The first network device in /sys/class/net other than lo, or NULL. */
static char *first_netdev(void)
{
	DIR *d = opendir("/sys/class/net");
	struct dirent *e;
	char *name = NULL;

	while (d && (e = readdir(d)))
		if (e->d_name[0] != '.' && strcmp(e->d_name, "lo") != 0 &&
		    (!name || strcmp(e->d_name, name) < 0)) {
			free(name);
			name = strdup(e->d_name);
		}
	if (d)
		closedir(d);
	return name;
}

static int if_up(int sock, const char *dev)
{
	struct ifreq ifr = { 0 };

	snprintf(ifr.ifr_name, sizeof(ifr.ifr_name), "%s", dev);
	if (ioctl(sock, SIOCGIFFLAGS, &ifr) != 0)
		return -1;
	ifr.ifr_flags |= IFF_UP | IFF_RUNNING;
	return ioctl(sock, SIOCSIFFLAGS, &ifr);
}

static int set_addr(int sock, const char *dev, unsigned long req, struct in_addr a)
{
	struct ifreq ifr = { 0 };
	struct sockaddr_in sin = { .sin_family = AF_INET, .sin_addr = a };

	snprintf(ifr.ifr_name, sizeof(ifr.ifr_name), "%s", dev);
	memcpy(&ifr.ifr_addr, &sin, sizeof(sin));
	return ioctl(sock, req, &ifr);
}

static void net_fail(const char *what, const char *arg, int err)
{
	say(what, arg, err);
	machine_exit(125);
}

/* lo up; the NIC from keel.ip= / keel.gw= / keel.dev= (see the top comment). */
static void net_setup(void)
{
	char *cmdline = read_file("/proc/cmdline");
	char *ip = cmdline_value(cmdline, "keel.ip"), *gw = cmdline_value(cmdline, "keel.gw");
	char *dev = cmdline_value(cmdline, "keel.dev");
	int sock = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);

	if (sock < 0) {
		say("socket(AF_INET) %s", "", errno);
		if (ip)
			machine_exit(125);
		return;
	}
	if (if_up(sock, "lo") != 0)
		say("cannot bring %s up", "lo", errno);
	if (!ip)
		goto out;

	struct in_addr addr, mask, gwaddr;
	char *slash = strchr(ip, '/');
	long prefix = slash ? strtol(slash + 1, NULL, 10) : 32;
	if (slash)
		*slash = '\0';
	if (inet_pton(AF_INET, ip, &addr) != 1 || prefix < 0 || prefix > 32)
		net_fail("keel.ip=%s: expected ADDR/PREFIX", ip, 0);
	mask.s_addr = htonl(prefix ? 0xffffffffu << (32 - prefix) : 0);
	if (gw && inet_pton(AF_INET, gw, &gwaddr) != 1)
		net_fail("keel.gw=%s: not an IPv4 address", gw, 0);

	/* the driver registers the device when its module loads; allow it a moment */
	struct timespec tick = { 0, 10 * 1000 * 1000 };
	for (int i = 0; i < 500 && !(dev ? if_nametoindex(dev) != 0 : (dev = first_netdev()) != NULL); i++)
		nanosleep(&tick, NULL);
	if (!dev || if_nametoindex(dev) == 0)
		net_fail("no network device %s after 5 s", dev ? dev : "(none but lo)", 0);

	if (set_addr(sock, dev, SIOCSIFADDR, addr) != 0)
		net_fail("SIOCSIFADDR on %s", dev, errno);
	if (set_addr(sock, dev, SIOCSIFNETMASK, mask) != 0)
		net_fail("SIOCSIFNETMASK on %s", dev, errno);
	if (if_up(sock, dev) != 0)
		net_fail("cannot bring %s up", dev, errno);
	if (gw) {
		struct rtentry rt = { 0 };
		struct sockaddr_in any = { .sin_family = AF_INET }, via = { .sin_family = AF_INET,
									       .sin_addr = gwaddr };
		memcpy(&rt.rt_dst, &any, sizeof(any));
		memcpy(&rt.rt_genmask, &any, sizeof(any));
		memcpy(&rt.rt_gateway, &via, sizeof(via));
		rt.rt_flags = RTF_UP | RTF_GATEWAY;
		rt.rt_dev = dev;
		if (ioctl(sock, SIOCADDRT, &rt) != 0 && errno != EEXIST)
			net_fail("SIOCADDRT (default route via keel.gw) on %s", dev, errno);
	}
	fprintf(stderr, "linux-guest init: %s %s/%ld%s%s\n", dev, ip, prefix, gw ? " gw " : "", gw ? gw : "");
out:
	close(sock);
	free(cmdline);
	free(ip);
	free(gw);
	free(dev);
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
	net_setup();

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
