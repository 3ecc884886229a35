/*
 * sigsegv.c - a SIGSEGV handler installed with sigaction(SA_SIGINFO) catches
 * a write to a PROT_NONE page (si_code SEGV_ACCERR, si_addr the exact
 * address), a read from an unmapped low address near NULL (SEGV_MAPERR) and
 * a write to a read-only page; each time the handler leaves with
 * siglongjmp and the program carries on. Also checks that the signal mask
 * is restored by siglongjmp and that SA_RESETHAND / SA_NODEFER behave.
 */
#define _GNU_SOURCE
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include "check.h"

static sigjmp_buf jb;
static volatile sig_atomic_t hits;
static void *volatile fault_addr;
static volatile int fault_code, fault_signo, segv_blocked_in_handler;

static void on_segv(int sig, siginfo_t *si, void *uctx)
{
	(void)uctx;
	sigset_t cur;
	sigprocmask(SIG_BLOCK, NULL, &cur);
	segv_blocked_in_handler = sigismember(&cur, SIGSEGV);
	hits++;
	fault_signo = si->si_signo == sig ? sig : -1;
	fault_addr = si->si_addr;
	fault_code = si->si_code;
	siglongjmp(jb, 1);
}

static const char *code_name(int c)
{
	return c == SEGV_MAPERR ? "SEGV_MAPERR" : c == SEGV_ACCERR ? "SEGV_ACCERR" : "other";
}

/* Returns 1 if the access faulted. */
static int try_write(volatile char *p, int *code, void **addr)
{
	if (sigsetjmp(jb, 1) == 0) {
		*p = 1;
		return 0;
	}
	*code = fault_code;
	*addr = fault_addr;
	return 1;
}

static int try_read(volatile char *p, int *code, void **addr)
{
	if (sigsetjmp(jb, 1) == 0) {
		char c = *p;
		(void)c;
		return 0;
	}
	*code = fault_code;
	*addr = fault_addr;
	return 1;
}

int main(void)
{
	setvbuf(stdout, NULL, _IOLBF, 0);
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_sigaction = on_segv;
	sa.sa_flags = SA_SIGINFO;
	sigemptyset(&sa.sa_mask);
	CHECK(sigaction(SIGSEGV, &sa, NULL) == 0, "sigaction");

	char *page = mmap(NULL, 3 * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK(page != MAP_FAILED, "mmap");
	CHECK(mprotect(page + 4096, 4096, PROT_NONE) == 0, "mprotect PROT_NONE");
	CHECK(mprotect(page + 8192, 4096, PROT_READ) == 0, "mprotect PROT_READ");
	page[0] = 5;

	int code = 0;
	void *addr = NULL;
	int f = try_write(page + 4096 + 123, &code, &addr);
	printf("write to PROT_NONE page: caught %s, signal %s, si_code %s, si_addr exact: %s\n",
	       f ? "yes" : "no", fault_signo == SIGSEGV ? "SIGSEGV" : "other", code_name(code),
	       addr == page + 4096 + 123 ? "yes" : "no");
	CHECK(f && code == SEGV_ACCERR && addr == page + 4096 + 123, "PROT_NONE write");
	printf("SIGSEGV blocked inside the handler: %s\n", segv_blocked_in_handler ? "yes" : "no");
	CHECK(segv_blocked_in_handler, "signal blocked during its handler");

	sigset_t cur;
	sigprocmask(SIG_BLOCK, NULL, &cur);
	printf("SIGSEGV blocked after siglongjmp: %s\n", sigismember(&cur, SIGSEGV) ? "yes" : "no");
	CHECK(!sigismember(&cur, SIGSEGV), "siglongjmp restores the mask");

	f = try_read((volatile char *)16, &code, &addr);
	printf("read near NULL: caught %s, si_code %s, si_addr exact: %s\n", f ? "yes" : "no",
	       code_name(code), addr == (void *)16 ? "yes" : "no");
	CHECK(f && code == SEGV_MAPERR && addr == (void *)16, "NULL read");

	f = try_write((volatile char *)0, &code, &addr);
	printf("write to NULL: caught %s, si_code %s, si_addr is NULL: %s\n", f ? "yes" : "no",
	       code_name(code), addr == NULL ? "yes" : "no");
	CHECK(f && code == SEGV_MAPERR && addr == NULL, "NULL write");

	f = try_write(page + 8192 + 8, &code, &addr);
	printf("write to read-only page: caught %s, si_code %s, si_addr exact: %s\n",
	       f ? "yes" : "no", code_name(code), addr == page + 8192 + 8 ? "yes" : "no");
	CHECK(f && code == SEGV_ACCERR && addr == page + 8192 + 8, "read-only write");

	f = try_read(page + 8192 + 8, &code, &addr);
	printf("read from read-only page: faulted %s\n", f ? "yes" : "no");
	CHECK(!f, "read-only read must work");

	/* after making it accessible the same write works */
	CHECK(mprotect(page + 4096, 4096, PROT_READ | PROT_WRITE) == 0, "mprotect back");
	f = try_write(page + 4096 + 123, &code, &addr);
	printf("write after mprotect RW: faulted %s\n", f ? "yes" : "no");
	CHECK(!f && page[4096 + 123] == 1 && page[0] == 5, "write after mprotect");

	printf("handler ran %d times\n", (int)hits);
	CHECK(hits == 4, "hits");

	/* SA_RESETHAND: the disposition is back to SIG_DFL after one delivery */
	sa.sa_flags = SA_SIGINFO | SA_RESETHAND;
	CHECK(sigaction(SIGSEGV, &sa, NULL) == 0, "sigaction SA_RESETHAND");
	f = try_write((volatile char *)0, &code, &addr);
	struct sigaction old;
	sigaction(SIGSEGV, NULL, &old);
	printf("SA_RESETHAND: caught %s, disposition reset to SIG_DFL: %s\n", f ? "yes" : "no",
	       old.sa_handler == SIG_DFL ? "yes" : "no");
	CHECK(f && old.sa_handler == SIG_DFL, "SA_RESETHAND");
	munmap(page, 3 * 4096);
	return check_done();
}
