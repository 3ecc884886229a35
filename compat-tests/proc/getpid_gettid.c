/*
 * getpid_gettid.c - in the main thread gettid() equals getpid(); another
 * thread has its own tid, different from the pid, and sees the same
 * getpid(). getppid() succeeds (its value is not printed).
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "compat.h"

static pid_t thread_pid, thread_tid;

static void *body(void *arg)
{
	(void)arg;
	thread_pid = getpid();
	thread_tid = (pid_t)syscall(SYS_gettid);
	return NULL;
}

int main(void)
{
	pid_t pid = getpid(), tid = (pid_t)syscall(SYS_gettid);
	printf("pid > 0: %s\n", pid > 0 ? "yes" : "no");
	printf("main: tid == pid: %s\n", tid == pid ? "yes" : "no");
	printf("getpid stable: %s\n", getpid() == pid ? "yes" : "no");
	pthread_t t;
	CHECK(pthread_create(&t, NULL, body, NULL) == 0, "pthread_create");
	pthread_join(t, NULL);
	printf("thread: same pid: %s, tid != pid: %s, tid > 0: %s\n", thread_pid == pid ? "yes" : "no",
	       thread_tid != pid ? "yes" : "no", thread_tid > 0 ? "yes" : "no");
	printf("getppid >= 0: %s\n", getppid() >= 0 ? "yes" : "no");
	return compat_done();
}
