// mmap/beyond_eof_sigbus.c - touching a page of a file mapping that lies
// wholly past the end of the file raises SIGBUS (si_code BUS_ADRERR), for
// a read and for a write; the page holding EOF is fine.
#define _GNU_SOURCE
#include <fcntl.h>
#include <setjmp.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>
#include "compat.h"

static sigjmp_buf jb;
static volatile int code, signo;
static void *volatile addr;

static void on_fault(int sig, siginfo_t *si, void *uc)
{
	(void)uc;
	signo = sig;
	code = si->si_code;
	addr = si->si_addr;
	siglongjmp(jb, 1);
}

static void report(const char *what, volatile char *p, int write)
{
	signo = 0;
	if (sigsetjmp(jb, 1) == 0) {
		if (write)
			*p = 1;
		else
			(void)*p;
		printf("%s: no fault\n", what);
	} else {
		printf("%s: %s %s, si_addr exact: %s\n", what,
		       signo == SIGBUS ? "SIGBUS" : signo == SIGSEGV ? "SIGSEGV" : "other",
		       code == BUS_ADRERR ? "BUS_ADRERR" : "other code", addr == (void *)p ? "yes" : "no");
	}
}

int main(void)
{
	long pg = sysconf(_SC_PAGESIZE);
	struct sigaction sa = { .sa_sigaction = on_fault, .sa_flags = SA_SIGINFO };
	sigemptyset(&sa.sa_mask);
	CHECK_OK(sigaction(SIGBUS, &sa, NULL));
	CHECK_OK(sigaction(SIGSEGV, &sa, NULL));
	char dir[] = "/tmp/compat-XXXXXX", path[64];
	CHECK(mkdtemp(dir) != NULL, "mkdtemp");
	snprintf(path, sizeof path, "%s/f", dir);
	int fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0600);
	CHECK_OK(fd);
	CHECK(write(fd, "abc", 3) == 3, "write");
	char *m = mmap(NULL, 3 * pg, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	CHECK(m != MAP_FAILED, "mmap");
	if (m == MAP_FAILED)
		return compat_done();
	report("read in the EOF page", m + 10, 0);
	report("read one page past", m + pg + 5, 0);
	report("write two pages past", m + 2 * pg, 1);
	CHECK_OK(munmap(m, 3 * pg));
	close(fd);
	unlink(path);
	rmdir(dir);
	return compat_done();
}
