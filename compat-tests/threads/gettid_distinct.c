// threads/gettid_distinct.c - gettid: the main thread's id is the process
// id; 8 other threads each have an id different from every other thread's
// and from the pid, and getpid is the same in all of them.
#define _GNU_SOURCE
#include <pthread.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "compat.h"

#define N 8

static pid_t tids[N], pids[N];
static pthread_barrier_t b;

static void *work(void *arg)
{
	long i = (long)arg;
	tids[i] = (pid_t)syscall(SYS_gettid);
	pids[i] = getpid();
	pthread_barrier_wait(&b); /* all alive at once: ids cannot be reused */
	return NULL;
}

int main(void)
{
	pid_t pid = getpid();
	printf("main tid == pid: %s\n", syscall(SYS_gettid) == pid ? "yes" : "no");
	pthread_barrier_init(&b, NULL, N);
	pthread_t t[N];
	for (long i = 0; i < N; i++)
		pthread_create(&t[i], NULL, work, (void *)i);
	for (int i = 0; i < N; i++)
		pthread_join(t[i], NULL);
	int distinct = 1, same_pid = 1;
	for (int i = 0; i < N; i++) {
		distinct &= tids[i] != pid && tids[i] > 0;
		same_pid &= pids[i] == pid;
		for (int j = 0; j < i; j++)
			distinct &= tids[i] != tids[j];
	}
	printf("distinct: %s\n", distinct ? "yes" : "no");
	printf("getpid same in every thread: %s\n", same_pid ? "yes" : "no");
	return compat_done();
}
