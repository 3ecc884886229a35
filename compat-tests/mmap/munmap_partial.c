// mmap/munmap_partial.c - munmap of the middle page of a mapping removes
// only that page: the pages on both sides keep their contents, and a touch
// of the hole raises SIGSEGV with si_code SEGV_MAPERR.
#define _GNU_SOURCE
#include <setjmp.h>
#include <signal.h>
#include <sys/mman.h>
#include <unistd.h>
#include "compat.h"

static sigjmp_buf jb;
static volatile int code;
static void *volatile addr;

static void on_segv(int sig, siginfo_t *si, void *uc)
{
	(void)sig, (void)uc;
	code = si->si_code;
	addr = si->si_addr;
	siglongjmp(jb, 1);
}

int main(void)
{
	long pg = sysconf(_SC_PAGESIZE);
	struct sigaction sa = { .sa_sigaction = on_segv, .sa_flags = SA_SIGINFO };
	sigemptyset(&sa.sa_mask);
	CHECK_OK(sigaction(SIGSEGV, &sa, NULL));
	char *p = mmap(NULL, 3 * pg, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK(p != MAP_FAILED, "mmap");
	if (p == MAP_FAILED)
		return compat_done();
	memset(p, 'a', pg);
	memset(p + pg, 'b', pg);
	memset(p + 2 * pg, 'c', pg);
	CHECK_OK(munmap(p + pg, pg));
	printf("page 0: %c%c, page 2: %c%c\n", p[0], p[pg - 1], p[2 * pg], p[3 * pg - 1]);
	volatile char *hole = p + pg + 10;
	if (sigsetjmp(jb, 1) == 0) {
		char c = *hole;
		(void)c;
		printf("hole readable: yes\n");
	} else {
		printf("hole faulted: %s, si_addr exact: %s\n",
		       code == SEGV_MAPERR ? "SEGV_MAPERR" : code == SEGV_ACCERR ? "SEGV_ACCERR" : "other",
		       addr == (void *)hole ? "yes" : "no");
	}
	/* unmapping the hole again and the rest is fine */
	CHECK_OK(munmap(p, 3 * pg));
	return compat_done();
}
