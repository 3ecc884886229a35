/*
 * cmdline.h - the kernel command line (QEMU -append).
 *
 * Form: [OPTION...] [--] [WORD...]. Options come first and start with
 * "--"; the first word that does not, or everything after a bare "--", is
 * a WORD. A word in double quotes may contain spaces; inside quotes \" and
 * \\ stand for " and \. Options:
 *   --selftest=NAME[:ARG]  run a built-in self-test instead of a program
 *   --quiet                do not print the boot facts
 *   --env=K=V              add K=V to the program's environment (repeatable)
 *   --syscall-stats        print how often each system call trapped, at exit
 *   --mode=linked|interp|auto  how to run the program (DESIGN.md "Running a
 *                          program"): linked binds a musl program's libc to
 *                          the kernel's (elf/linked.c) and fails, exit status
 *                          127, with the list of what is missing; interp runs
 *                          its PT_INTERP (the default for now); auto is linked
 *                          when possible, else interp with the reason printed
 *   --ip=ADDR/PREFIX       static IPv4 address of the first network device (no DHCP)
 *   --gw=ADDR              default gateway (with --ip)
 *   --dns=ADDR             name server: written to /etc/resolv.conf
 *   --net=none             leave network devices down (loopback still works)
 *   --dhcp-wait=MS         how long boot waits for a DHCP lease (default 3000)
 * WORDs are the program's argv. When the boot image names a program
 * (/.keel/cmdline, written by tools/mkimage), the WORDs are appended to
 * the image's argv instead, and --env adds to the image's environment.
 */
#ifndef KEEL_CMDLINE_H
#define KEEL_CMDLINE_H

#include <stdbool.h>

#define CMDLINE_MAX_ARGS 64
#define CMDLINE_MAX_ENV 64

enum { CMDLINE_MODE_AUTO, CMDLINE_MODE_INTERP, CMDLINE_MODE_LINKED };

struct cmdline {
	const char *selftest;
	int mode;                  /* CMDLINE_MODE_*, from --mode= */
	bool quiet;
	bool syscall_stats;
	const char *ip, *gw, *dns; /* network options as given; net/netif.c parses them */
	bool net_none;
	int dhcp_wait_ms;          /* -1: default */
	int argc;
	char *argv[CMDLINE_MAX_ARGS + 1];
	int envc;
	char *envp[CMDLINE_MAX_ENV + 1];
};

/* Return: 0, or -EINVAL after printing what is wrong. */
int cmdline_parse(char *line, struct cmdline *cl);
/* Run what the command line asks for. Return: the exit status. */
int cmdline_run(const struct cmdline *cl);

/* selftest.c. Return: exit status of the named test, or -ENOENT. */
int selftest_run(const char *name);
void selftest_list(void);

/* launch.c: start the program (image command merged with cl) and wait for
 * it; returns only if it could not start. Return: exit status for that. */
int launch_program(const struct cmdline *cl);

#endif
