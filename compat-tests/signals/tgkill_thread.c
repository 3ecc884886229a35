// signals/tgkill_thread.c - tgkill(getpid(), tid, sig) to another thread
// runs the handler on that thread (pthread_self inside the handler is the
// target), not on the sender; tgkill with a tid that does not exist gives
// ESRCH, with a bad signal EINVAL.
#define _GNU_SOURCE
#include <pthread.h>
#include <semaphore.h>
#include <signal.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "compat.h"

static pthread_t target;
static volatile pid_t target_tid;
static volatile int on_target, calls;
static sem_t ready, done;

static void h(int sig)
{
	(void)sig;
	calls++;
	on_target = pthread_equal(pthread_self(), target);
	sem_post(&done);
}

static void *work(void *arg)
{
	(void)arg;
	target_tid = (pid_t)syscall(SYS_gettid);
	sem_post(&ready);
	while (sem_wait(&done) != 0) /* the handler posts it */
		;
	return NULL;
}

int main(void)
{
	sem_init(&ready, 0, 0);
	sem_init(&done, 0, 0);
	signal(SIGUSR1, h);
	pthread_create(&target, NULL, work, NULL);
	sem_wait(&ready);
	CHECK_OK(syscall(SYS_tgkill, getpid(), target_tid, SIGUSR1));
	pthread_join(target, NULL);
	printf("handler calls: %d, ran on the target thread: %s\n", calls, on_target ? "yes" : "no");
	CHECK_ERR(syscall(SYS_tgkill, getpid(), 0x3ffffff0, SIGUSR1), ESRCH);
	CHECK_ERR(syscall(SYS_tgkill, getpid(), syscall(SYS_gettid), 65), EINVAL);
	CHECK_ERR(syscall(SYS_tgkill, getpid(), -5, SIGUSR1), EINVAL);
	CHECK_OK(syscall(SYS_tgkill, getpid(), syscall(SYS_gettid), 0));
	return compat_done();
}
