// signals/kill_self.c - kill(getpid(), sig) delivers to the calling
// process before kill returns; signal 0 only checks (returns 0); an
// invalid signal gives EINVAL; a pid that does not exist gives ESRCH.
#define _GNU_SOURCE
#include <signal.h>
#include <unistd.h>
#include "compat.h"

static volatile int calls;
static void h(int sig) { (void)sig; calls++; }

int main(void)
{
	signal(SIGUSR2, h);
	CHECK_OK(kill(getpid(), SIGUSR2));
	printf("handler ran before kill returned: %s\n", calls == 1 ? "yes" : "no");
	CHECK_OK(kill(getpid(), 0));
	CHECK_ERR(kill(getpid(), 65), EINVAL);
	CHECK_ERR(kill(getpid(), -1), EINVAL);
	CHECK_ERR(kill(0x3ffffff0, 0), ESRCH);
	CHECK_ERR(kill(0x3ffffff0, SIGUSR2), ESRCH);
	printf("calls: %d\n", calls);
	return compat_done();
}
