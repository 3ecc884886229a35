/* With SA_RESTART, a blocking read on a pipe that a signal interrupts is
 * restarted after the handler: it returns the data a thread writes
 * later, not EINTR. */
#define _GNU_SOURCE
#include "compat.h"
#include <pthread.h>
#include <signal.h>
#include <time.h>
#include <unistd.h>
// compat: timeout 20

static volatile sig_atomic_t got;
static int p[2];
static pthread_t main_thread;

static void on_usr1(int sig)
{
	(void)sig;
	got++;
}

static void *helper(void *arg)
{
	(void)arg;
	struct timespec ts = {0, 50000000};
	nanosleep(&ts, NULL);
	pthread_kill(main_thread, SIGUSR1);
	nanosleep(&ts, NULL);
	if (write(p[1], "late", 4) != 4)
		return (void *)1;
	return NULL;
}

int main(void)
{
	struct sigaction sa = {0};
	sa.sa_handler = on_usr1;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = SA_RESTART;
	CHECK_OK(sigaction(SIGUSR1, &sa, NULL));
	CHECK_OK(pipe(p));
	main_thread = pthread_self();
	pthread_t t;
	pthread_create(&t, NULL, helper, NULL);
	char buf[8] = {0};
	ssize_t n = read(p[0], buf, sizeof buf);
	printf("read %zd '%s' errno %s, handler ran %d time(s)\n", n, buf,
	       n < 0 ? errno_name(errno) : "-", (int)got);
	pthread_join(t, NULL);
	return compat_done();
}
