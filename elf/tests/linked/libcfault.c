/*
 * libcfault: a fault inside libc code is the program's (linked mode:
 * inside the kernel's musl). "catch": a SIGSEGV handler, strlen(NULL),
 * siglongjmp out of the handler; prints si_addr and si_code. "crash":
 * memcpy to a bad pointer without a handler: dies of SIGSEGV (139).
 */
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

static sigjmp_buf env;
static volatile void *fault_addr;
static volatile int fault_code;

static void on_segv(int sig, siginfo_t *si, void *uc)
{
	(void)sig, (void)uc;
	fault_addr = si->si_addr;
	fault_code = si->si_code;
	siglongjmp(env, 1);
}

int main(int argc, char **argv)
{
	char *volatile bad = NULL;
	volatile size_t n = 64;

	if (argc > 1 && !strcmp(argv[1], "crash")) {
		char src[64] = "data";
		printf("memcpy to %p\n", (void *)(bad + 8));
		fflush(stdout);
		memcpy(bad + 8, src, n);
		printf("not reached\n");
		return 1;
	}
	struct sigaction sa = { .sa_sigaction = on_segv, .sa_flags = SA_SIGINFO };
	sigemptyset(&sa.sa_mask);
	sigaction(SIGSEGV, &sa, NULL);
	for (int i = 0; i < 2; i++) { /* twice: the mask is restored by siglongjmp */
		if (sigsetjmp(env, 1) == 0) {
			size_t len = strlen(bad);
			printf("strlen(NULL) returned %zu\n", len);
			return 1;
		}
		printf("recovered %d: SIGSEGV at si_addr %p, si_code %s\n", i, (void *)fault_addr,
		       fault_code == SEGV_MAPERR ? "SEGV_MAPERR" : "other");
	}
	char buf[16];
	snprintf(buf, sizeof(buf), "%d", 42); /* the libc still works */
	printf("after: %s\n", buf);
	return 0;
}
