// signals/siginfo_kill.c - an SA_SIGINFO handler gets si_signo, and for a
// kill() to oneself si_code SI_USER with si_pid = getpid() and si_uid =
// getuid(); for raise() (tgkill) si_code SI_TKILL with the same pid.
#define _GNU_SOURCE
#include <signal.h>
#include <unistd.h>
#include "compat.h"

static volatile int signo, code;
static volatile pid_t pid;
static volatile uid_t uid;

static void h(int sig, siginfo_t *si, void *uc)
{
	(void)sig, (void)uc;
	signo = si->si_signo;
	code = si->si_code;
	pid = si->si_pid;
	uid = si->si_uid;
}

static const char *code_name(int c)
{
	return c == SI_USER ? "SI_USER" : c == SI_TKILL ? "SI_TKILL" : c == SI_QUEUE ? "SI_QUEUE" : "other";
}

int main(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_sigaction = h;
	sa.sa_flags = SA_SIGINFO;
	sigaction(SIGUSR1, &sa, NULL);
	kill(getpid(), SIGUSR1);
	printf("kill: si_signo %s, si_code %s, si_pid ours: %s, si_uid ours: %s\n", signo == SIGUSR1 ? "SIGUSR1" : "other",
	       code_name(code), pid == getpid() ? "yes" : "no", uid == getuid() ? "yes" : "no");
	signo = code = 0;
	pid = 0;
	raise(SIGUSR1);
	printf("raise: si_signo %s, si_code %s, si_pid ours: %s\n", signo == SIGUSR1 ? "SIGUSR1" : "other",
	       code_name(code), pid == getpid() ? "yes" : "no");
	return compat_done();
}
