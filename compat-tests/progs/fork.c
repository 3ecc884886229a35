/*
 * fork.c - a program that tries fork() and copes either way. On Linux the
 * fork succeeds: the child _exit(0)s and the parent reaps it with waitpid.
 * In keel (one process) fork fails with ENOSYS or EAGAIN. Both are
 * "handled"; anything else (another errno, a bad wait status) is a
 * failure. Then the program shows that it carries on normally, including
 * buffered stdio output written before the fork (flushed once only).
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>
#include "check.h"

int main(void)
{
	printf("before fork\n");
	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0)
		_exit(0);
	int handled = 0;
	if (pid > 0) {
		int status = -1;
		pid_t w = waitpid(pid, &status, 0);
		handled = w == pid && WIFEXITED(status) && WEXITSTATUS(status) == 0;
		CHECK(handled, "waitpid of the child");
	} else {
		handled = errno == ENOSYS || errno == EAGAIN;
		CHECK(handled, "fork failed with an unexpected errno");
	}
	printf("fork: %s\n", handled ? "handled" : "NOT handled");

	/* carrying on: allocate, compute, print */
	long sum = 0;
	for (int i = 0; i < 1000; i++) {
		long *p = malloc(64 * sizeof *p);
		p[63] = i;
		sum += p[63];
		free(p);
	}
	printf("after fork: sum %ld\n", sum);
	CHECK(sum == 499500, "sum");
	return check_done();
}
