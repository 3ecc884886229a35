/* A blocking read from an empty pipe is interrupted by a signal whose
 * handler was installed without SA_RESTART: the handler runs and read
 * fails with EINTR. The signal comes from an interval timer (50 ms). */
#define _GNU_SOURCE
#include "compat.h"
#include <signal.h>
#include <sys/time.h>
#include <unistd.h>
// compat: timeout 20

static volatile sig_atomic_t got;

static void on_alarm(int sig)
{
	(void)sig;
	got++;
}

int main(void)
{
	struct sigaction sa = {0};
	sa.sa_handler = on_alarm;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = 0;
	CHECK_OK(sigaction(SIGALRM, &sa, NULL));
	int p[2];
	CHECK_OK(pipe(p));
	struct itimerval it = {{0, 0}, {0, 50000}};
	CHECK_OK(setitimer(ITIMER_REAL, &it, NULL));
	char c;
	CHECK_ERR(read(p[0], &c, 1), EINTR);
	printf("handler ran %d time(s)\n", (int)got);
	return compat_done();
}
