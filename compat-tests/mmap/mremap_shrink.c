// mmap/mremap_shrink.c - mremap to a smaller size keeps the address and
// the first pages' contents; the cut-off pages are unmapped (a touch
// raises SIGSEGV SEGV_MAPERR).
#define _GNU_SOURCE
#include <setjmp.h>
#include <signal.h>
#include <sys/mman.h>
#include <unistd.h>
#include "compat.h"

static sigjmp_buf jb;
static volatile int code;

static void on_segv(int sig, siginfo_t *si, void *uc)
{
	(void)sig, (void)uc;
	code = si->si_code;
	siglongjmp(jb, 1);
}

int main(void)
{
	long pg = sysconf(_SC_PAGESIZE);
	struct sigaction sa = { .sa_sigaction = on_segv, .sa_flags = SA_SIGINFO };
	sigemptyset(&sa.sa_mask);
	CHECK_OK(sigaction(SIGSEGV, &sa, NULL));
	char *p = mmap(NULL, 4 * pg, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK(p != MAP_FAILED, "mmap");
	if (p == MAP_FAILED)
		return compat_done();
	memset(p, 's', 4 * pg);
	char *q = mremap(p, 4 * pg, pg, 0);
	printf("same address: %s, kept: %c\n", q == p ? "yes" : "no", p[pg - 1]);
	volatile char *gone = p + 2 * pg;
	if (sigsetjmp(jb, 1) == 0) {
		(void)*gone;
		printf("cut-off page readable\n");
	} else {
		printf("cut-off page: %s\n", code == SEGV_MAPERR ? "SEGV_MAPERR" : "other");
	}
	CHECK_OK(munmap(p, pg));
	return compat_done();
}
