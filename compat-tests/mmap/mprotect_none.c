// mmap/mprotect_none.c - a PROT_NONE page faults on a read (SIGSEGV,
// SEGV_ACCERR) and its contents survive: after mprotect back to
// PROT_READ|PROT_WRITE they are still there. mmap with PROT_NONE as well.
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

static void try_read(const char *what, volatile char *p)
{
	code = 0;
	if (sigsetjmp(jb, 1) == 0) {
		char c = *p;
		printf("%s: read %d\n", what, c);
	} else {
		printf("%s: %s\n", what, code == SEGV_ACCERR ? "SEGV_ACCERR" : code == SEGV_MAPERR ? "SEGV_MAPERR" : "other");
	}
}

int main(void)
{
	long pg = sysconf(_SC_PAGESIZE);
	struct sigaction sa = { .sa_sigaction = on_segv, .sa_flags = SA_SIGINFO };
	sigemptyset(&sa.sa_mask);
	CHECK_OK(sigaction(SIGSEGV, &sa, NULL));
	char *p = mmap(NULL, pg, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK(p != MAP_FAILED, "mmap");
	if (p == MAP_FAILED)
		return compat_done();
	p[5] = 42;
	CHECK_OK(mprotect(p, pg, PROT_NONE));
	try_read("PROT_NONE page", p + 5);
	CHECK_OK(mprotect(p, pg, PROT_READ | PROT_WRITE));
	try_read("after restoring", p + 5);
	char *q = mmap(NULL, pg, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK(q != MAP_FAILED, "mmap PROT_NONE");
	try_read("mapped PROT_NONE", q);
	CHECK_OK(mprotect(q, pg, PROT_READ));
	try_read("then PROT_READ", q);
	CHECK_OK(munmap(p, pg));
	CHECK_OK(munmap(q, pg));
	return compat_done();
}
