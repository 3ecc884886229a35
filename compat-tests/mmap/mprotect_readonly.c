// mmap/mprotect_readonly.c - after mprotect(PROT_READ) the contents stay
// readable and a store raises SIGSEGV with SEGV_ACCERR at the exact
// address (caught, left with siglongjmp); PROT_READ|PROT_WRITE again makes
// the store work.
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
	char *p = mmap(NULL, 2 * pg, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK(p != MAP_FAILED, "mmap");
	if (p == MAP_FAILED)
		return compat_done();
	p[0] = 'r';
	p[pg] = 'w';
	CHECK_OK(mprotect(p, pg, PROT_READ));
	printf("read-only page still reads: %c\n", p[0]);
	volatile char *target = p + 123;
	if (sigsetjmp(jb, 1) == 0) {
		*target = 'x';
		printf("store succeeded\n");
	} else {
		printf("store faulted: %s, si_addr exact: %s\n", code == SEGV_ACCERR ? "SEGV_ACCERR" : "other",
		       addr == (void *)target ? "yes" : "no");
	}
	p[pg + 1] = 'v'; /* the neighbouring page is still writable */
	printf("neighbour page writable: %c\n", p[pg + 1]);
	CHECK_OK(mprotect(p, pg, PROT_READ | PROT_WRITE));
	*target = 'y';
	printf("after PROT_READ|PROT_WRITE: %c, old byte kept: %c\n", *target, p[0]);
	CHECK_OK(munmap(p, 2 * pg));
	return compat_done();
}
